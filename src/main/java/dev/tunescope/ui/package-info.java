/**
 * The desktop app (JavaFX 21 + ControlsFX). Each feature is a thin view plus a view model that holds state as
 * JavaFX properties and never touches a control, so view models are tested without a scene. Reading folders and
 * diagnosing run on a background executor; only results come back to the FX thread.
 */
package dev.tunescope.ui;
