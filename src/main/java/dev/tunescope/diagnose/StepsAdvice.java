package dev.tunescope.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link StepsAdvisor} says about run length.
 *
 * @param runs                     the best step of each trial that has a finite loss, in the order given
 * @param maxTrainStepsCandidate   the step at which the fastest trial reaches the training-loss floor
 * @param candidateRun             that trial
 * @param headline                 the best step of the trial the verdict is about (lr*, or the only run)
 * @param recommendedMaxTrainSteps the run length to use next, following the verdict
 * @param recommendation           why that length, in one sentence
 */
public record StepsAdvice(List<BestStep> runs, OptionalLong maxTrainStepsCandidate, Optional<String> candidateRun,
                          Optional<BestStep> headline, OptionalLong recommendedMaxTrainSteps, String recommendation,
                          List<Finding> findings) {

    public StepsAdvice {
        runs = List.copyOf(runs);
        findings = List.copyOf(findings);
    }
}
