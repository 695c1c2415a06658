package dev.tunescope.train;

import java.util.concurrent.CompletableFuture;

/**
 * A request, from any thread, to stop a launched command (the user pressed Stop, the study was abandoned). The
 * launcher waits on the command's exit and on this at once, so a cancel takes effect at once, without polling.
 * Once cancelled, it stays cancelled; one token may serve several runs (a whole study).
 */
public final class Cancellation {
    private final CompletableFuture<Void> requested = new CompletableFuture<>();

    public void cancel() {
        requested.complete(null);
    }

    public boolean isCancelled() {
        return requested.isDone();
    }

    /** Completes when {@link #cancel()} is called. */
    CompletableFuture<Void> requested() {
        return requested;
    }
}
