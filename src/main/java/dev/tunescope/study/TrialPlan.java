package dev.tunescope.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial of a study: its folder name and the settings that differ from the study's base (any of
 * {@code lr, warmup_steps, clip, batch_size, steps, eval_every}).
 */
public record TrialPlan(String name, Map<String, Number> settings) {

    public TrialPlan {
        if (!isPlainName(name)) {
            throw new IllegalArgumentException("a trial name must be a plain folder name: " + name);
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A name that is one folder inside the study's, never the study folder or above it ({@code .}, {@code ..}). */
    public static boolean isPlainName(String name) {
        return name.matches("[A-Za-z0-9._=+-]+") && !name.equals(".") && !name.equals("..");
    }

    public double number(String key, double otherwise) {
        Number value = settings.get(key);
        return value == null ? otherwise : value.doubleValue();
    }

    public long whole(String key, long otherwise) {
        Number value = settings.get(key);
        return value == null ? otherwise : Math.round(value.doubleValue());
    }
}
