package dev.tunescope.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.RunStatus;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a run in Tunescope's own format (see {@link TunescopeFormat}) while it trains.
 *
 * <p>Each record is one line handed to the operating system in a single write as soon as it is logged, so a
 * reader tailing the folder sees it at once and never sees half a record except while that write is under way
 * (a reader waits for the line break). Lines are not forced to disk one by one: that would cost a sync per
 * step, and after a crash the reader keeps every complete line anyway. A line that cannot be written whole (a
 * full disk takes part of it) is cut off again, so the log still ends with a complete line. {@code run.json}
 * is replaced whole through {@link AtomicFiles}, so a reader always finds the old or the new version whole.
 *
 * <p>A full disk would also leave no room for the last word, the {@code failed} status: so the writer holds
 * {@value #RESERVE_BYTES} bytes in a hidden {@value #RESERVE} while the run is open, and gives them up when
 * {@code run.json} cannot be replaced otherwise. The reserve is deleted on close.
 *
 * <p>Opening a folder that already holds a run appends to its logs (a resumed run); the reader's restart rule
 * then keeps the newest points of any steps logged again. Safe to call from several threads.
 */
public final class TunescopeRunWriter implements Closeable {
    static final String RESERVE = ".run.json.reserve";
    static final int RESERVE_BYTES = 16 * 1024;

    /** Opens a log for appending; tests pass one whose device fills up. */
    interface LogOpener {
        SeekableByteChannel open(Path file) throws IOException;
    }

    private final Path dir;
    private final Clock clock;
    private final LogOpener opener;
    private final Log metrics;
    private Log histograms; // opened on the first histogram, so runs without any get no empty file
    private TunescopeRunInfo info;
    private boolean closed;

    private TunescopeRunWriter(Path dir, Clock clock, LogOpener opener, TunescopeRunInfo info, Log metrics) {
        this.dir = dir;
        this.clock = clock;
        this.opener = opener;
        this.info = info;
        this.metrics = metrics;
    }

    /** Creates {@code runDir} (and its parents) if needed, writes {@code run.json}, opens the logs. */
    public static TunescopeRunWriter create(Path runDir, TunescopeRunInfo info) throws IOException {
        return create(runDir, info, Clock.systemUTC());
    }

    /** As {@link #create(Path, TunescopeRunInfo)}, with {@code clock} giving the wall time of every record. */
    public static TunescopeRunWriter create(Path runDir, TunescopeRunInfo info, Clock clock) throws IOException {
        return create(runDir, info, clock, TunescopeRunWriter::append);
    }

    static TunescopeRunWriter create(Path runDir, TunescopeRunInfo info, Clock clock, LogOpener opener)
            throws IOException {
        Files.createDirectories(runDir);
        AtomicFiles.write(runDir.resolve(TunescopeFormat.RUN_JSON), RunJson.write(info));
        holdReserve(runDir);
        Log metrics = Log.open(runDir.resolve(TunescopeFormat.METRICS), opener);
        return new TunescopeRunWriter(runDir, clock, opener, info, metrics);
    }
    public Path directory() {
        return dir;
    }

    public synchronized TunescopeRunInfo info() {
        return info;
    }

    /**
     * Logs the metrics of one step, stamped with the clock's time. Non-finite values are written as the strings
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
     *
     * @param values by tag, in the order they should appear on the line; a tag may not be "step" or "time"
     */
    public synchronized void metrics(long step, Map<String, Double> values) throws IOException {
        ObjectNode line = record(step);
        values.forEach((tag, value) -> {
            if (tag.equals(TunescopeFormat.STEP) || tag.equals(TunescopeFormat.TIME)) {
                throw new IllegalArgumentException("'" + tag + "' is a field of every record, not a metric tag");
            }
            line.put(tag, Objects.requireNonNull(value, tag));
        });
        writeLine(metrics, line);
    }

    /**
     * Logs one histogram in {@code numpy.histogram}'s form: {@code edges} has one entry more than
     * {@code counts}, and bucket {@code i} counts the values between {@code edges[i]} and {@code edges[i+1]}.
     */
    public synchronized void histogram(long step, String tag, double[] edges, double[] counts) throws IOException {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram needs one edge more than counts, not " + edges.length
                    + " edges for " + counts.length + " counts");
        }
        ObjectNode line = record(step);
        line.put(TunescopeFormat.TAG, tag);
        ArrayNode edgeArray = line.putArray(TunescopeFormat.EDGES);
        for (double edge : edges) {
            edgeArray.add(edge);
        }
        ArrayNode countArray = line.putArray(TunescopeFormat.COUNTS);
        for (double count : counts) {
            if (count == Math.rint(count) && Math.abs(count) < 0x1p53) {
                countArray.add((long) count); // whole counts read as integers
            } else {
                countArray.add(count);
            }
        }
        if (histograms == null) {
            ensureOpen();
            histograms = Log.open(dir.resolve(TunescopeFormat.HISTOGRAMS), opener);
        }
        writeLine(histograms, line);
    }

    /** Records a new status, replacing {@code run.json} whole. */
    public synchronized void status(RunStatus status) throws IOException {
        ensureOpen();
        replaceRunJson(info.withStatus(status));
    }

    /**
     * Records a new status together with facts about the run known only at its end (an external command's exit
     * code, why it stopped), added to the workload map, replacing {@code run.json} whole.
     */
    public synchronized void status(RunStatus status, Map<String, Object> workloadFacts) throws IOException {
        ensureOpen();
        Map<String, Object> workload = new LinkedHashMap<>(info.workload());
        workload.putAll(workloadFacts);
        replaceRunJson(new TunescopeRunInfo(info.name(), info.created(), status, info.device(), info.hparams(),
                workload));
    }

    /**
     * Records a final status with extra hyperparameters (e.g. {@code out_of_memory: true} for a batch size that did
     * not fit, which the batch-size rule reads), replacing {@code run.json} whole.
     */
    public synchronized void status(RunStatus status, Hyperparameters extra) throws IOException {
        ensureOpen();
        Map<String, HyperparameterValue> merged = new LinkedHashMap<>(info.hparams().values());
        merged.putAll(extra.values());
        replaceRunJson(new TunescopeRunInfo(info.name(), info.created(), status, info.device(),
                new Hyperparameters(merged, info.hparams().source()), info.workload()));
    }

    /** Closes the logs. The status stays what it was last set to: closing does not mean the run finished. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            metrics.close();
        } finally {
            try {
                if (histograms != null) {
                    histograms.close();
                }
            } finally {
                Files.deleteIfExists(dir.resolve(RESERVE));
            }
        }
    }

    private ObjectNode record(long step) {
        ObjectNode line = TunescopeJson.MAPPER.createObjectNode();
        line.put(TunescopeFormat.STEP, step);
        line.put(TunescopeFormat.TIME, BigDecimal.valueOf(clock.millis(), 3)); // seconds, written 1767323045.250
        return line;
    }

    private void writeLine(Log log, ObjectNode line) throws IOException {
        ensureOpen();
        byte[] json;
        try {
            json = TunescopeJson.MAPPER.writeValueAsBytes(line);
        } catch (JacksonException e) {
            throw new IOException("could not encode a record: " + e.getOriginalMessage(), e);
        }
        byte[] bytes = new byte[json.length + 1];
        System.arraycopy(json, 0, bytes, 0, json.length);
        bytes[json.length] = '\n';
        log.append(bytes);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the writer of " + dir + " is closed");
        }
    }

    /** Replaces run.json; where that fails (a full disk), once more after giving up the reserve. */
    private void replaceRunJson(TunescopeRunInfo next) throws IOException {
        Path file = dir.resolve(TunescopeFormat.RUN_JSON);
        byte[] bytes = RunJson.write(next);
        try {
            AtomicFiles.write(file, bytes);
        } catch (IOException failure) {
            if (!Files.deleteIfExists(dir.resolve(RESERVE))) {
                throw failure;
            }
            AtomicFiles.write(file, bytes);
        }
        info = next;
    }

    /** Best effort: a disk too full for the reserve fails the run's first lines soon enough. */
    private static void holdReserve(Path runDir) {
        Path reserve = runDir.resolve(RESERVE);
        try {
            Files.write(reserve, new byte[RESERVE_BYTES]);
        } catch (IOException noRoom) {
            try {
                Files.deleteIfExists(reserve);
            } catch (IOException ignored) {
                // nothing held, nothing to give back
            }
        }
    }

    private static SeekableByteChannel append(Path file) throws IOException {
        // unbuffered: each write goes to the file at once
        return Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }

    /** One append-only log: where its last complete line ends, so a line cut short can be taken back. */
    private static final class Log implements Closeable {
        private final Path file;
        private final SeekableByteChannel channel;
        private long end;

        private Log(Path file, SeekableByteChannel channel, long end) {
            this.file = file;
            this.channel = channel;
            this.end = end;
        }

        static Log open(Path file, LogOpener opener) throws IOException {
            SeekableByteChannel channel = opener.open(file);
            return new Log(file, channel, channel.size());
        }

        void append(byte[] line) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer); // one write for the whole line, line break included, where it fits
                }
                end += line.length;
            } catch (IOException failure) {
                try {
                    channel.truncate(end); // the log ends with a whole line again; truncating needs no space
                } catch (IOException cannotCut) {
                    failure.addSuppressed(cannotCut);
                }
                throw new IOException("could not write " + file + ": " + AtomicFiles.reason(failure), failure);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
