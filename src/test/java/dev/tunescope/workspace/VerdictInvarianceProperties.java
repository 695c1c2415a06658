package dev.tunescope.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No verdict depends on the order the runs come in, or on a second format's copy of a run lying beside it: checked
 * on the real Post-LN studies under src/test/runs (a sweep, a warmup study and a clipping study that refer to it).
 */
class VerdictInvarianceProperties {
    static final Path RUNS = Path.of("src/test/runs/post-ln");
    private static Workspace original;
    private static List<String> expected;

    @BeforeContainer
    static void diagnoseOnce() throws IOException {
        original = Workspace.open(RUNS, DiagnosisSettings.DEFAULTS);
        expected = fingerprint(original.diagnoses());
    }

    /** What the verdicts say, study by study: kind, lr*, each trial's stability and onset, warmup and clip answers. */
    static List<String> fingerprint(List<Diagnosis> diagnoses) {
        List<String> lines = new ArrayList<>();
        for (Diagnosis d : diagnoses.stream().sorted(java.util.Comparator.comparing(x -> x.study().id())).toList()) {
            lines.add(d.study().id() + " " + d.study().kind() + " lr*=" + d.lrStar().map(s -> s.run()).orElse("-"));
            d.verdicts().stream().sorted(java.util.Comparator.comparing(TrialStability::run)).forEach(v ->
                    lines.add("  " + v.run() + " stable=" + v.stable() + " onset=" + v.onsetStep()));
            d.warmup().ifPresent(w -> w.byLearningRate().forEach(b -> lines.add("  warmup " + b.learningRate() + " "
                    + b.outcome() + " " + b.shortestStable())));
            d.clippingStudy().ifPresent(c -> lines.add("  clipping rescued=" + c.rescued()));
        }
        return lines;
    }

    @Property(tries = 30)
    void reorderingTheRunsOfEveryStudyChangesNoVerdict(@ForAll long seed) {
        Random random = new Random(seed);
        List<Study> shuffled = new ArrayList<>();
        for (Study s : original.studies()) {
            List<Run> runs = new ArrayList<>(s.runs());
            Collections.shuffle(runs, random);
            shuffled.add(new Study(s.id(), s.path(), s.name(), s.kind(), s.kindReason(), s.basedOn(), s.splitBy(),
                    s.maxTrainSteps(), runs, s.notes(), s.outsideFolder()));
        }
        Collections.shuffle(shuffled, random);
        assertThat(fingerprint(Diagnoser.diagnoseAll(shuffled, DiagnosisSettings.DEFAULTS))).isEqualTo(expected);
    }

    @Property(tries = 8)
    void aTensorBoardCopyOfSomeRunsBesideThemChangesNoVerdict(@ForAll long seed) throws IOException {
        Path copy = Files.createTempDirectory("tunescope-copies");
        try {
            copyTree(RUNS, copy);
            Random random = new Random(seed);
            for (Study s : original.ownStudies()) {
                for (Run run : s.runs()) {
                    if (random.nextBoolean()) {
                        writeEventCopy(copy.resolve(run.path()), run);
                    }
                }
            }
            Workspace withCopies = Workspace.open(copy, DiagnosisSettings.DEFAULTS);
            assertThat(fingerprint(withCopies.diagnoses())).isEqualTo(expected);
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The run's scalars written as a TensorBoard event file in its folder (float32 values, as writers store them). */
    private static void writeEventCopy(Path dir, Run run) throws IOException {
        try (EventFileWriter writer = new EventFileWriter(dir.resolve("events.out.tfevents.1.copy"))) {
            for (ScalarSeries series : run.scalars().values()) {
                for (int i = 0; i < series.size(); i++) {
                    writer.scalar(series.tag(), series.step(i), 1.7e9 + series.step(i), (float) series.value(i));
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
