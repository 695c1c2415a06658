package dev.tunescope.cli;

import dev.tunescope.train.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a kill) during training: instead of dying mid-step, the run is asked to stop, ends as "cancelled"
 * with its files complete, and only then does the process exit. Closing this marks the work done.
 */
final class InterruptToCancel implements AutoCloseable {
    private static final long GRACE_SECONDS = 30;

    private final Cancellation cancellation = new Cancellation();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "tunescope-cancel");

    InterruptToCancel() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Cancellation cancellation() {
        return cancellation;
    }

    private void cancelAndWait() {
        cancellation.cancel();
        try {
            done.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns as soon as it sees the count reach zero
        }
    }
}
