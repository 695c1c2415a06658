package dev.tunescope.train;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks running work to stop at its next step; the work then ends as "cancelled". Shared between threads. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
