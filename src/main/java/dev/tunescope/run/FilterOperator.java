package dev.tunescope.run;

import java.util.Optional;

/** How a filter term compares a run's value with the one written in the filter ({@code lr>=1e-3}). */
enum FilterOperator {
    EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

    /** Relative tolerance of numeric equality: 0.01, 1e-2 and 1.00e-02 are one value, 0.0101 is another. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private final String symbol;

    FilterOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** The operator written as {@code text} ({@code ==} is read as {@code =}); empty for anything else. */
    static Optional<FilterOperator> of(String text) {
        if (text.equals("==")) {
            return Optional.of(EQUAL);
        }
        for (FilterOperator op : values()) {
            if (op.symbol.equals(text)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** Whether the operator only makes sense between numbers. */
    boolean ordering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    boolean test(double actual, double wanted) {
        boolean equal = Math.abs(actual - wanted) <= RELATIVE_TOLERANCE * Math.max(Math.abs(actual), Math.abs(wanted));
        return switch (this) {
            case EQUAL -> equal;
            case NOT_EQUAL -> !equal;
            case LESS -> actual < wanted && !equal;
            case LESS_OR_EQUAL -> actual < wanted || equal;
            case GREATER -> actual > wanted && !equal;
            case GREATER_OR_EQUAL -> actual > wanted || equal;
        };
    }

    /** Text comparison (status=diverged, optimizer=adam): case folded; only = and != get here. */
    boolean test(String actual, String wanted) {
        boolean equal = actual.equalsIgnoreCase(wanted);
        return this == EQUAL ? equal : !equal;
    }
}
