package dev.tunescope.diagnose;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Whether a recommended config beat the best constant learning rate, trained side by side with the same seeds and
 * steps: the difference of their mean best eval losses against its standard error (from the spread between seeds),
 * scaled by Student's t at 95% for the smaller arm's degrees of freedom (12.7 with two seeds, 4.3 with three: a
 * spread measured on few seeds is itself uncertain). A difference within that is "no difference"; with one seed per
 * arm there is no spread, so no claim either way. The sweep's own swing between consecutive evals is reported beside it as a noise floor.
 *
 * @param difference    constant mean minus recommended mean: positive when the recommended config is better
 * @param standardError of that difference; NaN with fewer than two seeds in an arm
 * @param evalSwing     the median change between consecutive evals at the best constant LR (the sweep's lr* run, or
 *                      the study's constant arm), if known
 */
public record VerificationVerdict(Arm recommended, Arm constant, double difference, double standardError,
                                  double margin, OptionalDouble evalSwing, Outcome outcome) {

    /** The arms of a verification study: its trial names start with one of these. */
    public static final String CONSTANT_ARM = "constant_lr";
    public static final String RECOMMENDED_ARM = "recommended";

    /** Two-sided 95% Student's t for 1 to 10 degrees of freedom; 2 beyond. */
    private static final double[] T95 = {12.71, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    public enum Outcome {
        BETTER("better"), WORSE("worse"), NO_DIFFERENCE("no difference"), UNKNOWN("no spread to judge against");

        private final String id;

        Outcome(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One arm: its best eval loss per seed, their mean and sample standard deviation. */
    public record Arm(List<Double> bestEvalLosses, double mean, double std) {
        public Arm {
            bestEvalLosses = List.copyOf(bestEvalLosses);
        }

        public static Arm of(List<Double> losses) {
            double mean = losses.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double sq = losses.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double std = losses.size() > 1 ? Math.sqrt(sq / (losses.size() - 1)) : Double.NaN;
            return new Arm(losses, mean, std);
        }
    }

    public static VerificationVerdict judge(List<Double> recommended, List<Double> constant, OptionalDouble evalSwing) {
        Arm r = Arm.of(recommended);
        Arm c = Arm.of(constant);
        double difference = c.mean() - r.mean();
        double se = Math.sqrt(r.std() * r.std() / recommended.size() + c.std() * c.std() / constant.size());
        int df = Math.min(recommended.size(), constant.size()) - 1;
        double margin = (df >= 1 ? (df <= T95.length ? T95[df - 1] : 2) : Double.NaN) * se;
        Outcome outcome;
        if (!Double.isFinite(difference)) {
            outcome = Outcome.UNKNOWN;
        } else if (!Double.isFinite(margin)) {
            outcome = Outcome.UNKNOWN;
        } else if (difference > margin) {
            outcome = Outcome.BETTER;
        } else if (-difference > margin) {
            outcome = Outcome.WORSE;
        } else {
            outcome = Outcome.NO_DIFFERENCE;
        }
        return new VerificationVerdict(r, c, difference, se, margin, evalSwing, outcome);
    }

    /**
     * "recommended config 2.11 ± 0.01 vs best constant LR 2.13 ± 0.01 (3 seeds): better by 0.02 (beyond noise;
     * the sweep's evals swing by 0.03 from one to the next)".
     */
    public String sentence() {
        String head = "recommended config " + arm(recommended) + " vs best constant LR " + arm(constant) + " ("
                + recommended.bestEvalLosses().size() + " seed" + (recommended.bestEvalLosses().size() == 1 ? "" : "s")
                + "): ";
        String verdict = switch (outcome) {
            case BETTER -> "better by " + Text.number(difference) + " (beyond noise: the seeds' spread allows "
                    + Text.number(margin) + ")";
            case WORSE -> "worse by " + Text.number(-difference) + " (beyond noise)";
            case NO_DIFFERENCE -> "no better: the difference " + Text.number(difference) + " is within what the spread"
                    + " between seeds allows (" + Text.number(margin) + ")";
            case UNKNOWN -> "difference " + Text.number(difference) + ", but one seed per arm gives no spread to judge"
                    + " it against: run with --seeds 3 or more";
        };
        String swing = evalSwing.isPresent() ? "; at the best constant LR one eval to the next swings by " + Text.number(evalSwing.getAsDouble())
                + " (the noise of a single run)" : "";
        return head + verdict + swing;
    }

    private static String arm(Arm arm) {
        return Text.number(arm.mean()) + (Double.isFinite(arm.std()) ? " ± " + Text.number(arm.std()) : "");
    }
}
