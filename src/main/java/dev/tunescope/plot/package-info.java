/**
 * Plot mathematics shared by the desktop charts and the SVG export: axis scales with their ticks, axis ranges, the
 * M4 reduction that draws millions of points at full fidelity, and smoothing.
 *
 * <p>Pure functions over {@code run} values: no GUI toolkit, no files.
 */
package dev.tunescope.plot;
