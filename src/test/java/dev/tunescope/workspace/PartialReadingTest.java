package dev.tunescope.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Runs shown while a folder is read: the first at once, then a quarter of a second apart or more where grouping them
 * is slow, never diagnosed.
 */
class PartialReadingTest {
    private static final Path SWEEP = Path.of("src/test/runs/post-ln/sweep");

    @Test
    void publishesTheFirstRunAtOnceThenAtMostEveryQuarterSecond() throws Exception {
        List<Run> runs = RunLoader.loadAll(SWEEP);
        assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        List<Workspace> published = new ArrayList<>();
        PartialReading reading = new PartialReading(SWEEP, DiagnosisSettings.DEFAULTS, published::add, clock::get);

        reading.read(runs.get(0), 1, runs.size());
        clock.addAndGet(PartialReading.INTERVAL_NANOS / 2);
        reading.read(runs.get(1), 2, runs.size());
        clock.addAndGet(PartialReading.INTERVAL_NANOS);
        reading.read(runs.get(2), 3, runs.size());

        assertThat(published).extracting(Workspace::runCount).containsExactly(1, 3);
        assertThat(published).allSatisfy(w -> assertThat(w.diagnoses()).isEmpty());
        assertThat(published.get(1).notices()).containsExactly(
                "read 3 of " + runs.size() + " runs; diagnosis when all are read");
    }

    @Test
    void aSlowPublishPausesThePublishingTwiceAsLongAsItTook() throws Exception {
        List<Run> runs = RunLoader.loadAll(SWEEP);
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        long slow = 4 * PartialReading.INTERVAL_NANOS; // grouping many runs, or a busy consumer
        List<Workspace> published = new ArrayList<>();
        PartialReading reading = new PartialReading(SWEEP, DiagnosisSettings.DEFAULTS, workspace -> {
            published.add(workspace);
            clock.addAndGet(slow);
        }, clock::get);

        reading.read(runs.get(0), 1, runs.size());
        clock.addAndGet(2 * slow - 1);
        reading.read(runs.get(1), 2, runs.size());
        clock.addAndGet(1);
        reading.read(runs.get(2), 3, runs.size());

        assertThat(published).extracting(Workspace::runCount).containsExactly(1, 3);
    }

    @Test
    void theLastRunIsLeftToTheDiagnosedWorkspace() throws Exception {
        List<Run> runs = RunLoader.loadAll(SWEEP);
        AtomicLong clock = new AtomicLong();
        List<Workspace> published = new ArrayList<>();
        PartialReading reading = new PartialReading(SWEEP, DiagnosisSettings.DEFAULTS, published::add, clock::get);
        for (int i = 0; i < runs.size(); i++) {
            clock.addAndGet(PartialReading.INTERVAL_NANOS);
            reading.read(runs.get(i), i + 1, runs.size());
        }
        assertThat(published).extracting(Workspace::runCount).doesNotContain(runs.size());
    }

    @Test
    void theOpenedWorkspaceIsDiagnosedAfterItsPartsWereShown() throws Exception {
        List<Workspace> published = new ArrayList<>();
        Workspace opened = Workspace.open(SWEEP, DiagnosisSettings.DEFAULTS, published::add);
        assertThat(published).isNotEmpty();
        assertThat(published.get(0).runCount()).isEqualTo(1);
        assertThat(opened.runCount()).isGreaterThan(published.get(published.size() - 1).runCount());
        assertThat(opened.diagnoses()).isNotEmpty();
    }
}
