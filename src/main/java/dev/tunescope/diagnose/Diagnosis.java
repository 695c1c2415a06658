package dev.tunescope.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * Every rule's answer for a set of runs. A section is empty when its inputs are missing (no sweep, no grad
 * norm, no throughput measurements); {@link #findings()} holds all findings, in the order of the playbook.
 *
 * @param maxTrainSteps the run length the rules assumed: a {@code max_train_steps} hyperparameter, else the
 *                      longest stable trial
 */
public record Diagnosis(Optional<LrStarRule.LrStar> lrStar, Optional<InstabilityRule.Result> instability,
                        Optional<EarlyInstabilityRule.ProbeVerdict> probe, Optional<WarmupAdvisor.WarmupAdvice> warmup,
                        Optional<ClippingAdvice> clipping, Optional<StepsAdvice> steps, Optional<BatchAdvice> batch,
                        long maxTrainSteps, List<Trial> sweep, List<Finding> findings) {

    public Diagnosis {
        sweep = List.copyOf(sweep);
        findings = List.copyOf(findings);
    }
}
