package dev.tunescope.diagnose;

import dev.tunescope.run.Study;
import java.util.List;
import java.util.Optional;

/**
 * Every rule's answer for one study. A section is empty where the study's kind does not call for it or its inputs
 * are missing (no grad norm, no throughput); {@link #findings()} holds all findings, in the order of the playbook.
 *
 * @param trials        the study's runs that are trials (a train loss and a learning rate)
 * @param verdicts      the stability verdict on each of {@code trials}
 * @param judgedAgainst the study this one was judged against (a warmup study's sweep), where there is one
 * @param maxTrainSteps the run length the rules assumed: the study's declared max_train_steps, its runs'
 *                      max_train_steps setting, its sweep's, else its longest stable trial
 */
public record Diagnosis(Study study, List<Trial> trials, List<TrialStability> verdicts,
                        Optional<String> judgedAgainst, Optional<LrStarRule.LrStar> lrStar,
                        Optional<InstabilityRule.Result> instability, Optional<EarlyInstabilityRule.ProbeVerdict> probe,
                        Optional<WarmupAdvisor.WarmupAdvice> warmup, Optional<ClippingAdvice> clipping,
                        Optional<ClippingStudyRule.Verdict> clippingStudy, Optional<StepsAdvice> steps,
                        Optional<BatchAdvice> batch, long maxTrainSteps, List<Finding> findings) {

    public Diagnosis {
        trials = List.copyOf(trials);
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
    }

    /** The study's trials (for an LR sweep: the sweep). */
    public List<Trial> sweep() {
        return trials;
    }

    public Optional<TrialStability> verdict(String run) {
        return verdicts.stream().filter(v -> v.run().equals(run)).findFirst();
    }

    public Optional<Trial> trial(String run) {
        return trials.stream().filter(t -> t.run().equals(run)).findFirst();
    }
}
