package dev.tunescope.workspace;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.LoggingCadence;
import dev.tunescope.run.Run;
import dev.tunescope.train.OptimizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * How a sweep was trained, as far as its runs say: the workload (or the user's command), the optimizer and its
 * settings, batch size, steps, eval and histogram cadence, seeds. A study planned from the sweep trains the same
 * way unless a flag says otherwise; what the runs do not say is listed in {@link #unknown()}, never guessed.
 *
 * @param workload          the built-in workload's name the runs recorded
 * @param command           the argument template the sweep's trials were run with (its study.json), if any
 * @param optimizer         the optimizer's name
 * @param optimizerSettings its settings as recorded (momentum, betas, weight decay, ...)
 * @param evalEvery         recorded, else the spacing of the eval-loss points
 * @param histogramEvery    the spacing of the logged histograms; 0 when none were logged
 */
public record SweepSetUp(String sweep, Optional<String> workload, Optional<List<String>> command,
                         Optional<String> optimizer, Map<String, Object> optimizerSettings, OptionalInt batchSize,
                         OptionalLong steps, OptionalInt evalEvery, OptionalInt histogramEvery, List<Long> seeds,
                         Optional<String> decay) {

    public SweepSetUp {
        command = command.map(List::copyOf);
        optimizerSettings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(optimizerSettings));
        seeds = List.copyOf(seeds);
    }

    /** The set-up of a sweep's runs: each field from the first run that records it; seeds from all of them. */
    public static SweepSetUp of(String sweep, List<Run> runs, Optional<List<String>> command, MetricAliases aliases) {
        List<Hyperparameters> all = runs.stream().map(Run::hyperparameters).toList();
        Optional<String> optimizer = first(all, h -> HyperparameterNames.text(h, HyperparameterNames.OPTIMIZER));
        Map<String, Object> optimizerSettings = new LinkedHashMap<>();
        all.stream().filter(h -> HyperparameterNames.value(h, HyperparameterNames.OPTIMIZER).isPresent()
                || !optimizerSettingsOf(h).isEmpty()).findFirst().ifPresent(h -> optimizerSettings.putAll(
                optimizerSettingsOf(h)));
        OptionalInt batch = first(all, h -> HyperparameterNames.number(h, HyperparameterNames.BATCH_SIZE))
                .map(b -> OptionalInt.of((int) Math.round(b))).orElse(OptionalInt.empty());
        OptionalLong steps = first(all, h -> HyperparameterNames.number(h, HyperparameterNames.MAX_TRAIN_STEPS))
                .map(s -> OptionalLong.of(Math.round(s))).orElse(OptionalLong.empty());
        LoggingCadence cadence = LoggingCadence.of(runs, aliases);
        TreeSet<Long> seeds = new TreeSet<>();
        all.forEach(h -> HyperparameterNames.number(h, List.of("seed", "random_seed"))
                .ifPresent(s -> seeds.add(Math.round(s))));
        return new SweepSetUp(sweep, first(all, h -> HyperparameterNames.text(h, List.of("workload"))), command,
                optimizer, optimizerSettings, batch, steps, cadence.evalEvery(), cadence.histogramEvery(), new ArrayList<>(seeds),
                first(all, h -> HyperparameterNames.text(h, HyperparameterNames.SCHEDULE)));
    }

    /**
     * The optimizer the runs recorded, as the built-in trainer builds it (settings not recorded take the
     * trainer's defaults); empty when unrecorded or one the trainer does not have.
     */
    public Optional<OptimizerSpec> optimizerSpec() {
        return optimizer.map(name -> name.toLowerCase(java.util.Locale.ROOT)).flatMap(name -> {
            double momentum = number("momentum", 0.9);
            boolean nesterov = Boolean.TRUE.equals(optimizerSettings.get("nesterov"));
            double beta1 = number("beta1", 0.9);
            double beta2 = number("beta2", 0.999);
            double eps = optimizerSettings.containsKey("eps") ? number("eps", 1e-8) : number("epsilon", 1e-8);
            return switch (name) {
                case "sgd" -> Optional.of(OptimizerSpec.sgd(momentum, nesterov));
                case "adam" -> Optional.of(new OptimizerSpec(OptimizerSpec.Kind.ADAM, 0, false, beta1, beta2, eps, 0));
                case "adamw" -> Optional.of(new OptimizerSpec(OptimizerSpec.Kind.ADAMW, 0, false, beta1, beta2, eps,
                        number("weight_decay", 0.01)));
                default -> Optional.empty();
            };
        });
    }

    /** One line: "char-transformer-post-ln, adam, batch 32, 300 steps, eval every 10, seed 1". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        workload.ifPresent(parts::add);
        command.ifPresent(c -> parts.add("command " + String.join(" ", c)));
        optimizer.ifPresent(parts::add);
        batchSize.ifPresent(b -> parts.add("batch " + b));
        steps.ifPresent(s -> parts.add(s + " steps"));
        evalEvery.ifPresent(e -> parts.add("eval every " + e));
        if (!seeds.isEmpty()) {
            parts.add("seed " + seeds.get(0));
        }
        List<String> missing = unknown();
        return String.join(", ", parts) + (missing.isEmpty() ? "" : "; not recorded: " + String.join(", ", missing));
    }

    private double number(String key, double otherwise) {
        return optimizerSettings.get(key) instanceof Double d ? d : otherwise;
    }

    /** The fields the runs do not record, by their flag names ("optimizer", "eval_every", ...). */
    public List<String> unknown() {
        List<String> missing = new ArrayList<>();
        if (workload.isEmpty() && command.isEmpty()) {
            missing.add("workload");
        }
        if (optimizer.isEmpty()) {
            missing.add("optimizer");
        }
        if (batchSize.isEmpty()) {
            missing.add("batch_size");
        }
        if (steps.isEmpty()) {
            missing.add("steps");
        }
        if (evalEvery.isEmpty()) {
            missing.add("eval_every");
        }
        if (histogramEvery.isEmpty()) {
            missing.add("histogram_every");
        }
        if (seeds.isEmpty()) {
            missing.add("seed");
        }
        return missing;
    }

    private static Map<String, Object> optimizerSettingsOf(Hyperparameters h) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : HyperparameterNames.OPTIMIZER_SETTINGS) {
            HyperparameterNames.value(h, List.of(key)).ifPresent(v -> out.put(key, plain(v)));
        }
        return out;
    }

    private static Object plain(HyperparameterValue value) {
        return switch (value) {
            case HyperparameterValue.Number n -> n.value();
            case HyperparameterValue.Flag f -> f.value();
            case HyperparameterValue.Text t -> t.asNumber().<Object>map(d -> d).orElseGet(() -> t.value());
        };
    }

    private static <T> Optional<T> first(List<Hyperparameters> all,
                                         java.util.function.Function<Hyperparameters, Optional<T>> field) {
        return all.stream().map(field).flatMap(Optional::stream).filter(Objects::nonNull).findFirst();
    }
}
