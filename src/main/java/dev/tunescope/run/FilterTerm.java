package dev.tunescope.run;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** One condition of a {@link RunFilter}; a run passes the filter when it meets all of them. */
sealed interface FilterTerm {

    boolean test(FilterSubject subject);

    /** Case-folded substring of the study's label, the run's name, path, format, status or settings. */
    record Word(String folded) implements FilterTerm {
        @Override
        public boolean test(FilterSubject subject) {
            return subject.words().contains(folded);
        }
    }

    /** A {@code /regex/}, found anywhere in the study's label, the run's name or its path. */
    record Regex(Pattern pattern) implements FilterTerm {
        @Override
        public boolean test(FilterSubject subject) {
            return pattern.matcher(subject.study()).find() || pattern.matcher(subject.run().name()).find()
                    || pattern.matcher(subject.run().path()).find();
        }
    }

    /** The {@code stable} / {@code unstable} keywords: runs the diagnosis judged so; unjudged runs pass neither. */
    record Stability(FilterSubject.Stability wanted) implements FilterTerm {
        @Override
        public boolean test(FilterSubject subject) {
            return subject.stability() == wanted;
        }
    }

    /**
     * {@code name op value}: a run setting ({@code status}, {@code format}, {@code name}, {@code study}) or a
     * hyperparameter, found through its aliases. Numbers compare as numbers; a run lacking the setting fails.
     */
    record Comparison(String name, FilterOperator operator, String value, OptionalDouble number) implements FilterTerm {
        @Override
        public boolean test(FilterSubject subject) {
            Optional<String> text = textOf(subject, name);
            if (text.isPresent()) {
                return number.isEmpty() ? operator.test(text.get(), value)
                        : FilterNumbers.parse(text.get()).stream()
                                .anyMatch(n -> operator.test(n, number.getAsDouble()));
            }
            Optional<HyperparameterValue> setting = hyperparameter(subject.run(), name);
            if (setting.isEmpty()) {
                return false;
            }
            Optional<Double> actual = setting.get().asNumber();
            if (number.isPresent() && actual.isPresent()) {
                return operator.test(actual.get(), number.getAsDouble());
            }
            return !operator.ordering() && operator.test(setting.get().display().strip(), value);
        }
    }

    /**
     * {@code lr 0.01}: equality where the run has that hyperparameter; otherwise both words as plain words, so
     * that {@code batch 16} still finds {@code batch_16} in names of runs that record no batch size.
     */
    record Pair(Comparison equality, Word name, Word value) implements FilterTerm {
        @Override
        public boolean test(FilterSubject subject) {
            if (hyperparameter(subject.run(), equality.name()).isPresent()) {
                return equality.test(subject);
            }
            return name.test(subject) && value.test(subject);
        }
    }

    /** The run's own settings a filter can name; empty for any other name. */
    private static Optional<String> textOf(FilterSubject subject, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "status" -> Optional.of(subject.status().id());
            case "format" -> Optional.of(subject.run().format().id());
            case "name", "run" -> Optional.of(subject.run().name());
            case "study" -> Optional.of(subject.study());
            default -> Optional.empty();
        };
    }

    /** The hyperparameter called {@code name} or any of its aliases ({@code learning_rate} finds {@code lr}). */
    static Optional<HyperparameterValue> hyperparameter(Run run, String name) {
        List<String> names = HyperparameterNames.aliasesOf(name);
        return HyperparameterNames.value(run.hyperparameters(), names);
    }
}
