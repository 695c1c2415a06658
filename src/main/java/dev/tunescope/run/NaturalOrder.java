package dev.tunescope.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders names the way a person reads the numbers in them: {@code batch_8 < batch_16 < batch_128} and
 * {@code lr_1e-4 < lr_3e-4 < lr_1e-3} (scientific notation counts as one number). Names are cut into runs of
 * text and numbers and compared piece by piece: numbers by value, before any text; text case folded. Names that
 * tie that way ({@code lr_0.01}, {@code lr_1e-2}) fall back to plain string order, so the order is total.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    /** A number: digits, an optional fraction, an optional exponent (only where digits follow the e). */
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        List<Object> left = pieces(a);
        List<Object> right = pieces(b);
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byPiece = comparePieces(left.get(i), right.get(i));
            if (byPiece != 0) {
                return byPiece;
            }
        }
        int byLength = Integer.compare(left.size(), right.size());
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int comparePieces(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        if (a instanceof Double) {
            return -1;
        }
        if (b instanceof Double) {
            return 1;
        }
        return ((String) a).compareTo((String) b);
    }

    /** The name's text pieces (case folded) and number pieces, in order. */
    private static List<Object> pieces(String name) {
        List<Object> pieces = new ArrayList<>();
        Matcher number = NUMBER.matcher(name);
        int at = 0;
        while (number.find()) {
            if (number.start() > at) {
                pieces.add(name.substring(at, number.start()).toLowerCase(Locale.ROOT));
            }
            pieces.add(Double.parseDouble(number.group()));
            at = number.end();
        }
        if (at < name.length()) {
            pieces.add(name.substring(at).toLowerCase(Locale.ROOT));
        }
        return pieces;
    }
}
