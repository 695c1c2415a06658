package dev.tunescope.workspace;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.HyperparameterValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits the runs of one folder into the groups that can be compared: runs that train another model, data or
 * optimizer (an identity setting, see {@link HyperparameterNames#isIdentity}) are never trials of one study. A
 * setting the rules do not know splits the folder only where it forms a grid with a design setting (every value
 * shared by several runs, and the learning rate varying within each): a weight-decay x learning-rate grid is one
 * LR sweep per weight decay, while a folder that varies only dropout stays one study of its runs.
 */
final class StudySplitter {
    /** Runs that share the values of the settings in {@code splitBy}. */
    record Group(Map<String, String> splitBy, List<RunSettings> runs) {
    }

    private StudySplitter() {
    }

    static List<Group> split(List<RunSettings> runs) {
        List<String> keys = splitKeys(runs);
        if (keys.isEmpty()) {
            return List.of(new Group(Map.of(), runs));
        }
        Map<List<String>, List<RunSettings>> groups = new TreeMap<>(StudySplitter::compareLists);
        for (RunSettings run : runs) {
            groups.computeIfAbsent(keys.stream().map(k -> display(run, k)).toList(), v -> new ArrayList<>()).add(run);
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((values, members) -> {
            Map<String, String> splitBy = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                splitBy.put(keys.get(i), values.get(i));
            }
            out.add(new Group(splitBy, members));
        });
        return out;
    }

    /** The settings whose values set groups of these runs apart, sorted by name. */
    static List<String> splitKeys(List<RunSettings> runs) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.run().hyperparameters().values().keySet()));
        List<String> keys = new ArrayList<>();
        for (String key : names) {
            if (HyperparameterNames.isDesign(key) || HyperparameterNames.isBookkeeping(key)) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            runs.forEach(r -> value(r, key).ifPresent(v -> counts.merge(v, 1, Integer::sum)));
            if (counts.size() < 2) {
                continue;
            }
            if (HyperparameterNames.isIdentity(key) || formsGrid(runs, key, counts)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Every value held by at least two runs, and the learning rate varying among the runs of one value. */
    private static boolean formsGrid(List<RunSettings> runs, String key, Map<String, Integer> counts) {
        if (counts.values().stream().anyMatch(c -> c < 2)) {
            return false;
        }
        Map<String, TreeSet<Double>> rates = new HashMap<>();
        runs.forEach(r -> value(r, key).ifPresent(v -> r.learningRate().ifPresent(lr ->
                rates.computeIfAbsent(v, x -> new TreeSet<>()).add(lr))));
        return rates.values().stream().anyMatch(s -> s.size() >= 2);
    }

    private static Optional<String> value(RunSettings run, String key) {
        return run.run().hyperparameters().get(key).map(HyperparameterValue::display);
    }

    private static String display(RunSettings run, String key) {
        return value(run, key).orElse("(not recorded)");
    }

    private static int compareLists(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
