package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The sentences {@link StepsAdvisor} says, with their evidence (RULES.md §4). */
final class StepsFindings {
    private static final int NAMES_SHOWN = 5;

    private StepsFindings() {
    }

    /**
     * One finding per verdict that some run has: ADVICE for too many steps and for training longer, INFO for runs
     * whose length fits and for single-point runs.
     *
     * @param marks the best step of each of {@code bests}, index for index
     */
    static List<Finding> verdicts(List<BestStep> bests, List<Mark> marks, StepsAdvisor.Settings settings) {
        String early = "the first " + Text.percent(settings.tooManyStepsFraction());
        String late = "the last " + Text.percent(settings.trainLongerFraction());
        List<Finding> findings = new ArrayList<>();
        add(findings, bests, marks, settings, b -> b.verdict() == BestStep.Verdict.TOO_MANY_STEPS, Severity.ADVICE,
                "The best step comes in " + early + " of training in {runs}: max_train_steps is too large.");
        add(findings, bests, marks, settings, b -> b.verdict() == BestStep.Verdict.TRAIN_LONGER, Severity.ADVICE,
                "The best step comes in " + late + " of training in {runs}: training longer (and retuning the decay) "
                        + "should help.");
        add(findings, bests, marks, settings, b -> b.verdict() == BestStep.Verdict.FINE && !single(b), Severity.INFO,
                "The best step comes after " + early + " and before " + late + " of training in {runs}: the run "
                        + "length fits.");
        add(findings, bests, marks, settings, StepsFindings::single, Severity.INFO,
                "One logged point in {runs}: a best step cannot be placed within the run, so it counts as fine.");
        return findings;
    }

    private static boolean single(BestStep best) {
        return best.firstStep() == best.lastStep();
    }

    private static void add(List<Finding> findings, List<BestStep> bests, List<Mark> marks,
                            StepsAdvisor.Settings settings, Predicate<BestStep> which,
                            Severity severity, String template) {
        List<String> runs = new ArrayList<>();
        List<Mark> chosen = new ArrayList<>();
        for (int i = 0; i < bests.size(); i++) {
            if (which.test(bests.get(i))) {
                runs.add(bests.get(i).run());
                chosen.add(marks.get(i));
            }
        }
        if (runs.isEmpty()) {
            return;
        }
        Map<String, Double> numbers = StepsAdvisor.numbers(settings);
        numbers.put("runs", (double) runs.size());
        numbers.put("runs_judged", (double) bests.size());
        findings.add(new Finding(StepsAdvisor.RULE, severity, template.replace("{runs}", scope(runs, bests.size())),
                new Evidence(runs, chosen, numbers)));
    }

    /** {@code "lr_0.1"}, {@code "every run (a, b)"} or {@code "2 of 5 runs (a, b)"}. */
    private static String scope(List<String> runs, int judged) {
        String names = Text.names(runs, NAMES_SHOWN);
        if (judged == 1) {
            return names;
        }
        return (runs.size() == judged ? "every run" : runs.size() + " of " + judged + " runs") + " (" + names + ")";
    }

    /** The INFO that proposes the initial max_train_steps. */
    static Finding candidate(TrainingFloor.Result floor, int trials, StepsAdvisor.Settings settings) {
        TrainingFloor.Fit fastest = floor.fastest();
        String margin = floor.floor() > 0 ? Text.percent(settings.fitTolerance()) + " of the sweep's floor "
                : Text.percent(settings.fitTolerance()) + " of the way from the starting loss down to the sweep's "
                        + "floor ";
        String which = floor.fits().size() == 1 ? "the only trial of " + trials + " that fits the training set"
                : "the fastest of " + floor.fits().size() + " trials that fit the training set";
        String message = "Initial max_train_steps candidate: " + fastest.step() + " steps, where " + fastest.run()
                + " (" + which + ") first brings its "
                + "smoothed training loss to " + Text.number(floor.bound()) + ", within " + margin
                + Text.number(floor.floor()) + ". This holds for a constant-LR sweep without augmentation or "
                + "regularization; check that lr* is not on the boundary of the sweep.";
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("candidate_steps", (double) fastest.step());
        numbers.put("floor", floor.floor());
        numbers.put("bound", floor.bound());
        numbers.put("fit_tolerance", settings.fitTolerance());
        numbers.put("smoothing_window", (double) settings.smoothingWindow());
        numbers.put("fitting_trials", (double) floor.fits().size());
        numbers.put("trials", (double) trials);
        List<String> runs = floor.fits().stream().map(TrainingFloor.Fit::run).toList();
        List<Mark> marks = floor.fits().stream()
                .map(fit -> Mark.point(fit.run(), fit.tag(), fit.step(), fit.smoothedLoss())).toList();
        return new Finding(StepsAdvisor.RULE, Severity.INFO, message, new Evidence(runs, marks, numbers));
    }
}
