package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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

    /** The run length to use next and why. */
    record Next(OptionalLong steps, String reason) {
    }

    /**
     * What the judged loss gained after the train loss reached its floor: from {@code atStep} (the first eval at or
     * after the floor) to the best, against the loss's own step-to-step noise.
     */
    record LateGain(long atStep, double gain, double noise) {
        boolean withinNoise() {
            return gain <= 2 * noise;
        }
    }

    /**
     * The run length the verdict on the headline trial calls for: twice as long where its eval loss was still best
     * at the end or its train loss still falling (the next point of a steps study N, 2N, 4N); shorter where it was
     * best in the first steps (to the fastest fit, else twice its best step); unchanged where the length fits.
     */
    static Next next(Optional<BestStep> lead, boolean leadFalling, Optional<LateGain> late,
                     Optional<TrainingFloor.Fit> fastest, long maxTrainSteps) {
        if (lead.isEmpty()) {
            return fastest.map(f -> new Next(OptionalLong.of(f.step()), "the fastest trial to fit the training set ("
                    + f.run() + ") did so in " + f.step() + " steps")).orElse(new Next(OptionalLong.empty(), ""));
        }
        BestStep b = lead.get();
        long length = maxTrainSteps > 0 ? maxTrainSteps : b.lastStep();
        if (b.firstStep() == b.lastStep()) {
            return new Next(OptionalLong.of(length), "one logged point in " + b.run() + ": a best step cannot be"
                    + " placed within the run, so its length counts as fine");
        }
        if (late.isPresent() && late.get().withinNoise()) {
            return new Next(OptionalLong.of(length), b.run() + " was best at step " + b.bestStep() + " of "
                    + b.lastStep() + ", but its train loss had reached its floor by step " + late.get().atStep()
                    + " and the loss gained only " + Text.number(late.get().gain()) + " after it, within its noise ("
                    + Text.number(late.get().noise()) + " per step): the run length fits; " + length + " steps");
        }
        if (b.verdict() == BestStep.Verdict.TRAIN_LONGER || leadFalling) {
            String after = late.map(l -> ", " + Text.number(l.gain()) + " better than when its train loss reached its"
                    + " floor at step " + l.atStep() + ", beyond its noise (" + Text.number(l.noise()) + ")").orElse("");
            return new Next(OptionalLong.of(2 * length), b.run() + " was still improving at its end (best at step "
                    + b.bestStep() + " of " + b.lastStep() + after + (leadFalling ? ", train loss still falling" : "")
                    + "): train longer; " + 2 * length + " steps is the next length to try");
        }
        if (b.verdict() == BestStep.Verdict.TOO_MANY_STEPS) {
            long shorter = fastest.map(TrainingFloor.Fit::step).filter(s -> s > b.bestStep())
                    .orElse(Math.max(1, 2 * (b.bestStep() - b.firstStep()) + b.firstStep()));
            return new Next(OptionalLong.of(shorter), b.run() + " was best at step " + b.bestStep() + " of "
                    + b.lastStep() + ": max_train_steps is too large; " + shorter + " steps would do");
        }
        return new Next(OptionalLong.of(length), b.run() + " was best at step " + b.bestStep() + " of "
                + b.lastStep() + ": the run length fits");
    }

    /** The ADVICE or INFO on the trial a config's run length follows. */
    static Finding headline(BestStep b, Mark best, boolean falling, Next next, StepsAdvisor.Settings settings) {
        Severity severity = b.verdict() == BestStep.Verdict.FINE && !falling ? Severity.INFO : Severity.ADVICE;
        Map<String, Double> numbers = StepsAdvisor.numbers(settings);
        numbers.put("best_step", (double) b.bestStep());
        numbers.put("last_step", (double) b.lastStep());
        numbers.put("position", b.position());
        next.steps().ifPresent(v -> numbers.put("recommended_max_train_steps", (double) v));
        String message = "Run length: " + next.reason() + ".";
        return new Finding(StepsAdvisor.RULE, severity, message, new Evidence(List.of(b.run()), List.of(best),
                numbers));
    }

    /** The INFO that proposes the initial max_train_steps, or says why there is none yet. */
    static Finding candidate(TrainingFloor.Result floor, int trials, StepsAdvisor.Settings settings, String caveat) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("floor", floor.floor());
        numbers.put("bound", floor.bound());
        numbers.put("fit_tolerance", settings.fitTolerance());
        numbers.put("smoothing_window", (double) settings.smoothingWindow());
        numbers.put("fitting_trials", (double) floor.fits().size());
        numbers.put("trials", (double) trials);
        if (floor.fastest().isEmpty()) {
            String falling = floor.stillFalling().isEmpty() ? "" : " (" + Text.names(floor.stillFalling(), 5)
                    + (floor.stillFalling().size() == 1 ? " is" : " are") + " still falling at the end)";
            return new Finding(StepsAdvisor.RULE, Severity.INFO, "No max_train_steps candidate yet: no stable trial's"
                    + " training loss has reached its floor near the sweep's lowest level " + Text.number(floor.floor())
                    + falling + ".", new Evidence(floor.stillFalling(), List.of(), numbers));
        }
        TrainingFloor.Fit fastest = floor.fastest().get();
        String which = floor.fits().size() == 1 ? "the only trial of " + trials + " that fits the training set"
                : "the fastest of " + floor.fits().size() + " trials that fit the training set";
        numbers.put("candidate_steps", (double) fastest.step());
        String margin = floor.floor() > 0 ? Text.percent(settings.fitTolerance()) + " of the sweep's floor "
                : Text.percent(settings.fitTolerance()) + " of the way from the starting loss down to the sweep's "
                        + "floor ";
        String message = "Initial max_train_steps candidate: " + fastest.step() + " steps, where " + fastest.run()
                + " (" + which + ": its training loss stopped falling) first brings its smoothed training loss to "
                + Text.number(floor.bound()) + ", within " + margin + Text.number(floor.floor()) + ". This holds for a constant-LR"
                + " sweep without augmentation or regularization; check that lr* is not on the boundary of the"
                + " sweep." + caveat;
        List<String> runs = floor.fits().stream().map(TrainingFloor.Fit::run).toList();
        List<Mark> marks = floor.fits().stream()
                .map(fit -> Mark.point(fit.run(), fit.tag(), fit.step(), fit.smoothedLoss())).toList();
        return new Finding(StepsAdvisor.RULE, Severity.INFO, message, new Evidence(runs, marks, numbers));
    }
}
