package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A verification study's answer as a finding: each arm's best eval loss per seed, judged by
 * {@link VerificationVerdict}, so that opening the folder shows it beside the other findings (the trials are
 * otherwise judged on their own, never as a clipping or warmup study).
 */
public final class VerificationFinding {
    static final String RULE = "verification";

    private VerificationFinding() {
    }

    /**
     * Adds the answer to the study's diagnosis. Opened on its own the study has no sweep at hand, so the noise floor
     * beside the answer is its constant-LR arm's own swing between evals (the same set-up as the sweep's lr*).
     */
    static Diagnosis add(Diagnosis diagnosis, List<Trial> trials) {
        double[] swings = trials.stream().filter(t -> name(t).startsWith(VerificationVerdict.CONSTANT_ARM))
                .map(Trial::evalLoss).flatMap(Optional::stream).map(EvalSwing::median)
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        Optional<VerificationVerdict> verdict = judge(trials, swings.length == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(swings[swings.length / 2]));
        if (verdict.isEmpty()) {
            return diagnosis;
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(RULE, Severity.INFO, "Verification: " + verdict.get().sentence() + ".",
                new Evidence(trials.stream().map(Trial::run).toList(), List.of(), Map.of(
                        "difference", verdict.get().difference(), "margin", verdict.get().margin()))));
        findings.addAll(diagnosis.findings());
        Diagnosis d = diagnosis;
        return new Diagnosis(d.study(), d.trials(), d.verdicts(), d.judgedAgainst(), d.lrStar(), d.instability(),
                d.probe(), d.warmup(), d.clipping(), d.clippingStudy(), d.steps(), d.batch(), d.maxTrainSteps(), findings);
    }

    /**
     * Each arm's best eval loss per trial, judged with the sweep's eval swing beside it; empty unless both arms have
     * a trial with a finite eval loss (a diverged or cancelled trial is not counted).
     */
    public static Optional<VerificationVerdict> judge(List<Trial> trials, OptionalDouble evalSwing) {
        List<Double> recommended = new ArrayList<>();
        List<Double> constant = new ArrayList<>();
        for (Trial trial : trials) {
            String name = name(trial);
            OptionalDouble best = trial.evalLoss().map(s -> Arrays.stream(s.valuesCopy()).filter(Double::isFinite).min())
                    .orElse(OptionalDouble.empty());
            if (best.isEmpty()) {
                continue;
            }
            if (name.startsWith(VerificationVerdict.RECOMMENDED_ARM)) {
                recommended.add(best.getAsDouble());
            } else if (name.startsWith(VerificationVerdict.CONSTANT_ARM)) {
                constant.add(best.getAsDouble());
            }
        }
        return recommended.isEmpty() || constant.isEmpty() ? Optional.empty()
                : Optional.of(VerificationVerdict.judge(recommended, constant, evalSwing));
    }

    /** The trial's folder name, which says its arm ("recommended_seed_2"). */
    private static String name(Trial trial) {
        return trial.run().substring(trial.run().lastIndexOf('/') + 1);
    }
}
