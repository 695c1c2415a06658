package dev.tunescope.bench;

import java.lang.management.ManagementFactory;

/**
 * The most live heap while some work runs: a second thread forces a full collection every few milliseconds and
 * keeps the largest heap left after one. A collection leaves only what is reachable, so each sample is the live
 * set at that moment, not garbage; the work is slowed by the pauses, which is why this is measured apart from
 * speed. Samples can miss a peak shorter than their spacing, so the figure is a lower bound of the true peak.
 */
final class PeakHeap implements AutoCloseable {
    private final Thread sampler;
    private volatile boolean stop;
    private volatile long peak;
    private volatile int samples;

    private PeakHeap() {
        sampler = new Thread(this::sample, "peak-heap");
        sampler.setDaemon(true);
    }

    static PeakHeap start() {
        PeakHeap heap = new PeakHeap();
        heap.sampler.start();
        return heap;
    }

    private void sample() {
        while (!stop) {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used > peak) {
                peak = used;
            }
            samples++;
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; {@link #peak()} is final after this. */
    @Override
    public void close() throws InterruptedException {
        stop = true;
        sampler.join();
    }

    long peak() {
        return peak;
    }

    int samples() {
        return samples;
    }
}
