package dev.tunescope.io;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads items on a few threads, ahead of one consumer that takes the results strictly in the order the reads were
 * started, so that a folder of many runs is read on every core and the caller still sees what reading them one by
 * one would give: the same runs, in the same order, cut at the same place by its budget (the folders of a search,
 * likewise).
 *
 * <p>How far ahead to read is the caller's to say, because only the caller knows how much of its budget is left:
 * it {@link #start starts} reads while {@link #underWay()} allows and {@link #take takes} the oldest. Reads it no
 * longer wants are cancelled by {@link #close()}: those not begun never begin, those under way finish (they are
 * not interrupted, since an interrupt closes the file channels they read from) and are dropped, and {@code close}
 * returns once they have, so nothing read ahead outlives the caller's call.
 *
 * <p>With one thread nothing is read ahead: {@link #take} reads the item on the caller's thread.
 */
final class ReadAhead<T, R> implements AutoCloseable {
    /** The setting of how many threads read a folder's runs (a whole number; 1 reads one run at a time). */
    static final String THREADS_PROPERTY = "tunescope.read-threads";
    private static final int MOST_THREADS = 8; // so that many cores do not mean dozens of runs half-read at once
    // Reads started and not yet taken, per thread: more than one, so that a thread that has read a small run goes
    // on to the next while the run the consumer waits for is a large one.
    private static final int DEPTH = 4;

    private final Function<T, R> reader;
    private final ExecutorService threads; // null: one thread, the caller's
    private final int width;
    private final Deque<Future<R>> started = new ArrayDeque<>();

    ReadAhead(Function<T, R> reader, int threadCount) {
        this.reader = reader;
        this.width = Math.max(1, threadCount);
        this.threads = width == 1 ? null
                : Executors.newFixedThreadPool(width, Thread.ofPlatform().daemon().name("tunescope-read-", 0)
                        .factory());
    }

    /**
     * The threads to read the runs under {@code folder} with: those of {@link #threadsFromSettings()} on this
     * machine's own file system, one on a remote folder, whose reads share one SFTP connection that is re-opened
     * under them when it drops.
     */
    static int threadsFor(Path folder) {
        return folder.getFileSystem() == FileSystems.getDefault() ? threadsFromSettings() : 1;
    }

    /** The number of threads {@value #THREADS_PROPERTY} asks for, else one per core, at most eight. */
    static int threadsFromSettings() {
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

    /** The most reads worth having started and not taken: a few per thread, one when there is one thread. */
    int depth() {
        return threads == null ? 1 : DEPTH * width;
    }

    /** Reads started and not yet taken. */
    int underWay() {
        return started.size();
    }

    /** Starts reading {@code item} (with one thread, {@link #take} reads it). */
    void start(T item) {
        if (threads == null) {
            started.addLast(new FutureTask<>(() -> reader.apply(item)));
        } else {
            started.addLast(threads.submit(() -> reader.apply(item)));
        }
    }

    /** Whether {@link #take} would return without waiting for another thread. */
    boolean nextIsReady() {
        return !started.isEmpty() && (threads == null || started.peekFirst().isDone());
    }

    /**
     * What the oldest read started gives, waited for (with one thread, read now); a read's own unchecked failure is
     * rethrown here, in its turn, as reading the items one by one would throw it.
     */
    R take() {
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

    /** Cancels the reads not taken and waits for those under way to end (see the class comment). */
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
