package dev.tunescope.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that knows what hyperparameters are called: the names loggers, trainers and people use for the
 * settings the playbook reasons about, in order of preference (the first a run has wins). Names are compared as
 * written, after folding case.
 *
 * <p>Three groups matter when runs are sorted into studies: the <em>design</em> settings a study varies on
 * purpose (learning rate, warmup, clipping, batch size, run length, seed), the <em>identity</em> settings that
 * say which model and optimizer a run trains (a folder mixing two of them holds two studies), and the
 * <em>bookkeeping</em> values that differ from run to run without meaning anything (output folders, devices).
 */
public final class HyperparameterNames {
    public static final List<String> LEARNING_RATE = List.of("lr", "learning_rate", "base_lr", "max_lr", "lr0",
            "optimizer.lr", "learning-rate");
    public static final List<String> WARMUP = List.of("warmup_steps", "warmup", "num_warmup_steps", "warmup_iters",
            "lr_warmup_steps");
    public static final List<String> CLIP = List.of("clip", "clip_threshold", "grad_clip", "gradient_clip_val",
            "max_grad_norm", "clip_grad_norm", "clip_norm", "gradient_clipping");
    public static final List<String> BATCH_SIZE = List.of("batch_size", "batch", "bs", "train_batch_size",
            "per_device_train_batch_size");
    public static final List<String> MAX_TRAIN_STEPS = List.of("max_train_steps", "max_steps", "total_steps",
            "train_steps", "num_train_steps", "training_steps", "steps");
    public static final List<String> SEED = List.of("seed", "random_seed", "data_seed");
    /** Marks a batch-probe trial that ran out of memory (Tunescope's trainer writes {@code out_of_memory}). */
    public static final List<String> OUT_OF_MEMORY = List.of("out_of_memory", "oom");
    /** The study a run belongs to, where the run records it ({@code study: warmup}). */
    public static final List<String> STUDY = List.of("study", "study_kind");

    public static final List<String> OPTIMIZER = List.of("optimizer", "optim", "opt", "optimizer_name");
    /** An optimizer's own settings, as a config needs them to repeat a run. */
    public static final List<String> OPTIMIZER_SETTINGS = List.of("momentum", "nesterov", "beta1", "beta2", "betas",
            "eps", "epsilon", "weight_decay", "dampening", "amsgrad");
    public static final List<String> SCHEDULE = List.of("schedule", "decay", "lr_schedule", "scheduler",
            "lr_scheduler");
    public static final List<String> EVAL_EVERY = List.of("eval_every", "eval_interval", "val_check_interval",
            "eval_steps");
    /** The model or workload a run trains; Tunescope's reader puts a {@code run.json} workload's name here. */
    public static final List<String> MODEL = List.of("workload", "model", "model_name", "arch", "architecture",
            "network", "net", "model_type");
    /** Where the model puts its normalisation (RULES.md §1: Pre-LN {@code x + f(Norm(x))} or Post-LN). */
    public static final List<String> NORM_PLACEMENT = List.of("workload.norm_placement", "norm_placement",
            "norm_position", "ln_position", "layer_norm_position", "norm");
    static final List<String> IDENTITY_EXTRA = List.of("dataset", "data", "task", "corpus", "loss", "precision",
            "dtype");
    /** Values that differ between runs of one study without being part of its design. */
    static final List<String> BOOKKEEPING = List.of("device", "host", "hostname", "out", "output_dir", "log_dir",
            "logdir", "save_dir", "run_name", "name", "run_id", "version", "created", "date", "time", "timestamp",
            "git_sha", "commit", "status", "steps_completed", "experiment", "experiment_name", "tags", "notes");

    private HyperparameterNames() {
    }

    /** The first of {@code names} the run records as a finite number. */
    public static Optional<Double> number(Hyperparameters hparams, List<String> names) {
        return names.stream().map(name -> numberNamed(hparams, name)).flatMap(Optional::stream)
                .filter(Double::isFinite).findFirst();
    }

    /** The first of {@code names} the run records, whatever its type. */
    public static Optional<HyperparameterValue> value(Hyperparameters hparams, List<String> names) {
        return names.stream().map(name -> valueNamed(hparams, name)).flatMap(Optional::stream).findFirst();
    }

    /** The first of {@code names} the run records, as text (lower case), e.g. {@code "adam"}. */
    public static Optional<String> text(Hyperparameters hparams, List<String> names) {
        return value(hparams, names).map(v -> v.display().strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty());
    }

    /** The groups of names that mean one setting, for looking a setting up by any of its names. */
    private static final List<List<String>> ALIAS_GROUPS = List.of(LEARNING_RATE, WARMUP, CLIP, BATCH_SIZE,
            MAX_TRAIN_STEPS, SEED, OUT_OF_MEMORY, STUDY, OPTIMIZER, SCHEDULE, EVAL_EVERY, MODEL, NORM_PLACEMENT);

    /**
     * Every name that means the same setting as {@code key}, preferred first ({@code learning_rate} gives the
     * learning-rate names); just {@code key} for a name no group knows.
     */
    public static List<String> aliasesOf(String key) {
        return ALIAS_GROUPS.stream().filter(group -> isOneOf(key, group)).findFirst().orElse(List.of(key));
    }

    /** Whether {@code key} is one of {@code names} (case folded). */
    public static boolean isOneOf(String key, List<String> names) {
        String folded = key.toLowerCase(Locale.ROOT);
        return names.stream().anyMatch(folded::equals);
    }

    /** A setting a study varies on purpose: learning rate, warmup, clipping, batch size, run length or seed. */
    public static boolean isDesign(String key) {
        return isOneOf(key, LEARNING_RATE) || isOneOf(key, WARMUP) || isOneOf(key, CLIP) || isOneOf(key, BATCH_SIZE)
                || isOneOf(key, MAX_TRAIN_STEPS) || isOneOf(key, SEED) || isOneOf(key, OUT_OF_MEMORY)
                || isOneOf(key, STUDY);
    }

    /**
     * A setting that says which model, data or optimizer a run trains: runs that differ in one are not compared.
     * A model's own details ({@code workload.layers}) are not listed: the model's name tells runs apart, and a
     * detail that varies alone splits a folder only where it forms a grid (see the study grouping).
     */
    public static boolean isIdentity(String key) {
        return isOneOf(key, MODEL) || isOneOf(key, OPTIMIZER) || isOneOf(key, NORM_PLACEMENT)
                || isOneOf(key, SCHEDULE) || isOneOf(key, IDENTITY_EXTRA);
    }

    /** A value that differs from run to run without meaning anything to the rules. */
    public static boolean isBookkeeping(String key) {
        return isOneOf(key, BOOKKEEPING);
    }

    private static Optional<HyperparameterValue> valueNamed(Hyperparameters hparams, String name) {
        Optional<HyperparameterValue> exact = hparams.get(name);
        if (exact.isPresent()) {
            return exact;
        }
        return hparams.values().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst();
    }

    private static Optional<Double> numberNamed(Hyperparameters hparams, String name) {
        return valueNamed(hparams, name).flatMap(HyperparameterValue::asNumber);
    }
}
