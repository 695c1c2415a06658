package dev.tunescope.study;

import java.util.Locale;

/** Folder names of trials: {@code lr_3.16e-01}, {@code lr_3.16e-01_warmup_40}; readable, sortable, and parsed back
 * into hyperparameters by the readers' folder-name rule. */
final class TrialNames {
    private TrialNames() {
    }

    static String lr(double lr) {
        return "lr_" + String.format(Locale.ROOT, "%.2e", lr); // Java writes two exponent digits: 1.00e-03
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
