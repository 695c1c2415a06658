/**
 * The domain: training runs, their scalar and histogram series, hyperparameters and studies.
 *
 * <p>Pure data. Nothing here reads files or imports a GUI toolkit; readers in {@code io} build these values and
 * everything above consumes them.
 */
package dev.tunescope.run;
