package dev.tunescope.plot;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Legend labels that tell runs apart: the run's name alone where no other run shown has that name, else
 * "study / run". Runs of two studies are often both called {@code lr_1.00e-02}; labelling them by name alone put
 * the same label on two curves.
 */
public final class RunLabels {
    private RunLabels() {
    }

    /** A run as labels see it: its path (the key), its study's name and its own name. */
    public record Labelled(String path, String study, String name) {
    }

    /** Each run's label, by run path. */
    public static Map<String, String> of(Collection<Labelled> runs) {
        Map<String, Long> byName = runs.stream().collect(Collectors.groupingBy(Labelled::name, Collectors.counting()));
        Map<String, String> labels = new HashMap<>();
        for (Labelled run : runs) {
            boolean unique = byName.get(run.name()) == 1;
            labels.put(run.path(), unique || run.study().isEmpty() ? run.name() : run.study() + " / " + run.name());
        }
        // two runs with the same study and name (a study read twice): the path is all that differs
        Map<String, Long> byLabel = labels.values().stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        labels.replaceAll((path, label) -> byLabel.get(label) > 1 ? path : label);
        return labels;
    }
}
