package dev.tunescope.study;

import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How far a trial got: the last step logged by any run in its folder, whether Tunescope wrote it (its own
 * trainer, or a command's metric lines on standard output) or the command wrote its own logs into {@code {out}}.
 */
public final class TrialSteps {
    private TrialSteps() {
    }

    public static long of(Path runDir) throws IOException {
        long last = 0;
        for (Run run : RunLoader.loadAll(runDir)) {
            for (ScalarSeries series : run.scalars().values()) {
                if (!series.isEmpty()) {
                    last = Math.max(last, series.lastStep());
                }
            }
        }
        return last;
    }
}
