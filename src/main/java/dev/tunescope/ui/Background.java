package dev.tunescope.ui;

import dev.tunescope.train.Cancellation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way long work leaves the FX thread. Work runs in a named lane ("workspace", "chart data", "study"); a
 * new request in a lane supersedes the one before it, which is cancelled (its {@link Cancellation} says so, for
 * work that checks) and whose result is dropped, so a slow, stale request never overwrites a newer one. The app
 * uses {@link #fx()}: a small pool of daemon threads, results handed back on the FX thread. Tests of view models
 * use {@link #direct()}, which runs everything at once on the calling thread, so they need no FX toolkit.
 */
public interface Background {

    /** Work that may stop early when its cancellation is requested. */
    @FunctionalInterface
    interface Work<T> {
        T call(Cancellation cancellation) throws Exception;
    }

    /**
     * Runs {@code work} in {@code lane}, superseding the lane's earlier request; {@code onSuccess} or
     * {@code onFailure} runs on the FX thread unless a later request superseded this one.
     *
     * @return the request's cancellation: cancelling it stops the work (where it checks) and drops its result
     */
    <T> Cancellation run(String lane, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code update} on the FX thread (progress of running work). */
    void onFxThread(Runnable update);

    static Background fx() {
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "tunescope-background");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Cancellation> latest = new ConcurrentHashMap<>();
        return new Background() {
            @Override
            public <T> Cancellation run(String lane, Work<T> work, Consumer<T> onSuccess,
                                        Consumer<Throwable> onFailure) {
                Cancellation request = new Cancellation();
                Cancellation previous = latest.put(lane, request);
                if (previous != null) {
                    previous.cancel();
                }
                executor.submit(() -> {
                    if (request.isCancelled()) {
                        return;
                    }
                    try {
                        T result = work.call(request);
                        Platform.runLater(() -> {
                            if (!request.isCancelled()) {
                                onSuccess.accept(result);
                            }
                        });
                    } catch (Exception | Error failure) {
                        Platform.runLater(() -> {
                            if (!request.isCancelled()) {
                                onFailure.accept(failure);
                            }
                        });
                    } finally {
                        latest.remove(lane, request);
                    }
                });
                return request;
            }

            @Override
            public void onFxThread(Runnable update) {
                Platform.runLater(update);
            }
        };
    }

    static Background direct() {
        return new Background() {
            @Override
            public <T> Cancellation run(String lane, Work<T> work, Consumer<T> onSuccess,
                                        Consumer<Throwable> onFailure) {
                Cancellation request = new Cancellation();
                T result;
                try {
                    result = work.call(request);
                } catch (Exception failure) {
                    onFailure.accept(failure);
                    return request;
                }
                onSuccess.accept(result);
                return request;
            }

            @Override
            public void onFxThread(Runnable update) {
                update.run();
            }
        };
    }
}
