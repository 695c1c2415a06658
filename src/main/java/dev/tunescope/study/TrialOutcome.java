package dev.tunescope.study;

import dev.tunescope.run.RunStatus;
import java.util.Optional;

/**
 * How one trial ended, or that it was already done before this run of the study (and so was not run again).
 */
public record TrialOutcome(String trial, RunStatus status, long steps, boolean doneBefore, Optional<String> reason) {
}
