package dev.tunescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.RunCache;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunescope cache} shows what the run cache holds after an {@code inspect}, and clears it. */
class CacheCommandTest {
    @TempDir
    Path temp;

    @AfterEach
    void noCache() {
        System.clearProperty(RunCache.PROPERTY);
        RunCache.share(RunCache.off());
    }

    @Test
    void showsAndClearsWhatInspectCached() throws IOException {
        Path run = Files.createDirectories(temp.resolve("runs/a"));
        try (EventFileWriter writer = new EventFileWriter(run.resolve("events.out.tfevents.1.host"))) {
            for (int step = 0; step < 5000; step++) {
                writer.scalar("train/loss", step, 1.7e9 + step, (float) (1.0 / (step + 1)));
            }
        }
        Path cacheDir = temp.resolve("cache");
        System.setProperty(RunCache.PROPERTY, cacheDir.toString());
        RunCache.share(RunCache.fromSettings()); // what Main does

        InspectCommandTest.Result first = InspectCommandTest.execute("inspect", temp.resolve("runs").toString());
        InspectCommandTest.Result second = InspectCommandTest.execute("inspect", temp.resolve("runs").toString());
        assertThat(second.out()).isEqualTo(first.out()).contains("5000");

        InspectCommandTest.Result shown = InspectCommandTest.execute("cache");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).startsWith(cacheDir.toAbsolutePath().toString()).contains("of at most 32.0 GB")
                .doesNotContain(": 0 KB");
        InspectCommandTest.Result cleared = InspectCommandTest.execute("cache", "--clear");
        assertThat(cleared.out()).startsWith("removed ").contains("0 KB left");
        assertThat(InspectCommandTest.execute("cache").out()).contains(": 0 KB of at most");

        System.setProperty(RunCache.PROPERTY, "off");
        assertThat(InspectCommandTest.execute("cache").out()).contains("the run cache is off");
    }
}
