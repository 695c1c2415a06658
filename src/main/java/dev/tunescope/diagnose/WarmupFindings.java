package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The sentences a warmup study's verdict at one learning rate says, with their evidence (RULES.md §2). */
final class WarmupFindings {
    private WarmupFindings() {
    }

    static List<Finding> of(WarmupAdvisor.ByLearningRate verdict, WarmupAdvisor.Settings settings) {
        String lr = Text.number(verdict.learningRate());
        List<String> runs = verdict.tried().stream().map(WarmupAdvisor.WarmupTrial::run).toList();
        List<Mark> marks = verdict.tried().stream().filter(t -> t.onsetStep().isPresent())
                .map(t -> Mark.point(t.run(), "train loss", t.onsetStep().getAsLong(), Double.NaN)).toList();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr", verdict.learningRate());
        verdict.shortestStable().ifPresent(w -> numbers.put("shortest_stable_warmup", (double) w));
        Evidence evidence = new Evidence(runs, marks, numbers);
        String tried = verdict.tried().stream().map(WarmupFindings::describe).collect(Collectors.joining("; "));
        List<Finding> findings = new ArrayList<>();
        switch (verdict.outcome()) {
            case RESCUED -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.INFO, "Warmup rescues lr " + lr + ": "
                    + verdict.shortestStable().getAsLong() + " steps is the shortest stable warmup (" + tried + ").",
                    evidence));
            case STABLE_NO_TWIN -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.INFO, "lr " + lr
                    + " is stable with " + verdict.shortestStable().getAsLong() + " warmup steps, the shortest stable"
                    + " one (" + tried + "); no run at this rate without warmup shows whether warmup was needed.",
                    evidence));
            case NOT_NEEDED -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.INFO, "lr " + lr + " is stable"
                    + " without warmup (" + tried + "): warmup is not needed at this rate.", evidence));
            case TOO_SHORT -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.ADVICE, "Too short to tell at lr "
                    + lr + ": the warmup trials that look stable ended before the instability could show (" + tried
                    + "); run them longer.", evidence));
            case NOT_RESCUED -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.WARNING, "No warmup tried"
                    + " rescues lr " + lr + " (" + tried + ").", evidence));
        }
        verdict.splitSeeds().forEach((warmup, tally) -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.ADVICE,
                "At lr " + lr + ", " + warmup + " warmup steps rescued " + tally.phrase() + ": not a rescue, since"
                        + " the seeds disagree (a rescue must hold for every seed); try a longer warmup.", evidence)));
        verdict.limits().ifPresent(limits -> findings.addAll(limitFindings(limits, lr, evidence, settings)));
        return findings;
    }

    private static List<Finding> limitFindings(WarmupAdvisor.Limits limits, String lr, Evidence evidence,
                                               WarmupAdvisor.Settings settings) {
        List<Finding> findings = new ArrayList<>();
        String share = Text.percent(limits.share()) + " of max_train_steps " + limits.maxTrainSteps();
        if (limits.beyondDesign()) {
            findings.add(new Finding(WarmupAdvisor.RULE, Severity.ADVICE, "The warmup of " + limits.warmupSteps()
                    + " steps at lr " + lr + " is " + share + ", beyond the study's design (warmup is capped at "
                    + Text.percent(settings.maxWarmupShare()) + ", " + (long) Math.floor(settings.maxWarmupShare()
                    * limits.maxTrainSteps()) + " steps).", evidence));
        }
        limits.raiseMaxTrainStepsTo().ifPresent(to -> findings.add(new Finding(WarmupAdvisor.RULE, Severity.ADVICE,
                "A warmup of " + limits.warmupSteps() + " steps is " + share + " (over "
                        + Text.percent(settings.warningShare()) + "): raise max_train_steps to at least " + to + ".",
                evidence)));
        findings.add(new Finding(WarmupAdvisor.RULE, Severity.INFO, "With " + limits.warmupSteps() + " warmup steps"
                + " added, a " + limits.maxTrainSteps() + "-step schedule becomes " + limits.scheduleSteps()
                + " steps.", evidence));
        return findings;
    }

    /** "no warmup: unstable from step 41", "10 steps: stable, too short (ended at step 30)", "100 steps: stable". */
    private static String describe(WarmupAdvisor.WarmupTrial t) {
        String what = t.warmupSteps() == 0 ? "no warmup" : t.warmupSteps() + " steps";
        if (!t.stable()) {
            return what + ": unstable from step " + t.onsetStep().orElse(t.lastStep());
        }
        if (!t.conclusive()) {
            return what + ": stable but too short (ended at step " + t.lastStep() + ")";
        }
        return what + (t.farAbove() ? ": stable but ends far above the reference" : ": stable");
    }
}
