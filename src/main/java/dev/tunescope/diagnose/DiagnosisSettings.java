package dev.tunescope.diagnose;

import dev.tunescope.run.MetricAliases;

/** The settings of every rule, and how metric names map to roles; {@link #DEFAULTS} is the playbook's numbers. */
public record DiagnosisSettings(MetricAliases aliases, LrStarRule.Settings lrStar, InstabilityRule.Settings instability,
                                EarlyInstabilityRule.Settings probe, WarmupAdvisor.Settings warmup,
                                ClippingAdvisor.Settings clipping, StepsAdvisor.Settings steps,
                                BatchSizeAdvisor.Settings batch) {

    public static final DiagnosisSettings DEFAULTS = new DiagnosisSettings(MetricAliases.defaults(),
            LrStarRule.Settings.DEFAULTS, InstabilityRule.Settings.DEFAULTS, EarlyInstabilityRule.Settings.DEFAULTS,
            WarmupAdvisor.Settings.DEFAULTS, ClippingAdvisor.Settings.DEFAULTS, StepsAdvisor.Settings.DEFAULTS,
            BatchSizeAdvisor.Settings.DEFAULTS);

    public DiagnosisSettings withClipping(ClippingAdvisor.Settings changed) {
        return new DiagnosisSettings(aliases, lrStar, instability, probe, warmup, changed, steps, batch);
    }

    public DiagnosisSettings withAliases(MetricAliases changed) {
        return new DiagnosisSettings(changed, lrStar, instability, probe, warmup, clipping, steps, batch);
    }

    public DiagnosisSettings withInstability(InstabilityRule.Settings changed) {
        return new DiagnosisSettings(aliases, lrStar, changed, probe, warmup, clipping, steps, batch);
    }
}
