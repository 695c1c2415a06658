package dev.tunescope.ui.compare;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.NaturalOrder;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order of hyperparameter columns and axes: the learning rate first, then the other settings a study varies
 * (warmup, clipping, batch size, run length, seed), then the rest by name, bookkeeping values (devices, output
 * folders) last. The same whatever order runs were read in.
 */
final class HyperparameterOrder {
    private static final List<List<String>> DESIGN = List.of(HyperparameterNames.LEARNING_RATE,
            HyperparameterNames.WARMUP, HyperparameterNames.CLIP, HyperparameterNames.BATCH_SIZE,
            HyperparameterNames.MAX_TRAIN_STEPS, HyperparameterNames.SEED);
    private static final Comparator<String> ORDER = Comparator.comparingInt(HyperparameterOrder::rank)
            .thenComparing(NaturalOrder.INSTANCE);

    private HyperparameterOrder() {
    }

    static List<String> sorted(Collection<String> names) {
        return names.stream().distinct().sorted(ORDER).toList();
    }

    private static int rank(String name) {
        for (int group = 0; group < DESIGN.size(); group++) {
            List<String> names = DESIGN.get(group);
            if (HyperparameterNames.isOneOf(name, names)) {
                // within a group the preferred name first: lr before learning_rate
                return group * 100 + names.indexOf(name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return HyperparameterNames.isBookkeeping(name) ? 2_000 : 1_000;
    }
}
