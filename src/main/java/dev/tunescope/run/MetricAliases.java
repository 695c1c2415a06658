package dev.tunescope.run;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the series that plays a {@link MetricRole} in a run, whatever the logging library called it.
 *
 * <p>Tags are compared after folding case and treating {@code / - . space} like {@code _}, so {@code train/loss},
 * {@code train_loss} and {@code Train-Loss} are one name. Each role has a list of names in order of preference
 * (the first one a run has wins) and, for learning rates, Lightning's {@code lr-<Optimizer>} pattern. A user's
 * explicit mapping of a role to a tag overrides all of that.
 */
public final class MetricAliases {
    private static final Pattern SEPARATORS = Pattern.compile("[/\\-. ]+");

    private static final Map<MetricRole, List<String>> DEFAULT_NAMES = Map.of(
            MetricRole.TRAIN_LOSS, List.of("train_loss", "training_loss", "loss_train", "train_loss_step",
                    "train_loss_epoch", "train_total_loss", "loss"),
            MetricRole.EVAL_LOSS, List.of("eval_loss", "val_loss", "validation_loss", "valid_loss", "loss_eval",
                    "loss_val", "loss_validation", "val_loss_epoch", "eval_total_loss", "test_loss"),
            MetricRole.GRAD_NORM, List.of("train_grad_norm", "grad_norm", "gradient_norm", "train_gradient_norm",
                    "grad_norm_total", "global_grad_norm", "grad_2_0_norm_total", "train_grad_norm_total"),
            MetricRole.LEARNING_RATE, List.of("train_learning_rate", "learning_rate", "lr", "train_lr",
                    "lr_sgd", "lr_adam", "lr_adamw"),
            MetricRole.THROUGHPUT, List.of("examples_per_sec", "examples_per_second", "train_examples_per_sec",
                    "samples_per_sec", "samples_per_second", "train_samples_per_second", "throughput"),
            MetricRole.CLIPPED, List.of("train_clipped", "clipped", "grad_clipped", "train_grad_clipped",
                    "clip_fraction", "clipped_fraction"));

    /** Lightning's LearningRateMonitor logs {@code lr-<OptimizerName>}, possibly with a param-group suffix. */
    private static final Pattern LIGHTNING_LR = Pattern.compile("lr_[a-z0-9]+(_pg\\d+)?");

    private final Map<MetricRole, String> overrides;

    private MetricAliases(Map<MetricRole, String> overrides) {
        this.overrides = overrides;
    }

    /** The built-in names only. */
    public static MetricAliases defaults() {
        return new MetricAliases(Map.of());
    }

    /** The built-in names, with {@code role} mapped to exactly {@code tag}. */
    public MetricAliases withOverride(MetricRole role, String tag) {
        Map<MetricRole, String> copy = new EnumMap<>(MetricRole.class);
        copy.putAll(overrides);
        copy.put(role, tag);
        return new MetricAliases(Map.copyOf(copy));
    }

    /** The tag among {@code tags} that plays {@code role}, if any. */
    public Optional<String> find(MetricRole role, Collection<String> tags) {
        String override = overrides.get(role);
        if (override != null) {
            return tags.contains(override) ? Optional.of(override) : Optional.empty();
        }
        for (String wanted : DEFAULT_NAMES.get(role)) {
            for (String tag : tags) {
                if (normalize(tag).equals(wanted)) {
                    return Optional.of(tag);
                }
            }
        }
        if (role == MetricRole.LEARNING_RATE) {
            return tags.stream().filter(tag -> LIGHTNING_LR.matcher(normalize(tag)).matches()).sorted().findFirst();
        }
        if (role == MetricRole.CLIPPED) { // any "*clipped*" tag: loggers name the flag in many ways
            return tags.stream().filter(tag -> normalize(tag).contains("clipped")).sorted().findFirst();
        }
        return Optional.empty();
    }

    /** The role {@code tag} plays under the built-in names and overrides, if any. */
    public Optional<MetricRole> roleOf(String tag) {
        for (MetricRole role : MetricRole.values()) {
            if (find(role, List.of(tag)).isPresent()) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static String normalize(String tag) {
        return SEPARATORS.matcher(tag.strip().toLowerCase(Locale.ROOT)).replaceAll("_");
    }
}
