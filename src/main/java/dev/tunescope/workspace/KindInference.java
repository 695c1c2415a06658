package dev.tunescope.workspace;

import dev.tunescope.diagnose.Text;
import dev.tunescope.run.StudyKind;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which kind of study a group of runs is, read off what varies among them when nothing declares it: warmup lengths
 * make a warmup study (at one or more learning rates), clipping thresholds a clipping study, batch sizes with
 * throughput a batch probe, run lengths at one learning rate a run-length study, learning rates alone an LR sweep;
 * anything else is a set of runs judged one by one. The order matters: a warmup study's trials also differ in
 * length (the ramp and twice as long after it), and a clipping study may hold several learning rates.
 */
final class KindInference {
    /**
     * The kind and the sentence that says why.
     *
     * @param fromDesign read off what varies among the runs (rather than declared by a file or setting)
     */
    record Inferred(StudyKind kind, String reason, boolean fromDesign) {
        static Inferred declared(StudyKind kind, String reason) {
            return new Inferred(kind, reason, false);
        }
    }

    private KindInference() {
    }

    static Inferred infer(List<RunSettings> runs) {
        TreeSet<Long> warmups = distinct(runs, RunSettings::warmupSteps);
        TreeSet<String> clips = distinct(runs, RunSettings::clipKey);
        TreeSet<Double> batches = distinct(runs, r -> r.batchSize().orElse(null));
        TreeSet<Double> lengths = distinct(runs, r -> r.maxTrainSteps().orElse(null));
        TreeSet<Double> rates = distinct(runs, r -> r.learningRate().isPresent() ? r.learningRate().getAsDouble() : null);
        long withThroughput = runs.stream().filter(RunSettings::logsThroughput).count();
        if (warmups.size() >= 2) {
            return new Inferred(StudyKind.WARMUP, "warmup varies: " + warmups.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " steps" + atRates(rates), true);
        }
        if (clips.size() >= 2) {
            return new Inferred(StudyKind.CLIPPING, "the clipping threshold varies: " + String.join(", ",
                    clips.stream().map(c -> c.equals("none") ? "none" : Text.number(Double.parseDouble(c))).toList())
                    + atRates(rates), true);
        }
        if (batches.size() >= 2 && withThroughput >= 2) {
            return new Inferred(StudyKind.BATCH_PROBE, "the batch size varies (" + batches.size()
                    + " sizes) and throughput is logged", true);
        }
        if (lengths.size() >= 2 && rates.size() <= 1) {
            return new Inferred(StudyKind.STEPS, "the run length varies (" + lengths.size() + " lengths)"
                    + atRates(rates), true);
        }
        if (rates.size() >= 2) {
            return new Inferred(StudyKind.LR_SWEEP, "the learning rate varies: " + rates.size() + " values", true);
        }
        return new Inferred(StudyKind.RUNS, runs.size() == 1 ? "a single run" : "no design setting varies", true);
    }

    private static String atRates(TreeSet<Double> rates) {
        if (rates.isEmpty()) {
            return "";
        }
        return " at lr " + rates.stream().map(Text::number).collect(Collectors.joining(", "));
    }

    private static <T extends Comparable<T>> TreeSet<T> distinct(List<RunSettings> runs, Function<RunSettings, T> key) {
        return runs.stream().map(key).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }
}
