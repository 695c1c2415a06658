package dev.tunescope.export;

import java.util.List;

/**
 * Series colours: the Okabe-Ito palette, distinguishable with the common colour-vision deficiencies. Its yellow
 * is left out (too faint on white); after seven series the colours repeat.
 */
public final class Palette {
    public static final List<String> COLORS = List.of(
            "#0072B2", // blue
            "#D55E00", // vermillion
            "#009E73", // bluish green
            "#CC79A7", // reddish purple
            "#E69F00", // orange
            "#56B4E9", // sky blue
            "#000000"); // black

    private Palette() {
    }

    public static String color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }
}
