package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import dev.tunescope.run.StudyKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever the sweep, every finding points at runs that exist and at steps those runs logged. */
class FindingEvidenceProperties {

    @Property(tries = 100)
    void findingsNameExistingRunsAndSteps(@ForAll @IntRange(min = 1, max = 6) int trials, @ForAll long seed) {
        Random random = new Random(seed);
        List<Run> runs = new ArrayList<>();
        Set<String> steps = new HashSet<>();
        for (int i = 0; i < trials; i++) {
            String path = "sweep/lr_" + i;
            int n = 20 + random.nextInt(300);
            ScalarSeries loss = Synthetic.decaying(n, 1 + random.nextDouble(), 0.1 + random.nextDouble() * 0.5,
                    0.01 + random.nextDouble() * 0.05, 0.05 * random.nextDouble(), random.nextLong());
            double[] values = loss.valuesCopy();
            if (random.nextInt(3) == 0) { // diverge, blow up or spike somewhere
                int at = random.nextInt(n);
                switch (random.nextInt(3)) {
                    case 0 -> values[at] = Double.NaN;
                    case 1 -> values[at] = values[at] * 50;
                    default -> { for (int j = at; j < n; j++) values[j] = values[j] * 3; }
                }
            }
            ScalarSeries train = ScalarSeries.of("train/loss", loss.stepsCopy(), values);
            ScalarSeries norms = Synthetic.series("train/grad_norm", n, s -> 1 + random.nextDouble());
            runs.add(new Run(path, path, RunFormat.TUNESCOPE, RunStatus.FINISHED,
                    Hyperparameters.parsed(Map.of("lr", Double.toString(Math.pow(10, -4 + i))), "test"),
                    Map.of("train/loss", train, "eval/loss", Synthetic.evalOf(train), "train/grad_norm", norms),
                    Map.of(), List.of()));
            for (long s : train.stepsCopy()) {
                steps.add(path + "@" + s);
            }
        }
        Diagnosis d = Diagnoser.diagnose(Study.of("sweep", StudyKind.LR_SWEEP, runs), DiagnosisSettings.DEFAULTS);
        Set<String> paths = new HashSet<>();
        runs.forEach(r -> paths.add(r.path()));
        for (Finding f : d.findings()) {
            assertThat(f.message()).isNotBlank();
            assertThat(paths).containsAll(f.evidence().runs());
            for (Mark m : f.evidence().marks()) {
                assertThat(paths).contains(m.run());
                assertThat(steps).contains(m.run() + "@" + m.fromStep(), m.run() + "@" + m.toStep());
            }
        }
    }
}
