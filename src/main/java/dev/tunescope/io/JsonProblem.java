package dev.tunescope.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Pattern;

/**
 * A JSON parse failure in words for a warning: Jackson's own description, less the parts that name its classes
 * and settings ({@code `StreamReadConstraints.getMaxNumberLength()`}, {@code `JsonReadFeature...`}), which mean
 * nothing to a person looking at a training log and could not be acted on by them anyway.
 */
final class JsonProblem {
    /** Clauses of Jackson's messages that point at its API; each is dropped, the sentence around it kept. */
    private static final Pattern[] API_CLAUSES = {
            Pattern.compile(", from `[^`]*`"), // "... maximum allowed (1000, from `StreamReadConstraints...`)"
            Pattern.compile(": enable `[^`]*` to allow"), // "... to have plus signs: enable `JsonReadFeature...`"
            Pattern.compile(" \\(start marker at \\[Source: .*]\\)"), // where an unclosed object began: the line
            Pattern.compile(" \\(not recognized as one since Feature '[^']*' not enabled for parser\\)"),
    };

    private JsonProblem() {
    }

    static String of(JacksonException e) {
        if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Trailing token")) {
            return "more text follows the JSON value on the same line: two records run together?";
        }
        String text = e.getOriginalMessage();
        for (Pattern clause : API_CLAUSES) {
            text = clause.matcher(text).replaceAll("");
        }
        int api = text.indexOf('`');
        return api < 0 ? text : withoutClauseAt(text, api);
    }

    /** A message Jackson may add in a later version: cut before the clause that names its API. */
    private static String withoutClauseAt(String text, int at) {
        int clause = Math.max(text.lastIndexOf(" (", at), Math.max(text.lastIndexOf(": ", at),
                text.lastIndexOf(", ", at)));
        return clause > 0 ? text.substring(0, clause) : "it could not be parsed";
    }
}
