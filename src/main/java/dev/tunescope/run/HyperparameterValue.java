package dev.tunescope.run;

import java.util.Optional;

/** A hyperparameter's value as the format stored it: a number, a string or a boolean. */
public sealed interface HyperparameterValue {

    /** The value as a number where it is one (numeric strings such as {@code "3e-4"} count). */
    Optional<Double> asNumber();

    /** The value as a person would read it. */
    String display();

    record Number(double value) implements HyperparameterValue {
        @Override
        public Optional<Double> asNumber() {
            return Optional.of(value);
        }

        @Override
        public String display() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }

    record Text(String value) implements HyperparameterValue {
        @Override
        public Optional<Double> asNumber() {
            try {
                return Optional.of(Double.parseDouble(value.strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }

        @Override
        public String display() {
            return value;
        }
    }

    record Flag(boolean value) implements HyperparameterValue {
        @Override
        public Optional<Double> asNumber() {
            return Optional.empty();
        }

        @Override
        public String display() {
            return Boolean.toString(value);
        }
    }

    /** Reads a value written as text: a number where it parses as one, a boolean for true/false, else text. */
    static HyperparameterValue parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return new Flag(Boolean.parseBoolean(t));
        }
        Optional<Double> number = new Text(t).asNumber();
        return number.<HyperparameterValue>map(Number::new).orElseGet(() -> new Text(t));
    }
}
