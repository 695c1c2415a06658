package dev.tunescope.train;

import java.util.concurrent.CompletableFuture;

/**
 * A request, from any thread, to stop running work (the user pressed Stop or Ctrl-C, the study was abandoned). The
 * training loop checks it between steps; the launcher waits on a command's exit and on this at once, so a cancel
 * takes effect without polling. Once cancelled, it stays cancelled; one token may serve a whole study.
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
