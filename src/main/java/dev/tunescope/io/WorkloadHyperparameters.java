package dev.tunescope.io;

import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Tunescope run's workload (what {@code run.json} records of the model and data) as hyperparameters:
 * {@code workload} is the workload's name and each short scalar field becomes {@code workload.<field>}
 * ({@code workload.norm_placement: post-ln}). The rules then see which model a run trains the way they see it for
 * any format that logs its model among its hyperparameters, and runs of two models in one folder are told apart.
 * Long texts (a corpus description) and nested values are left out: they are for people, not for grouping. The
 * device is kept too ({@code device}), since throughput means different things on a CPU and a GPU.
 */
final class WorkloadHyperparameters {
    static final int LONGEST_TEXT = 64;

    private WorkloadHyperparameters() {
    }

    /** The workload's fields, and the device the run trained on ({@code device: cpu}) where it is known. */
    static Hyperparameters of(Map<String, Object> workload, String device) {
        Map<String, HyperparameterValue> values = new TreeMap<>();
        if (!device.isBlank()) {
            values.put("device", new HyperparameterValue.Text(device));
        }
        if (!(workload.get("name") instanceof String)) {
            return new Hyperparameters(values, "run.json workload"); // a user's command: its facts are no settings
        }
        workload.forEach((key, value) -> {
            String name = key.equals("name") ? "workload" : "workload." + key;
            switch (value) {
                case Number n -> values.put(name, new HyperparameterValue.Number(n.doubleValue()));
                case Boolean b -> values.put(name, new HyperparameterValue.Flag(b));
                case String s when s.length() <= LONGEST_TEXT -> values.put(name, new HyperparameterValue.Text(s));
                default -> { }
            }
        });
        return new Hyperparameters(values, "run.json workload");
    }
}
