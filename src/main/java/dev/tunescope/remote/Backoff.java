package dev.tunescope.remote;

import java.time.Duration;

/**
 * How long to wait between attempts to re-open a dropped connection: the first attempt at once, then
 * {@code first}, doubling up to {@code cap}; no attempt starts once {@code giveUpAfter} has passed since the drop.
 * A host that is rebooting answers again within a minute or so; one that stays down for longer is lost, and
 * retrying it faster would only fill its logs.
 */
public record Backoff(Duration first, Duration cap, Duration giveUpAfter) {
    /** 0.5 s, 1 s, 2 s, 4 s, then every 8 s, for one minute. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(60));

    public Backoff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= cap and giveUpAfter >= 0: " + first
                    + ", " + cap + ", " + giveUpAfter);
        }
    }

    /** The wait before attempt {@code attempt} (1 is the first after the drop). */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempt - 2, 30); // past 2^30 every delay is the cap anyway
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
