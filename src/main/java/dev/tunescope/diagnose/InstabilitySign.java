package dev.tunescope.diagnose;

/**
 * One sign of instability: what it is, the step where it shows, the value there, the tag it was seen in, and the
 * step where the trouble it shows began (the onset: where the loss left its own best, or its reference, for good;
 * for a spike or an early jump, the step itself).
 */
public record InstabilitySign(InstabilityKind kind, long step, double value, String tag, long onset) {

    /** A sign whose trouble began where it shows. */
    public static InstabilitySign at(InstabilityKind kind, long step, double value, String tag) {
        return new InstabilitySign(kind, step, value, tag, step);
    }
}
