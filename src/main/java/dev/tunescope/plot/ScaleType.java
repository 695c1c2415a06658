package dev.tunescope.plot;

/** How an axis spaces values: evenly, or by decades (base 10). */
public enum ScaleType {
    LINEAR,
    LOG
}
