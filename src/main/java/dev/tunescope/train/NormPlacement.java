package dev.tunescope.train;

import java.util.Locale;

/**
 * Where a Transformer block puts its layer normalization. Post-LN normalizes after each residual sum,
 * {@code x = Norm(x + f(x))}, as the original Transformer did; Pre-LN normalizes the input of each branch and leaves
 * the residual path clean, {@code x = x + f(Norm(x))}, with one more normalization before the output layer. The
 * playbook recommends Pre-LN as an architecture fix for instability (RULES.md §1).
 */
public enum NormPlacement {
    POST_LN, PRE_LN;

    /** {@code "post-ln"} or {@code "pre-ln"}, as workload names spell it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
