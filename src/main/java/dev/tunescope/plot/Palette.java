package dev.tunescope.plot;

import java.util.List;

/**
 * Series colours, shared by the app's charts and the HTML report. The first seven are the Okabe-Ito palette,
 * distinguishable with the common colour-vision deficiencies (its yellow left out: too faint on white); the next
 * seven are from Paul Tol's muted scheme, darker or greyer than the first seven so that a sweep of up to fourteen
 * runs never repeats a colour.
 */
public final class Palette {
    public static final List<String> COLORS = List.of(
            "#0072B2", // blue
            "#D55E00", // vermillion
            "#009E73", // bluish green
            "#CC79A7", // reddish purple
            "#E69F00", // orange
            "#56B4E9", // sky blue
            "#000000", // black
            "#882255", // wine
            "#117733", // green
            "#AA4499", // purple
            "#999933", // olive
            "#44AA99", // teal
            "#661100", // brown
            "#6699CC"); // slate blue

    private Palette() {
    }

    public static String color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }
}
