package dev.tunescope.io;

import dev.tunescope.run.BlockSpace;
import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.HistogramSeriesBuilder;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.ScalarSeriesBuilder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link SeriesCollector} in a run cache's index: each scalar series as the positions of its blocks in the
 * entry's block file (written there first where they were not), the histograms, warnings and restart notes in
 * full. Restored, the collector reads on exactly as the one that was saved would have.
 */
final class CollectorState {
    private CollectorState() {
    }

    /** Writes {@code collector}; false when the block file had no room for its last blocks. */
    static boolean write(DataOutputStream out, SeriesCollector collector, SpillFile blocks) throws IOException {
        Map<String, ScalarSeriesBuilder> scalars = collector.scalarBuilders();
        List<long[]> positions = new ArrayList<>();
        for (ScalarSeriesBuilder builder : scalars.values()) {
            long[] stored = builder.storeIn(blocks);
            if (stored == null) {
                return false;
            }
            positions.add(stored);
        }
        out.writeInt(scalars.size());
        int k = 0;
        for (ScalarSeriesBuilder builder : scalars.values()) {
            writeString(out, builder.tag());
            out.writeBoolean(builder.hasWallTimes());
            out.writeLong(builder.droppedPoints());
            long[] at = positions.get(k++);
            out.writeInt(at.length);
            for (long position : at) {
                out.writeLong(position);
            }
        }
        Map<String, HistogramSeriesBuilder> histograms = collector.histogramBuilders();
        out.writeInt(histograms.size());
        for (HistogramSeriesBuilder builder : histograms.values()) {
            HistogramSeries series = builder.build();
            writeString(out, series.tag());
            out.writeInt(series.size());
            for (HistogramSeries.Point point : series.points()) {
                out.writeLong(point.step());
                out.writeDouble(point.wallTime());
                writeHistogram(out, point.histogram());
            }
        }
        List<ReadWarning> warnings = collector.keptWarnings();
        out.writeInt(warnings.size());
        for (ReadWarning warning : warnings) {
            writeString(out, warning.file());
            out.writeLong(warning.byteOffset());
            out.writeLong(warning.line());
            writeString(out, warning.message());
        }
        out.writeInt(collector.warningCounts().size());
        for (Map.Entry<String, Integer> count : collector.warningCounts().entrySet()) {
            writeString(out, count.getKey());
            out.writeInt(count.getValue());
        }
        out.writeInt(collector.restartNotes().size());
        for (Map.Entry<SeriesCollector.TagInFile, SeriesCollector.Restart> note : collector.restartNotes().entrySet()) {
            writeString(out, note.getKey().file());
            writeString(out, note.getKey().tag());
            SeriesCollector.Restart restart = note.getValue();
            out.writeLong(restart.step());
            out.writeLong(restart.byteOffset());
            out.writeLong(restart.line());
            out.writeLong(restart.dropped());
        }
        return true;
    }

    /**
     * Fills the empty {@code collector} from {@code in}; its series read their blocks in {@code blocks}.
     *
     * @throws IllegalArgumentException when the index names a block that is not there or is damaged
     */
    static void read(DataInputStream in, SeriesCollector collector, SpillFile blocks) throws IOException {
        int scalars = count(in);
        for (int s = 0; s < scalars; s++) {
            String tag = readString(in);
            boolean wallTimes = in.readBoolean();
            long dropped = in.readLong();
            int count = count(in);
            List<BlockSpace.Slot> slots = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                long position = in.readLong();
                BlockSpace.Slot slot = blocks.slotAt(position);
                if (slot == null) {
                    throw new IllegalArgumentException("no block at byte " + position + " of " + blocks.path());
                }
                slots.add(slot);
            }
            collector.restoreScalar(ScalarSeriesBuilder.restore(tag, blocks, slots, wallTimes, dropped));
        }
        int histograms = count(in);
        for (int h = 0; h < histograms; h++) {
            String tag = readString(in);
            int points = count(in);
            for (int p = 0; p < points; p++) {
                long step = in.readLong();
                double wallTime = in.readDouble();
                collector.restoreHistogram(tag, step, wallTime, readHistogram(in));
            }
        }
        int warningCount = count(in);
        List<ReadWarning> warnings = new ArrayList<>(warningCount);
        for (int w = 0; w < warningCount; w++) {
            warnings.add(new ReadWarning(readString(in), in.readLong(), in.readLong(), readString(in)));
        }
        int files = count(in);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int f = 0; f < files; f++) {
            counts.put(readString(in), in.readInt());
        }
        int notes = count(in);
        Map<SeriesCollector.TagInFile, SeriesCollector.Restart> restarts = new LinkedHashMap<>();
        for (int n = 0; n < notes; n++) {
            SeriesCollector.TagInFile where = new SeriesCollector.TagInFile(readString(in), readString(in));
            restarts.put(where, new SeriesCollector.Restart(in.readLong(), in.readLong(), in.readLong(),
                    in.readLong()));
        }
        collector.restoreWarnings(warnings, counts, restarts);
    }

    private static void writeHistogram(DataOutputStream out, Histogram histogram) throws IOException {
        out.writeDouble(histogram.min());
        out.writeDouble(histogram.max());
        out.writeDouble(histogram.num());
        out.writeDouble(histogram.sum());
        out.writeDouble(histogram.sumSquares());
        out.writeInt(histogram.bucketCount());
        for (int b = 0; b < histogram.bucketCount(); b++) {
            out.writeDouble(histogram.bucketLimit(b));
            out.writeDouble(histogram.count(b));
        }
    }

    private static Histogram readHistogram(DataInputStream in) throws IOException {
        double min = in.readDouble();
        double max = in.readDouble();
        double num = in.readDouble();
        double sum = in.readDouble();
        double sumSquares = in.readDouble();
        int buckets = count(in);
        double[] limits = new double[buckets];
        double[] counts = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            limits[b] = in.readDouble();
            counts[b] = in.readDouble();
        }
        return new Histogram(min, max, num, sum, sumSquares, limits, counts);
    }

    /** A count read back; a negative or absurd one means a damaged index. */
    static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1 << 28) {
            throw new IllegalArgumentException("a damaged count (" + count + ") in a cache index");
        }
        return count;
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
