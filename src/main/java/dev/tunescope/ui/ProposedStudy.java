package dev.tunescope.ui;

import dev.tunescope.diagnose.BatchSizeAdvisor;
import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.EarlyInstabilityRule;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.InstabilityRule;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.StepsAdvisor;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.study.StudyKind;
import java.util.Optional;

/**
 * The study a finding's answer leads to, which its "Run this study" action opens the launch dialog for: an
 * instability, the early-instability probe; warmup advice, a warmup study; clipping advice, a clipping study; run
 * length, longer runs; batch size, a batch probe; lr*, another sweep (a wider one where lr* sits at an edge).
 */
final class ProposedStudy {
    private ProposedStudy() {
    }

    static Optional<StudyKind> of(Finding finding) {
        return Optional.ofNullable(switch (finding.rule()) {
            case InstabilityRule.RULE, EarlyInstabilityRule.RULE -> StudyKind.INSTABILITY_PROBE;
            case WarmupAdvisor.RULE -> StudyKind.WARMUP;
            case ClippingAdvisor.RULE -> StudyKind.CLIP;
            case StepsAdvisor.RULE -> StudyKind.STEPS;
            case BatchSizeAdvisor.RULE -> StudyKind.BATCH_PROBE;
            case LrStarRule.RULE -> StudyKind.LR_SWEEP;
            default -> null;
        });
    }
}
