package dev.tunescope.ui.chart;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Coalesces redraw requests: any number of {@link #request()} calls, from any thread, lead to one draw at the next
 * pulse, on the FX thread.
 */
final class RedrawScheduler {
    private final Runnable draw;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            if (dirty.getAndSet(false)) {
                draw.run();
            }
        }
    };

    RedrawScheduler(Runnable draw) {
        this.draw = draw;
    }

    void request() {
        if (dirty.getAndSet(true)) {
            return; // a draw is already due
        }
        if (Platform.isFxApplicationThread()) {
            timer.start();
        } else {
            Platform.runLater(timer::start);
        }
    }

    /** Draws now (FX thread only), and drops a pending request. */
    void drawNow() {
        dirty.set(false);
        draw.run();
    }
}
