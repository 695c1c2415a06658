package dev.tunescope.export;

/** How a scatter point is drawn. */
public enum MarkerStyle {
    /** A filled blue circle: an ordinary trial. */
    NORMAL,
    /** A larger vermillion circle with a dark ring: the point that matters, e.g. lr*. */
    HIGHLIGHTED,
    /** A hollow triangle: a trial set apart, e.g. one that was unstable or diverged. */
    DISTINCT
}
