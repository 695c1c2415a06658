package dev.tunescope.ui;

import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.Mark;
import dev.tunescope.diagnose.StepsAdvisor;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import java.util.List;
import java.util.Optional;

/**
 * Where a finding's evidence is on screen: the runs it names (selected), the metric its marks lie on (the curves
 * switch to it: gradient norm for clipping advice, eval loss for lr* when it was ranked on eval loss), the steps to
 * show with some context either side (y is fitted to them), and the onsets to mark.
 *
 * @param runs   run paths the finding names; empty leaves the selection as it is
 * @param metric the metric the finding's marks are on; empty keeps the one shown
 * @param range  the steps to show; empty keeps the zoom
 * @param onsets steps where an instability starts (marks without a value)
 */
public record FindingEvidence(List<String> runs, Optional<MetricRole> metric, Optional<StepRange> range,
                              List<Long> onsets) {

    /** A span of steps, both ends included. */
    public record StepRange(long from, long to) {
    }

    public FindingEvidence {
        runs = List.copyOf(runs);
        onsets = List.copyOf(onsets);
    }

    public static FindingEvidence of(Finding finding, MetricAliases aliases) {
        List<Mark> marks = finding.evidence().marks();
        Optional<MetricRole> metric = marks.stream().map(Mark::tag).map(aliases::roleOf).flatMap(Optional::stream)
                .findFirst().or(() -> byRule(finding.rule()));
        List<Long> onsets = marks.stream().filter(m -> Double.isNaN(m.value()) && m.fromStep() == m.toStep())
                .map(Mark::fromStep).distinct().sorted().toList();
        return new FindingEvidence(finding.evidence().runs(), metric, range(marks), onsets);
    }

    /** The metric a rule's answer is about when its marks do not say (a finding with numbers only). */
    private static Optional<MetricRole> byRule(String rule) {
        return switch (rule) {
            case ClippingAdvisor.RULE -> Optional.of(MetricRole.GRAD_NORM);
            case StepsAdvisor.RULE -> Optional.of(MetricRole.EVAL_LOSS);
            default -> Optional.empty();
        };
    }

    /**
     * The marks' steps with context: a fifth of the span either side, and at least a tenth of the distance from
     * step 0, so an onset at step 130 shows where the curve came from as well as where it went.
     */
    private static Optional<StepRange> range(List<Mark> marks) {
        if (marks.isEmpty()) {
            return Optional.empty();
        }
        long from = marks.stream().mapToLong(Mark::fromStep).min().orElseThrow();
        long to = marks.stream().mapToLong(Mark::toStep).max().orElseThrow();
        long pad = Math.max(10, (to - from) / 5 + from / 10);
        return Optional.of(new StepRange(Math.max(0, from - pad), to + pad));
    }
}
