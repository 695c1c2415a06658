package dev.tunescope.diagnose;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.Run;
import java.util.List;
import java.util.Optional;

/**
 * What a study's runs record about their set-up that decides which fixes make sense (RULES.md §1's order: warmup,
 * clipping, optimizer, architecture, lower learning rate): the optimizer, where the model puts its
 * normalisation, and the device it trained on.
 *
 * @param optimizer the optimizer's name in lower case, where every run that records one agrees
 * @param norm      "post-ln" or "pre-ln", where the runs say so (a setting, or a model name such as
 *                  {@code char-transformer-post-ln})
 * @param device    e.g. "cpu" or "gpu(0)", where recorded
 */
public record StudyContext(Optional<String> optimizer, Optional<String> norm, Optional<String> model,
                           Optional<String> device) {
    public static final StudyContext UNKNOWN = new StudyContext(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public static StudyContext of(List<Run> runs) {
        Optional<String> model = agreed(runs, HyperparameterNames.MODEL);
        Optional<String> norm = agreed(runs, HyperparameterNames.NORM_PLACEMENT).flatMap(StudyContext::placement)
                .or(() -> model.flatMap(StudyContext::placement));
        return new StudyContext(agreed(runs, HyperparameterNames.OPTIMIZER), norm, model,
                agreed(runs, List.of("device")));
    }

    /** Adam and its kin (AdamW, NAdam, RAdam, Adamax, LAMB): the optimizer the playbook suggests over momentum. */
    public boolean adaptiveOptimizer() {
        return optimizer.map(o -> o.contains("adam") || o.equals("lamb")).orElse(false);
    }

    public boolean postLn() {
        return norm.map("post-ln"::equals).orElse(false);
    }

    public boolean preLn() {
        return norm.map("pre-ln"::equals).orElse(false);
    }

    public boolean onCpu() {
        return device.map(d -> d.startsWith("cpu")).orElse(false);
    }

    public boolean onGpu() {
        return device.map(d -> d.startsWith("gpu") || d.startsWith("cuda")).orElse(false);
    }

    private static Optional<String> placement(String text) {
        String t = text.replace('_', '-').replace(" ", "-");
        if (t.contains("post-ln") || t.contains("postln") || t.equals("post") || t.contains("post-norm")) {
            return Optional.of("post-ln");
        }
        if (t.contains("pre-ln") || t.contains("preln") || t.equals("pre") || t.contains("pre-norm")) {
            return Optional.of("pre-ln");
        }
        return Optional.empty();
    }

    private static Optional<String> agreed(List<Run> runs, List<String> names) {
        List<String> values = runs.stream().map(r -> HyperparameterNames.text(r.hyperparameters(), names))
                .flatMap(Optional::stream).distinct().toList();
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }
}
