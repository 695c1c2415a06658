package dev.tunescope.ui.compare;

import dev.tunescope.diagnose.Text;
import dev.tunescope.run.NaturalOrder;

/**
 * One cell of the runs table: the text shown and, for numbers, the value it sorts by (NaN when the cell holds no
 * number). Missing values sort last whichever way a column is sorted.
 */
public record CellValue(String text, double number) {
    public static final CellValue MISSING = new CellValue("", Double.NaN);

    /** A number as {@link Text#number} writes it; NaN (a diverged loss) shows as NaN and sorts with the missing. */
    public static CellValue of(double number) {
        return new CellValue(Text.number(number), number);
    }

    public static CellValue of(String text) {
        return text == null || text.isEmpty() ? MISSING : new CellValue(text, Double.NaN);
    }

    public boolean missing() {
        return text.isEmpty();
    }

    private boolean sortsLast() {
        return missing() || (Double.isNaN(number) && text.equals("NaN"));
    }

    public boolean isNumber() {
        return !Double.isNaN(number);
    }

    /**
     * The order of a column: numbers by value (before text), text in natural order, missing cells and NaN last. For a
     * descending sort the table reverses this order, so missing cells are then put first here, to end up last.
     */
    public static int compare(CellValue a, CellValue b, boolean descending) {
        boolean aLast = a.sortsLast();
        boolean bLast = b.sortsLast();
        if (aLast || bLast) {
            int lastFirst = Boolean.compare(aLast, bLast);
            return descending ? -lastFirst : lastFirst;
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.number, b.number);
        }
        if (a.isNumber() != b.isNumber()) {
            return a.isNumber() ? -1 : 1;
        }
        return NaturalOrder.INSTANCE.compare(a.text, b.text);
    }
}
