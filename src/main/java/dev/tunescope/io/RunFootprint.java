package dev.tunescope.io;

import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;

/**
 * An estimate of the heap a run holds: its point blocks as they count themselves, plus fixed costs per run, per series, per
 * histogram and per warning. The fixed costs were measured with {@code bench/run-memory.sh} (heap after a
 * collection, G1, compressed pointers) and rounded up: a Lightning run of 4 series costs about 1,650 bytes besides
 * its points (estimated 2,100), a run of one 2-point series about 550 (estimated 900).
 */
final class RunFootprint {
    static final long PER_RUN = 500;
    /** The series object, its tag, its builder and the map entries that hold them. */
    static final long PER_SERIES = 400;
    /**
     * A {@link RunLocation} waiting to be read: the record, its paths and the list slot (measured: about 230
     * bytes for {@code g042/run_042117}; an open source, about 1 KB, exists only while its run is read).
     */
    static final long PER_LOCATION = 300;
    private static final long PER_HISTOGRAM = 160;
    private static final long PER_WARNING = 120;

    private RunFootprint() {
    }

    static long of(Run run) {
        long bytes = PER_RUN;
        for (ScalarSeries series : run.scalars().values()) {
            bytes += PER_SERIES + series.retainedBytes();
        }
        for (HistogramSeries series : run.histograms().values()) {
            bytes += PER_SERIES;
            for (HistogramSeries.Point point : series.points()) {
                bytes += of(point.histogram());
            }
        }
        for (ReadWarning warning : run.warnings()) {
            bytes += PER_WARNING + warning.file().length() + warning.message().length();
        }
        return bytes;
    }

    static long of(Histogram histogram) {
        return PER_HISTOGRAM + 16L * histogram.bucketCount();
    }
}
