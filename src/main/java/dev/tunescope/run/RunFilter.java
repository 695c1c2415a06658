package dev.tunescope.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The run filter's language; every term must hold (AND):
 * <ul>
 *   <li>{@code lr=0.01}, {@code lr=1e-2}, {@code lr==1.00e-02}: numeric equality up to a relative tolerance</li>
 *   <li>{@code lr 0.01}: a name followed by a number is the same equality</li>
 *   <li>{@code lr>1e-3}, {@code lr<=0.1}, {@code batch!=32}: comparisons</li>
 *   <li>{@code status=diverged}, {@code format=csv}, {@code optimizer=adam}: text equality, case folded</li>
 *   <li>{@code stable}, {@code unstable}: the diagnosis' verdict, where it gave one</li>
 *   <li>{@code /batch_(8|16)$/}: a regex found in the study, run name or path (case folded)</li>
 *   <li>any other word: a case-folded substring of the study, run name, path, format, status or a setting</li>
 * </ul>
 * Hyperparameter names match through their aliases ({@link HyperparameterNames}): {@code learning_rate=0.01}
 * finds runs that record {@code lr}. Parse once per change of the filter, then test every run.
 */
public final class RunFilter {
    /** The full syntax, for the filter field's tooltip. */
    public static final String HELP = """
            Terms separated by spaces; a run must match all of them.
              lr=0.01  lr=1e-2  lr 0.01   numbers equal (0.01 = 1e-2 = 1.00e-02)
              lr>1e-3  lr<=0.1  batch!=32  numeric comparisons (= == != < <= > >=)
              status=diverged  optimizer=adam   text equality (status, format, name, study, any setting)
              stable  unstable   the diagnosis' stability verdict
              /batch_(8|16)$/    regex on study, run name or path
              word               part of the study, run name, path, format, status or a setting (adam)
            Setting names match their aliases: learning_rate=0.01 finds runs that record lr.""";
    /** The short form, for the field's prompt (narrow: the tree's width); the tooltip has the rest. */
    public static final String HINT = "lr=1e-3  batch>=32  status=diverged  unstable  /regex/  word";

    public static final RunFilter ALL = new RunFilter("", List.of());

    private final String text;
    private final List<FilterTerm> terms;

    private RunFilter(String text, List<FilterTerm> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    /** The filter {@code text} says; throws {@link InvalidFilterException} with a message a person can act on. */
    public static RunFilter parse(String text) {
        List<FilterToken> tokens = FilterTokenizer.tokens(text);
        List<FilterTerm> terms = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            FilterToken token = tokens.get(i);
            FilterToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            switch (token.kind()) {
                case REGEX -> terms.add(regex(token.text()));
                case OPERATOR -> throw new InvalidFilterException("'" + token.text()
                        + "' needs a name before it, as in lr" + token.text() + "0.01");
                case WORD -> {
                    if (next != null && next.kind() == FilterToken.Kind.OPERATOR) {
                        FilterToken value = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
                        terms.add(comparison(token.text(), next.text(), value));
                        i += 2;
                    } else if (next != null && next.kind() == FilterToken.Kind.WORD
                            && FilterNumbers.parse(token.text()).isEmpty()
                            && FilterNumbers.parse(next.text()).isPresent()) {
                        terms.add(pair(token.text(), next.text()));
                        i += 1;
                    } else {
                        terms.add(word(token.text()));
                    }
                }
            }
        }
        return new RunFilter(text, terms);
    }

    /** Whether the run passes every term (the empty filter passes every run). */
    public boolean matches(FilterSubject subject) {
        for (FilterTerm term : terms) {
            if (!term.test(subject)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The text this filter was parsed from. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "RunFilter[" + text + "]";
    }

    private static FilterTerm regex(String source) {
        try {
            return new FilterTerm.Regex(Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException bad) {
            throw new InvalidFilterException("bad regex /" + source + "/: " + bad.getDescription());
        }
    }

    private static FilterTerm comparison(String name, String operatorText, FilterToken value) {
        FilterOperator operator = FilterOperator.of(operatorText).orElseThrow(() -> new InvalidFilterException(
                "unknown operator '" + operatorText + "' (use = != < <= > >=)"));
        if (value == null || value.kind() != FilterToken.Kind.WORD) {
            throw new InvalidFilterException(name + operatorText + " needs a value after it");
        }
        OptionalDouble number = FilterNumbers.parse(value.text());
        if (operator.ordering() && number.isEmpty()) {
            throw new InvalidFilterException(name + operatorText + value.text() + ": '" + value.text()
                    + "' is not a number");
        }
        return new FilterTerm.Comparison(name, operator, value.text(), number);
    }

    private static FilterTerm pair(String name, String value) {
        FilterTerm.Comparison equality = (FilterTerm.Comparison) comparison(name, "=",
                new FilterToken(FilterToken.Kind.WORD, value));
        return new FilterTerm.Pair(equality, new FilterTerm.Word(name.toLowerCase(Locale.ROOT)),
                new FilterTerm.Word(value.toLowerCase(Locale.ROOT)));
    }

    private static FilterTerm word(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "stable" -> new FilterTerm.Stability(FilterSubject.Stability.STABLE);
            case "unstable" -> new FilterTerm.Stability(FilterSubject.Stability.UNSTABLE);
            default -> new FilterTerm.Word(word.toLowerCase(Locale.ROOT));
        };
    }

    /** A filter that cannot be read; the message says what is wrong. */
    public static final class InvalidFilterException extends IllegalArgumentException {
        public InvalidFilterException(String message) {
            super(message);
        }
    }
}
