package dev.tunescope.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Where long work runs: never on the FX thread. The app uses {@link #fx()}: one background thread, results handed
 * back with {@code Platform.runLater}. Tests of view models use {@link #direct()}, which runs everything at once on
 * the calling thread, so they need no FX toolkit and no waiting.
 */
public interface Background {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    static Background fx() {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "tunescope-background");
            thread.setDaemon(true);
            return thread;
        });
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                executor.submit(() -> {
                    try {
                        T result = work.call();
                        Platform.runLater(() -> onSuccess.accept(result));
                    } catch (Exception | Error failure) {
                        Platform.runLater(() -> onFailure.accept(failure));
                    }
                });
            }
        };
    }

    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception failure) {
                    onFailure.accept(failure);
                    return;
                }
                onSuccess.accept(result);
            }
        };
    }
}
