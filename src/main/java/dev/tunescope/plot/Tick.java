package dev.tunescope.plot;

/**
 * One tick of an axis. Every tick has a label; a chart shows the labels of major ticks and draws minor ticks as
 * short unlabelled marks.
 */
public record Tick(double value, String label, boolean major) {
}
