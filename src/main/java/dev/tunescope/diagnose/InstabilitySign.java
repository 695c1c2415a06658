package dev.tunescope.diagnose;

/** One sign of instability: what it is, at which step, the value there, and the tag it was seen in. */
public record InstabilitySign(InstabilityKind kind, long step, double value, String tag) {
}
