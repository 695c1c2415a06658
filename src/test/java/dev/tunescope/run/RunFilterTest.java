package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFilterTest {
    static Run run(String name, RunStatus status, Map<String, String> hparams) {
        return new Run("sweep/" + name, name, RunFormat.TENSORBOARD, status, Hyperparameters.parsed(hparams, "test"),
                Map.of(), Map.of(), List.of());
    }

    private static final Run SMALL = run("lr_1e-3", RunStatus.FINISHED, Map.of("lr", "0.001", "batch_size", "32"));
    private static final Run MIDDLE = run("lr_1e-2", RunStatus.FINISHED, Map.of("lr", "0.01", "batch_size", "64"));
    private static final Run LARGE = run("lr_1e-1", RunStatus.DIVERGED,
            Map.of("learning_rate", "0.1", "batch_size", "64", "optimizer", "AdamW"));
    private static final List<Run> RUNS = List.of(SMALL, MIDDLE, LARGE);

    private static List<String> names(String filter) {
        RunFilter parsed = RunFilter.parse(filter);
        return RUNS.stream().filter(r -> parsed.matches(new FilterSubject("post-ln-sweep", r,
                r == LARGE ? FilterSubject.Stability.UNSTABLE : FilterSubject.Stability.STABLE)))
                .map(Run::name).toList();
    }

    @Test
    void numericEqualityIgnoresHowTheNumberIsWritten() {
        assertThat(names("lr=0.01")).containsExactly("lr_1e-2");
        assertThat(names("lr=1e-2")).containsExactly("lr_1e-2");
        assertThat(names("lr==1.00e-02")).containsExactly("lr_1e-2");
        assertThat(names("lr = 1E-2")).containsExactly("lr_1e-2");
        assertThat(names("lr=0.0101")).isEmpty();
    }

    @Test
    void aNameFollowedByANumberIsAnEquality() {
        assertThat(names("lr 0.01")).containsExactly("lr_1e-2");
        assertThat(names("batch_size 64")).containsExactly("lr_1e-2", "lr_1e-1");
    }

    @Test
    void comparisonsAndAliases() {
        assertThat(names("lr>1e-3")).containsExactly("lr_1e-2", "lr_1e-1");
        assertThat(names("lr>=1e-3")).containsExactly("lr_1e-3", "lr_1e-2", "lr_1e-1");
        assertThat(names("lr<=0.01")).containsExactly("lr_1e-3", "lr_1e-2");
        assertThat(names("learning_rate<0.05")).containsExactly("lr_1e-3", "lr_1e-2");
        assertThat(names("batch!=32")).containsExactly("lr_1e-2", "lr_1e-1");
        assertThat(names("bs=32")).containsExactly("lr_1e-3");
    }

    @Test
    void textSettingsStatusAndStability() {
        assertThat(names("status=diverged")).containsExactly("lr_1e-1");
        assertThat(names("status!=diverged")).containsExactly("lr_1e-3", "lr_1e-2");
        assertThat(names("optimizer=adamw")).containsExactly("lr_1e-1");
        assertThat(names("unstable")).containsExactly("lr_1e-1");
        assertThat(names("STABLE")).containsExactly("lr_1e-3", "lr_1e-2");
    }

    @Test
    void unjudgedRunsAreNeitherStableNorUnstable() {
        RunFilter stable = RunFilter.parse("stable");
        RunFilter unstable = RunFilter.parse("unstable");
        assertThat(stable.matches(FilterSubject.of("s", SMALL))).isFalse();
        assertThat(unstable.matches(FilterSubject.of("s", SMALL))).isFalse();
    }

    @Test
    void wordsAndRegexesLookAtStudyAndRunNames() {
        assertThat(names("1E-2")).containsExactly("lr_1e-2");
        assertThat(names("post-LN")).containsExactly("lr_1e-3", "lr_1e-2", "lr_1e-1");
        assertThat(names("/e-[12]$/")).containsExactly("lr_1e-2", "lr_1e-1");
        assertThat(names("/E-1$/")).containsExactly("lr_1e-1");
        assertThat(names("nothing-like-this")).isEmpty();
    }

    @Test
    void wordsAlsoLookAtFormatStatusAndSettings() {
        assertThat(names("adamw")).containsExactly("lr_1e-1");
        assertThat(names("DIVERGED")).containsExactly("lr_1e-1");
        assertThat(names("tensorboard")).hasSize(3);
        assertThat(names("batch_size=32")).containsExactly("lr_1e-3");
    }

    @Test
    void termsAreAnded() {
        assertThat(names("lr>1e-3 batch=64 status=finished")).containsExactly("lr_1e-2");
        assertThat(names("/lr_/ stable lr<0.005")).containsExactly("lr_1e-3");
    }

    @Test
    void aPairOnASettingTheRunLacksFallsBackToWords() {
        Run named = run("batch_16", RunStatus.FINISHED, Map.of());
        assertThat(RunFilter.parse("batch 16").matches(FilterSubject.of("probe", named))).isTrue();
        assertThat(RunFilter.parse("batch 17").matches(FilterSubject.of("probe", named))).isFalse();
    }

    @Test
    void aComparisonOnAMissingSettingFails() {
        assertThat(names("warmup>0")).isEmpty();
        assertThat(names("warmup!=0")).isEmpty();
    }

    @Test
    void emptyFilterPassesEverything() {
        assertThat(RunFilter.parse("   ").isEmpty()).isTrue();
        assertThat(names("")).hasSize(3);
    }

    @Test
    void invalidFiltersSayWhatIsWrong() {
        assertThatThrownBy(() -> RunFilter.parse("lr>abc")).isInstanceOf(RunFilter.InvalidFilterException.class)
                .hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> RunFilter.parse("/[a-/")).hasMessageContaining("bad regex");
        assertThatThrownBy(() -> RunFilter.parse("/unclosed")).hasMessageContaining("no closing /");
        assertThatThrownBy(() -> RunFilter.parse("lr=")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> RunFilter.parse(">3")).hasMessageContaining("needs a name");
        assertThatThrownBy(() -> RunFilter.parse("lr=>3")).hasMessageContaining("unknown operator");
    }
}
