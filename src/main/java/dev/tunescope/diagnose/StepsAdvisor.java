package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Steps per run, RULES.md §4: the best checkpoint is the step with the best validation metric; if it comes within
 * the first 10% of training, max_train_steps is too large; if within the last 25%, training longer (and retuning the
 * decay) helps. The initial max_train_steps candidate is the step count of the fastest trial of a constant-LR sweep
 * that fits the training set (see {@link TrainingFloor}).
 *
 * <p>The caller passes only stable trials. Each is judged on its eval loss, or on its train loss where it has no
 * eval series with a finite value. The best step is the step of the lowest finite loss (the earliest among equal
 * lows). Its position counts from the first to the last step of the judged series; boundaries belong to the early
 * and late verdicts ({@code position <= 0.10} is early, {@code position >= 0.75} late), the early one checked first.
 * A series of one step has position 1 and verdict FINE: one point cannot say whether training was too long or too
 * short. A trial with no finite loss at all is left out and named in a finding.
 */
public final class StepsAdvisor {
    public static final String RULE = "steps";

    /**
     * @param tooManyStepsFraction a best step in this first fraction of training means max_train_steps is too large
     *                             (RULES.md §4: 10%)
     * @param trainLongerFraction  a best step in this last fraction means training longer helps (RULES.md §4: 25%)
     * @param fitTolerance         how close to the sweep's training-loss floor a trial must come to "fit the
     *                             training set" (5% of the floor; see {@link TrainingFloor} for floors <= 0)
     * @param smoothingWindow      points in the trailing running median applied to training loss before looking for
     *                             its floor, so that one lucky batch does not count as fitting
     */
    public record Settings(double tooManyStepsFraction, double trainLongerFraction, double fitTolerance,
                           int smoothingWindow) {
        public static final Settings DEFAULTS = new Settings(0.10, 0.25, 0.05, 25);

        public Settings {
            checkFraction("tooManyStepsFraction", tooManyStepsFraction);
            checkFraction("trainLongerFraction", trainLongerFraction);
            if (!(fitTolerance >= 0 && Double.isFinite(fitTolerance))) {
                throw new IllegalArgumentException("fitTolerance must be finite and >= 0, not " + fitTolerance);
            }
            if (smoothingWindow < 1) {
                throw new IllegalArgumentException("smoothingWindow must be at least 1, not " + smoothingWindow);
            }
        }

        private static void checkFraction(String name, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must lie in [0, 1], not " + value);
            }
        }
    }

    private StepsAdvisor() {
    }

    /** Judges each trial's best step and proposes an initial max_train_steps (no trial is singled out). */
    public static StepsAdvice advise(List<Trial> trials, Settings settings) {
        long longest = trials.stream().filter(t -> !t.trainLoss().isEmpty()).mapToLong(t -> t.trainLoss().lastStep())
                .max().orElse(0);
        return advise(trials, Optional.empty(), longest, settings);
    }

    /**
     * Judges each trial's best step, proposes an initial max_train_steps, and says which run length to use next:
     * the verdict on {@code headline} (lr*, whose length a recommended config takes) decides, and a candidate only
     * comes from a trial whose train loss has reached its floor, so "train longer" and a shorter candidate are
     * never said of the same run.
     *
     * @param maxTrainSteps the length the trials were run for (their max_train_steps)
     */
    public static StepsAdvice advise(List<Trial> trials, Optional<String> headline, long maxTrainSteps,
                                     Settings settings) {
        List<BestStep> bests = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<String> withoutLoss = new ArrayList<>();
        for (Trial trial : trials) {
            ScalarSeries judged = judged(trial);
            Optional<BestStep> best = bestStep(trial.run(), judged, settings);
            best.ifPresentOrElse(b -> {
                bests.add(b);
                marks.add(Mark.point(b.run(), judged.tag(), b.bestStep(), b.bestValue()));
            }, () -> withoutLoss.add(trial.run()));
        }
        List<Finding> findings = new ArrayList<>();
        if (trials.isEmpty()) {
            findings.add(new Finding(RULE, Severity.INFO, "No stable trials: nothing to judge run length on.",
                    Evidence.NONE));
        }
        if (!withoutLoss.isEmpty()) {
            findings.add(new Finding(RULE, Severity.INFO, Text.names(withoutLoss, 5) + " logged no finite loss and "
                    + (withoutLoss.size() == 1 ? "was" : "were") + " left out.",
                    new Evidence(withoutLoss, List.of(), Map.of())));
        }
        Optional<TrainingFloor.Result> floor = TrainingFloor.of(trials, settings.smoothingWindow(),
                settings.fitTolerance());
        Optional<TrainingFloor.Fit> fastest = floor.flatMap(TrainingFloor.Result::fastest);
        Optional<BestStep> lead = headline.flatMap(run -> bests.stream().filter(b -> b.run().equals(run)).findFirst())
                .or(() -> bests.size() == 1 ? Optional.of(bests.get(0)) : Optional.empty());
        boolean leadFalling = lead.isPresent() && floor.map(f -> f.stillFalling().contains(lead.get().run()))
                .orElse(false);
        Optional<StepsFindings.LateGain> late = lead.filter(b -> b.verdict() == BestStep.Verdict.TRAIN_LONGER
                && !leadFalling).flatMap(b -> floor.flatMap(f -> f.fits().stream().filter(fit -> fit.run()
                .equals(b.run())).findFirst()).flatMap(fit -> trials.stream().filter(t -> t.run().equals(b.run()))
                .findFirst().map(t -> lateGain(judged(t), fit.step(), b))));
        StepsFindings.Next next = StepsFindings.next(lead, leadFalling, late, fastest, maxTrainSteps);
        lead.ifPresent(b -> findings.add(StepsFindings.headline(b, marks.get(bests.indexOf(b)), leadFalling, next,
                settings)));
        List<BestStep> others = new ArrayList<>();
        List<Mark> otherMarks = new ArrayList<>();
        for (int i = 0; i < bests.size(); i++) {
            if (lead.isEmpty() || !bests.get(i).run().equals(lead.get().run())) {
                others.add(bests.get(i));
                otherMarks.add(marks.get(i));
            }
        }
        findings.addAll(StepsFindings.verdicts(others, otherMarks, settings));
        boolean longer = next.steps().isPresent() && next.steps().getAsLong() > maxTrainSteps && maxTrainSteps > 0;
        floor.ifPresent(f -> findings.add(StepsFindings.candidate(f, trials.size(), settings,
                longer && fastest.isPresent() ? " It is no reason to shorten the runs here: the verdict on "
                        + lead.map(BestStep::run).orElse("lr*") + " says train longer." : "")));
        return new StepsAdvice(bests, fastest.map(f -> OptionalLong.of(f.step())).orElse(OptionalLong.empty()),
                fastest.map(TrainingFloor.Fit::run), lead, next.steps(), next.reason(), findings);
    }

    /**
     * How much the judged loss (eval, else train) still gained after the train loss reached its floor at
     * {@code floorStep}, against its own noise: the robust spread of its consecutive differences over its second
     * half, per point (1.4826 MAD / sqrt 2).
     */
    static StepsFindings.LateGain lateGain(ScalarSeries judged, long floorStep, BestStep best) {
        int at = Math.min(judged.indexAtOrAfter(floorStep), judged.size() - 1);
        return new StepsFindings.LateGain(judged.step(at), judged.value(at) - best.bestValue(), stepNoise(judged));
    }

    /**
     * A loss's own noise from one logged point to the next: the robust spread of its consecutive differences over
     * its second half (1.4826 MAD), per point (divided by sqrt 2); 0 for fewer than three points.
     */
    static double stepNoise(ScalarSeries judged) {
        int from = judged.size() / 2;
        double[] differences = new double[Math.max(0, judged.size() - from - 1)];
        int n = 0;
        for (int i = from + 1; i < judged.size(); i++) {
            double d = judged.value(i) - judged.value(i - 1);
            if (Double.isFinite(d)) {
                differences[n++] = d;
            }
        }
        double[] finite = java.util.Arrays.copyOf(differences, n);
        double center = RunningMedian.median(finite);
        for (int i = 0; i < n; i++) {
            finite[i] = Math.abs(finite[i] - center);
        }
        return n == 0 ? 0 : RunningMedian.MAD_TO_SIGMA * RunningMedian.median(finite) / Math.sqrt(2);
    }

    /** The eval loss where it has a finite value, else the train loss. */
    static ScalarSeries judged(Trial trial) {
        return trial.evalLoss().filter(StepsAdvisor::hasFinite).orElse(trial.trainLoss());
    }

    private static boolean hasFinite(ScalarSeries series) {
        return series.stats().count() > series.stats().nonFinite();
    }

    /** The lowest finite point of {@code series} and its verdict; empty when no value is finite. */
    static Optional<BestStep> bestStep(String run, ScalarSeries series, Settings settings) {
        int best = -1;
        for (int i = 0; i < series.size(); i++) {
            double value = series.value(i);
            if (Double.isFinite(value) && (best < 0 || value < series.value(best))) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        long first = series.firstStep();
        long last = series.lastStep();
        long step = series.step(best);
        double position = last == first ? 1.0 : (double) (step - first) / (last - first);
        BestStep.Verdict verdict = last == first ? BestStep.Verdict.FINE
                : position <= settings.tooManyStepsFraction() ? BestStep.Verdict.TOO_MANY_STEPS
                : position >= 1 - settings.trainLongerFraction() ? BestStep.Verdict.TRAIN_LONGER
                : BestStep.Verdict.FINE;
        return Optional.of(new BestStep(run, step, series.value(best), first, last, position, verdict));
    }

    static Map<String, Double> numbers(Settings settings) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("too_many_steps_fraction", settings.tooManyStepsFraction());
        numbers.put("train_longer_fraction", settings.trainLongerFraction());
        return numbers;
    }
}
