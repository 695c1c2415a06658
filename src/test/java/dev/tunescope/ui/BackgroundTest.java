package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.train.Cancellation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app's background: a newer request in a lane supersedes an older one, whose result never arrives. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTest {

    @Start
    void start(Stage stage) {
        // the FX toolkit is all these tests need
    }

    @Test
    void theLatestRequestInALaneWinsAndTheOlderIsCancelled() throws Exception {
        Background background = Background.fx();
        List<String> delivered = new CopyOnWriteArrayList<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Cancellation slow = background.run("lane", token -> {
            slowStarted.countDown();
            release.await(10, TimeUnit.SECONDS);
            return "slow and stale";
        }, delivered::add, failure -> delivered.add("failed"));
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch fastDone = new CountDownLatch(1);
        background.run("lane", token -> "fast and new", result -> {
            delivered.add(result);
            fastDone.countDown();
        }, failure -> delivered.add("failed"));
        assertThat(slow.isCancelled()).isTrue();
        assertThat(fastDone.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(delivered).containsExactly("fast and new");
    }

    @Test
    void resultsArriveOnTheFxThreadAndOtherLanesDoNotInterfere() throws Exception {
        Background background = Background.fx();
        CountDownLatch done = new CountDownLatch(2);
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        background.run("a", token -> 1, result -> {
            onFx.add(Platform.isFxApplicationThread());
            done.countDown();
        }, failure -> { });
        background.run("b", token -> 2, result -> {
            onFx.add(Platform.isFxApplicationThread());
            done.countDown();
        }, failure -> { });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onFx).containsExactly(true, true);
    }
}
