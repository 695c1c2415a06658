package dev.tunescope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * The global L2 norm of all parameter gradients (the norm of the per-tensor norms, as torch's clip_grad_norm_
 * computes it), and clipping by it: if |g| > threshold then g' = threshold * g / |g| (RULES.md §3).
 */
final class GradientNorms {
    private GradientNorms() {
    }

    static List<NDArray> gradients(Iterable<Pair<String, Parameter>> parameters) {
        List<NDArray> gradients = new ArrayList<>();
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient() && p.getValue().getArray().hasGradient()) {
                gradients.add(p.getValue().getArray().getGradient());
            }
        }
        return gradients;
    }

    /**
     * The global norm: each tensor's L2 norm on the device (one operation each), the norm of those, and one read
     * back. Few operations matter here: this runs every step, and a small model's step is a few milliseconds.
     */
    static double globalNorm(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return 0;
        }
        NDList norms = new NDList(gradients.size());
        for (NDArray g : gradients) {
            norms.add(g.norm());
        }
        return NDArrays.stack(norms).norm().toType(DataType.FLOAT64, false).getDouble();
    }

    /**
     * Scales the gradients in place so that their global norm is at most {@code threshold}.
     *
     * @return true when they were scaled (the update was clipped)
     */
    static boolean clip(List<NDArray> gradients, double norm, double threshold) {
        if (!(norm > threshold) || !Double.isFinite(norm)) {
            return false;
        }
        float factor = (float) (threshold / norm);
        for (NDArray g : gradients) {
            g.muli(factor);
        }
        return true;
    }

    /** All gradient values binned into {@code buckets} equal-width buckets between their min and max. */
    static double[][] histogram(List<NDArray> gradients, int buckets) {
        List<float[]> parts = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (NDArray g : gradients) {
            float[] values = g.toFloatArray();
            parts.add(values);
            for (float v : values) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(max >= min)) {
            return new double[][] {{0, 1}, {0}};
        }
        double width = max > min ? (max - min) / buckets : 1;
        double[] edges = new double[buckets + 1];
        for (int i = 0; i <= buckets; i++) {
            edges[i] = min + i * width;
        }
        double[] counts = new double[buckets];
        for (float[] values : parts) {
            for (float v : values) {
                if (Float.isFinite(v)) {
                    counts[Math.min(buckets - 1, (int) ((v - min) / width))]++;
                }
            }
        }
        return new double[][] {edges, counts};
    }
}
