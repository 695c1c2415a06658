package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The initial max_train_steps candidate of RULES.md §4: the step count of the fastest trial that fits the training
 * set, i.e. whose training loss reaches its floor.
 *
 * <p>Each trial's finite training loss is smoothed by a trailing {@link RunningMedian}. The sweep's floor is the
 * lowest smoothed value of any trial. A trial fits when it has reached its own floor, i.e. its smoothed loss no
 * longer falls (over the last quarter of its steps it drops by less than the tolerance times the sweep's spread,
 * from the highest starting level down to the floor), and it comes within the tolerance of the sweep's floor: below
 * {@code floor * (1 + tolerance)} for a positive floor; for a floor at or below zero a relative margin means nothing,
 * so the margin is the tolerance times the spread instead. Its fit step is the first step within the bound. A trial
 * still falling at its end fits nothing yet: training it longer would lower its floor.
 */
final class TrainingFloor {
    /** The share of a trial's last steps over which "no longer falls" is judged. */
    static final double FLAT_SHARE = 0.25;

    private TrainingFloor() {
    }

    /** One trial that fits: the step where its smoothed training loss first comes within the bound. */
    record Fit(String run, String tag, long step, double smoothedLoss) {
    }

    /**
     * The floor, the bound a trial must reach, the trials that fit (fastest first), and those whose loss was still
     * falling at their end.
     */
    record Result(double floor, double bound, List<Fit> fits, List<String> stillFalling) {
        Optional<Fit> fastest() {
            return fits.isEmpty() ? Optional.empty() : Optional.of(fits.get(0));
        }
    }

    private record Smoothed(String run, String tag, long[] steps, double[] losses, double min) {
        boolean flatAtEnd(double margin) {
            int from = (int) Math.floor(losses.length * (1 - FLAT_SHARE));
            return losses.length < 2 || losses[Math.min(from, losses.length - 1)] - losses[losses.length - 1] <= margin;
        }
    }

    /** Empty when no trial has a finite training loss. */
    static Optional<Result> of(List<Trial> trials, int window, double tolerance) {
        List<Smoothed> smoothed = trials.stream().map(t -> smooth(t, window)).flatMap(Optional::stream).toList();
        if (smoothed.isEmpty()) {
            return Optional.empty();
        }
        double floor = smoothed.stream().mapToDouble(Smoothed::min).min().orElseThrow();
        double start = smoothed.stream().mapToDouble(t -> t.losses()[0]).max().orElseThrow();
        double spread = tolerance * Math.max(0, start - floor);
        double bound = floor > 0 ? floor * (1 + tolerance) : floor + spread;
        double margin = spread; // "no longer falls": a share of what the sweep learned, whatever the floor
        List<Fit> fits = new ArrayList<>();
        List<String> falling = new ArrayList<>();
        for (Smoothed trial : smoothed) {
            if (!trial.flatAtEnd(margin)) {
                falling.add(trial.run());
                continue;
            }
            for (int i = 0; i < trial.losses().length; i++) {
                if (trial.losses()[i] <= bound) {
                    fits.add(new Fit(trial.run(), trial.tag(), trial.steps()[i], trial.losses()[i]));
                    break;
                }
            }
        }
        fits.sort(Comparator.comparingLong(Fit::step)); // stable: among equal steps, the first trial given wins
        return Optional.of(new Result(floor, bound, fits, falling));
    }

    private static Optional<Smoothed> smooth(Trial trial, int window) {
        ScalarSeries loss = trial.trainLoss();
        int finite = 0;
        for (int i = 0; i < loss.size(); i++) {
            finite += Double.isFinite(loss.value(i)) ? 1 : 0;
        }
        if (finite == 0) {
            return Optional.empty();
        }
        long[] steps = new long[finite];
        double[] values = new double[finite];
        for (int i = 0, k = 0; i < loss.size(); i++) {
            if (Double.isFinite(loss.value(i))) {
                steps[k] = loss.step(i);
                values[k++] = loss.value(i);
            }
        }
        double[] medians = RunningMedian.trailing(values, window);
        double min = Arrays.stream(medians).min().orElseThrow();
        return Optional.of(new Smoothed(trial.run(), loss.tag(), steps, medians, min));
    }
}
