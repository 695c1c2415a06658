package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixes for instability in the playbook's order (RULES.md §1): learning-rate warmup, gradient clipping, a new
 * optimizer (Adam handles instabilities momentum cannot), architecture (residual connections and normalisation;
 * Pre-LN {@code x + f(Norm(x))} rather than Post-LN {@code Norm(x + f(x))}), and only last a lower learning rate.
 * What the runs already show is not proposed again: a warmup or clipping study that was run says how it went, an
 * Adam run is not told to try Adam, and a Pre-LN model is not told to become one.
 */
public final class Fixes {
    public static final String RULE = "fixes";

    /** What the studies of a workload showed about warmup and clipping at its unstable rates. */
    public record Tried(Optional<Boolean> warmupRescued, Optional<Boolean> clippingRescued) {
        public static final Tried NOTHING = new Tried(Optional.empty(), Optional.empty());
    }

    private Fixes() {
    }

    /**
     * @param unstableLr the smallest unstable learning rate the fixes are for
     * @param warmupHint what to do for warmup when it was not tried (e.g. the study to run)
     * @param clipHint   what to do for clipping when it was not tried (e.g. the threshold)
     */
    public static Finding forInstability(double unstableLr, StudyContext context, Tried tried, List<String> runs,
                                         String warmupHint, String clipHint) {
        List<String> steps = new ArrayList<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("unstable_lr", unstableLr);
        steps.add(tried.warmupRescued().map(r -> r ? "learning-rate warmup: it rescued this rate in the warmup study"
                : "learning-rate warmup: tried, it did not rescue this rate").orElse("learning-rate warmup (" + warmupHint
                + ")"));
        steps.add(tried.clippingRescued().map(r -> r ? "gradient clipping: it rescued this rate in the clipping study"
                : "gradient clipping: tried, it did not rescue this rate").orElse("gradient clipping (" + clipHint + ")"));
        steps.add(context.adaptiveOptimizer() ? "a different optimizer: skipped, the runs already use "
                + context.optimizer().orElse("Adam") : context.optimizer().map(o -> "a different optimizer: Adam instead"
                + " of " + o).orElse("a different optimizer (Adam handles instabilities momentum cannot)"));
        steps.add(context.postLn() ? "architecture: Pre-LN blocks (x + f(Norm(x))) instead of the Post-LN ones these"
                + " runs use" : context.preLn() ? "architecture: the model is already Pre-LN; look at residual"
                + " connections and initialisation (zero-initialised residual branches)"
                : "architecture: residual connections and normalisation (Pre-LN x + f(Norm(x)) rather than Post-LN)");
        steps.add("only last, a lower learning rate");
        boolean rescued = tried.warmupRescued().orElse(false) || tried.clippingRescued().orElse(false);
        StringBuilder message = new StringBuilder(rescued ? "Instability from lr " + Text.number(unstableLr)
                + " has a fix: " : "To train at lr " + Text.number(unstableLr) + " and above, try in the playbook's"
                + " order: ");
        for (int i = 0; i < steps.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(steps.get(i));
        }
        message.append('.');
        return new Finding(RULE, rescued ? Severity.INFO : Severity.ADVICE, message.toString(),
                new Evidence(runs, List.of(), numbers));
    }
}
