package dev.tunescope.cli;

import dev.tunescope.study.StudyRunner;
import dev.tunescope.study.TrialOutcome;
import dev.tunescope.study.TrialPlan;
import dev.tunescope.train.StepReport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A text progress bar on one line, redrawn in place ({@code \r}) at most a few times a second:
 * {@code trial 3/7 lr_1.00e-02 [#####.....] step 120/300 loss 0.532 ETA 12s}. Each trial's end gets a line of its
 * own.
 */
final class ProgressLine implements StudyRunner.Listener {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 20;

    private final PrintWriter out;
    private long lastDraw;

    ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore) {
        lastDraw = 0;
    }

    @Override
    public void onStep(int index, int count, TrialPlan trial, StepReport report) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && report.step() != report.maxSteps()) {
            return;
        }
        lastDraw = now;
        int filled = (int) (WIDTH * report.step() / Math.max(1, report.maxSteps()));
        out.print(String.format(Locale.ROOT, "\rtrial %d/%d %s [%s%s] step %d/%d loss %.4g ETA %s   ", index + 1,
                count, TerminalText.sanitise(trial.name()), "#".repeat(filled), ".".repeat(WIDTH - filled),
                report.step(), report.maxSteps(),
                report.trainLoss(), eta(report.secondsLeft())));
        out.flush();
    }

    @Override
    public void onTrialEnd(int index, int count, TrialOutcome outcome) {
        out.println(String.format(Locale.ROOT, "\rtrial %d/%d %s: %s after %d steps%s%s", index + 1, count,
                TerminalText.sanitise(outcome.trial()), outcome.status().id(), outcome.steps(),
                outcome.doneBefore() ? " (done before)" : "",
                outcome.reason().map(r -> " (" + TerminalText.sanitise(r) + ")").orElse("")) + " ".repeat(20));
        out.flush();
    }

    private static String eta(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
