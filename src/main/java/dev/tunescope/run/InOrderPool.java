package dev.tunescope.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Works on items on a few threads, ahead of one consumer that takes the results strictly in the order the work was
 * started, so that a folder of many runs is read (and its studies diagnosed) on every core and the caller still
 * sees what doing it one item after another would give: the same runs, in the same order, cut at the same place by
 * its budget. It is the one way Tunescope spreads work over cores; the app's {@code Background} keeps work off the
 * UI thread, and may call this.
 *
 * <p>How far ahead to work is the caller's to say, because only the caller knows, for example, how much of its heap
 * budget is left: it {@link #start starts} items while {@link #underWay()} allows and {@link #take takes} the
 * oldest. Work it no longer wants is cancelled by {@link #close()}: items not begun never begin, those under way
 * finish (they are not interrupted, since an interrupt closes the file channels a read uses) and are dropped, and
 * {@code close} returns once they have, so nothing started outlives the caller's call.
 *
 * <p>With one thread nothing is done ahead: {@link #take} works on the item on the caller's thread.
 */
public final class InOrderPool<T, R> implements AutoCloseable {
    /** The setting of how many threads read and diagnose a folder's runs (a whole number; 1: one at a time). */
    public static final String THREADS_PROPERTY = "tunescope.threads";
    private static final int MOST_THREADS = 8; // so that many cores do not mean dozens of runs half-read at once
    // Items started and not yet taken, per thread: more than one, so that a thread that has read a small run goes
    // on to the next while the run the consumer waits for is a large one.
    private static final int DEPTH = 4;

    private final Function<T, R> work;
    private final ExecutorService threads; // null: one thread, the caller's
    private final int width;
    private final Deque<Future<R>> started = new ArrayDeque<>();

    public InOrderPool(Function<T, R> work, int threadCount) {
        this.work = work;
        this.width = Math.max(1, threadCount);
        this.threads = width == 1 ? null
                : Executors.newFixedThreadPool(width, Thread.ofPlatform().daemon().name("tunescope-work-", 0)
                        .factory());
    }

    /**
     * What {@code work} gives for each of {@code items}, in their order, worked on {@link #threadsFromSettings()}
     * threads.
     */
    public static <T, R> List<R> map(List<T> items, Function<T, R> work) {
        List<R> results = new ArrayList<>(items.size());
        try (InOrderPool<T, R> pool = new InOrderPool<>(work, Math.min(threadsFromSettings(), items.size()))) {
            int started = 0;
            while (results.size() < items.size()) {
                while (started < items.size() && pool.underWay() < pool.depth()) {
                    pool.start(items.get(started++));
                }
                results.add(pool.take());
            }
        }
        return results;
    }

    /** The number of threads {@value #THREADS_PROPERTY} asks for, else one per core, at most eight. */
    public static int threadsFromSettings() {
        String setting = System.getProperty(THREADS_PROPERTY, "").strip();
        if (setting.isEmpty()) {
            return Math.min(MOST_THREADS, Runtime.getRuntime().availableProcessors());
        }
        try {
            return Math.max(1, Integer.parseInt(setting));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("-D" + THREADS_PROPERTY + " must be a whole number of threads, got '"
                    + setting + "'");
        }
    }

    /** The most items worth having started and not taken: a few per thread, one when there is one thread. */
    public int depth() {
        return threads == null ? 1 : DEPTH * width;
    }

    /** Items started and not yet taken. */
    public int underWay() {
        return started.size();
    }

    /** Starts work on {@code item} (with one thread, {@link #take} does it). */
    public void start(T item) {
        if (threads == null) {
            started.addLast(new FutureTask<>(() -> work.apply(item)));
        } else {
            started.addLast(threads.submit(() -> work.apply(item)));
        }
    }

    /** Whether {@link #take} would return without waiting for another thread. */
    public boolean nextIsReady() {
        return !started.isEmpty() && (threads == null || started.peekFirst().isDone());
    }

    /**
     * What the oldest item started gives, waited for (with one thread, worked on now); the work's own unchecked
     * failure is rethrown here, in its turn, as working on the items one by one would throw it.
     */
    public R take() {
        Future<R> read = started.removeFirst();
        if (read instanceof FutureTask<R> inline && threads == null) {
            inline.run();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return read.get();
                } catch (InterruptedException wait) {
                    interrupted = true; // the read goes on; the caller's interrupt is kept for the caller to see
                }
            }
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (CancellationException impossible) {
            throw new IllegalStateException("a read was cancelled before it was taken", impossible);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Cancels the items not taken and waits for those under way to end (see the class comment). */
    @Override
    public void close() {
        started.forEach(read -> read.cancel(false));
        started.clear();
        if (threads == null) {
            return;
        }
        threads.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (threads.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException wait) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
