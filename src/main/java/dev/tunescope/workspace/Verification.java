package dev.tunescope.workspace;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.EvalSwing;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.diagnose.TrialExtraction;
import dev.tunescope.diagnose.VerificationFinding;
import dev.tunescope.diagnose.VerificationVerdict;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/** Judges a verification study's folder (see {@link dev.tunescope.study.StudyPlanner#verification}): the command line's and the app's. */
public final class Verification {
    private Verification() {
    }

    /** The best eval loss of each arm's trials, against the sweep's swing between consecutive evals. */
    public static VerificationVerdict judge(Path study, Diagnosis sweep) throws java.io.IOException {
        MetricAliases aliases = MetricAliases.defaults();
        List<Trial> trials = RunLoader.loadAll(study).stream().map(run -> TrialExtraction.from(run, aliases))
                .flatMap(java.util.Optional::stream).toList();
        OptionalDouble swing = sweep.lrStar().flatMap(star -> sweep.study().runs().stream()
                .filter(r -> r.path().equals(star.run())).findFirst())
                .flatMap(r -> r.scalar(MetricRole.EVAL_LOSS, aliases)).map(EvalSwing::median)
                .orElse(OptionalDouble.empty());
        return VerificationFinding.judge(trials, swing)
                .orElseGet(() -> VerificationVerdict.judge(List.of(), List.of(), swing));
    }
}
