package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FixesTest {
    private static StudyContext context(String optimizer, String norm) {
        return new StudyContext(Optional.of(optimizer), Optional.of(norm), Optional.empty(), Optional.empty());
    }

    private static String fixes(StudyContext context) {
        return Fixes.forInstability(0.1, context, new Fixes.Tried(Optional.empty(), Optional.empty()), List.of("r"),
                "", "").message();
    }

    @Test
    void theArchitectureStepFollowsWhereTheModelPutsItsNormalisation() {
        assertThat(fixes(context("adam", "post-ln"))).contains("Pre-LN blocks (x + f(Norm(x))) instead of the Post-LN");
        assertThat(fixes(context("adam", "pre-ln"))).contains("the model is already Pre-LN")
                .doesNotContain("instead of the Post-LN");
    }

    @Test
    void theOptimizerStepIsSkippedForAdamAndProposedForMomentum() {
        assertThat(fixes(context("adam", "pre-ln"))).contains("skipped, the runs already use adam");
        assertThat(fixes(context("sgd", "pre-ln"))).contains("Adam instead of sgd");
    }
}
