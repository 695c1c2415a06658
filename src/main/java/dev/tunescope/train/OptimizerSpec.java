package dev.tunescope.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which optimizer to train with and its settings (RULES.md §6): SGD with momentum (Nesterov optional), Adam or
 * AdamW. The learning rate comes from the schedule, not from here.
 */
public record OptimizerSpec(Kind kind, double momentum, boolean nesterov, double beta1, double beta2, double epsilon,
                            double weightDecay) {

    public enum Kind {
        SGD, ADAM, ADAMW;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static OptimizerSpec sgd(double momentum, boolean nesterov) {
        return new OptimizerSpec(Kind.SGD, momentum, nesterov, 0, 0, 0, 0);
    }

    public static OptimizerSpec adam() {
        return new OptimizerSpec(Kind.ADAM, 0, false, 0.9, 0.999, 1e-8, 0);
    }

    public static OptimizerSpec adamW(double weightDecay) {
        return new OptimizerSpec(Kind.ADAMW, 0, false, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** The hyperparameters a run records for this optimizer. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("optimizer", kind.id());
        if (kind == Kind.SGD) {
            out.put("momentum", momentum);
            out.put("nesterov", nesterov);
        } else {
            out.put("beta1", beta1);
            out.put("beta2", beta2);
            out.put("eps", epsilon);
            if (kind == Kind.ADAMW) {
                out.put("weight_decay", weightDecay);
            }
        }
        return out;
    }

    Optimizer build(Tracker learningRate) {
        return switch (kind) {
            case SGD -> nesterov
                    ? Optimizer.nag().setLearningRateTracker(learningRate).setMomentum((float) momentum).build()
                    : Optimizer.sgd().setLearningRateTracker(learningRate).optMomentum((float) momentum).build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(learningRate).optBeta1((float) beta1)
                    .optBeta2((float) beta2).optEpsilon((float) epsilon).build();
            case ADAMW -> Optimizer.adamW().optLearningRateTracker(learningRate).optBeta1((float) beta1)
                    .optBeta2((float) beta2).optEpsilon((float) epsilon).optWeightDecays((float) weightDecay).build();
        };
    }
}
