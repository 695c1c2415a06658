package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The initial max_train_steps candidate of RULES.md §4: the step count of the fastest trial that fits the training
 * set, i.e. whose training loss reaches the floor the sweep reaches.
 *
 * <p>Each trial's finite training loss is smoothed by a trailing {@link RunningMedian}. The floor is the lowest
 * smoothed value of any trial. A trial fits when its smoothed loss comes within the tolerance of that floor: below
 * {@code floor * (1 + tolerance)} for a positive floor. For a floor at or below zero a relative margin means nothing
 * (it is zero, or lies below the floor), so the margin is additive instead: {@code tolerance} times the spread from
 * the floor up to the highest first smoothed value of any trial (the loss at the start of training). A trial's fit
 * step is the first step at which its smoothed loss is within the bound.
 */
final class TrainingFloor {
    private TrainingFloor() {
    }

    /** One trial that fits: the step where its smoothed training loss first comes within the bound. */
    record Fit(String run, String tag, long step, double smoothedLoss) {
    }

    /** The floor, the bound a trial must reach, and the trials that reach it, fastest first. */
    record Result(double floor, double bound, List<Fit> fits) {
        Fit fastest() {
            return fits.get(0);
        }
    }

    private record Smoothed(String run, String tag, long[] steps, double[] losses, double min) {
    }

    /** Empty when no trial has a finite training loss. */
    static Optional<Result> of(List<Trial> trials, int window, double tolerance) {
        List<Smoothed> smoothed = trials.stream().map(t -> smooth(t, window)).flatMap(Optional::stream).toList();
        if (smoothed.isEmpty()) {
            return Optional.empty();
        }
        double floor = smoothed.stream().mapToDouble(Smoothed::min).min().orElseThrow();
        double bound = bound(floor, smoothed, tolerance);
        List<Fit> fits = new ArrayList<>();
        for (Smoothed trial : smoothed) {
            for (int i = 0; i < trial.losses().length; i++) {
                if (trial.losses()[i] <= bound) {
                    fits.add(new Fit(trial.run(), trial.tag(), trial.steps()[i], trial.losses()[i]));
                    break;
                }
            }
        }
        fits.sort(Comparator.comparingLong(Fit::step)); // stable: among equal steps, the first trial given wins
        return Optional.of(new Result(floor, bound, fits));
    }

    private static double bound(double floor, List<Smoothed> trials, double tolerance) {
        if (floor > 0) {
            return floor * (1 + tolerance);
        }
        double start = trials.stream().mapToDouble(t -> t.losses()[0]).max().orElseThrow();
        return floor + tolerance * Math.max(0, start - floor);
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
