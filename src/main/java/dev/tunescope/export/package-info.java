/**
 * What leaves the application: self-contained SVG charts and HTML reports (and, later, the recommended config).
 *
 * <p>Charts draw series through {@code plot}'s M4 reduction at their own pixel width, so an exported chart shows
 * every spike a full plot would. Output is returned as strings; callers decide where it goes.
 */
package dev.tunescope.export;
