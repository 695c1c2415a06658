package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verdicts on studies trained here, in seconds: the built-in MLP with SGD (its high rates collapse to the loss of a
 * uniform guess, or blow up), and the standard-library linear regression of examples/train_example.py through the
 * user's-own-command path (its good rates converge from 1.17 to the noise floor of 0.005 within about ten steps, the
 * case a rule measured against the first steps calls a blow-up; its top rate diverges).
 */
class TrainedStudyVerdictsTest {
    @TempDir
    static Path dir;
    private static JsonNode mlp;
    private static JsonNode linear;

    @BeforeAll
    static void train() throws Exception {
        mlp = trainedAndDiagnosed("mlp", "study", "lr-sweep", "--workload", "mlp", "--optimizer", "sgd",
                "--lr-min", "0.01", "--lr-max", "10", "--count", "7", "--steps", "300", "--eval-every", "10",
                "--histogram-every", "0");
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            linear = trainedAndDiagnosed("linear", "study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "3",
                    "--count", "6", "--steps", "100", "--command",
                    "/usr/bin/python3 examples/train_example.py --lr {lr} --bs {batch_size} --steps {steps} --seed {seed}");
        }
    }

    private static JsonNode trainedAndDiagnosed(String name, String... study) throws Exception {
        Path out = dir.resolve(name);
        String[] args = new String[study.length + 2];
        System.arraycopy(study, 0, args, 0, study.length);
        args[study.length] = "--out";
        args[study.length + 1] = out.toString();
        InspectCommandTest.Result trained = execute(args);
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        InspectCommandTest.Result diagnosed = execute("diagnose", out.toString(), "--json");
        assertThat(diagnosed.exitCode()).as(diagnosed.err()).isZero();
        JsonNode studies = new ObjectMapper().readTree(diagnosed.out()).get("studies");
        assertThat(studies).hasSize(1);
        return studies.get(0);
    }

    private static JsonNode trial(JsonNode study, double lr) {
        for (JsonNode t : study.get("trials")) {
            if (Math.abs(t.get("lr").asDouble() / lr - 1) < 0.01) {
                return t;
            }
        }
        throw new AssertionError("no trial at lr " + lr);
    }

    @Test
    void theMlpSweepHasAnInteriorLrStarAndItsTopRatesAreUnstableFromAfterTheStart() {
        assertThat(mlp.get("kind").asText()).isEqualTo("lr-sweep");
        assertThat(mlp.at("/lr_star/boundary").asText()).isEqualTo("interior");
        double star = mlp.at("/lr_star/value").asDouble();
        List<Double> unstable = new ArrayList<>();
        mlp.get("unstable").forEach(u -> unstable.add(u.get("lr").asDouble()));
        assertThat(unstable).allSatisfy(lr -> assertThat(lr).isGreaterThan(star));
        assertThat(trial(mlp, 1).get("stable").asBoolean()).isFalse(); // a uniform guess: ln 4 = 1.39
        assertThat(trial(mlp, 10).get("stable").asBoolean()).isFalse();
        assertThat(trial(mlp, star).get("stable").asBoolean()).isTrue();
        // SGD: the optimizer fix is offered (Adam), unlike for Adam runs
        assertThat(mlp.get("findings").toString()).contains("Adam instead of sgd");
    }

    @Test
    void fastConvergenceIsStableAndTheRateThatRunsAwayIsNot() {
        Assumptions.assumeTrue(linear != null, "needs /usr/bin/python3");
        // 0.306 and 0.959 fall from 1.17 to about 0.005 within ten steps: the best runs, never a blow-up
        for (double lr : new double[] {0.306, 0.959}) {
            JsonNode t = trial(linear, lr);
            assertThat(t.get("stable").asBoolean()).as("lr " + lr).isTrue();
            assertThat(t.get("signs")).as("lr " + lr).isEmpty();
        }
        JsonNode runaway = trial(linear, 3);
        assertThat(runaway.get("stable").asBoolean()).isFalse();
        assertThat(runaway.get("kind").asText()).isEqualTo("explosion");
        assertThat(runaway.get("onset_step").asLong()).isGreaterThan(1);
        assertThat(linear.at("/lr_star/value").asDouble()).isBetween(0.09, 1.0);
        assertThat(linear.get("unstable_base_lr").asDouble()).isEqualTo(3);
        // clipping at lr*'s p90 would touch nearly every update of the runaway rate: a lower rate in disguise
        assertThat(linear.at("/clipping/target/clipped_fraction").asDouble()).isGreaterThan(0.5);
    }
}
