package dev.tunescope.ui;

/**
 * What a panel says before the folder is diagnosed: that its answer is coming, never a sentence that reads like an
 * answer ("No warmup finding", "No gradient norms logged") while the runs are still being read.
 */
final class PendingText {
    private PendingText() {
    }

    static String of(String what) {
        return what + ": shown once the folder is diagnosed";
    }
}
