package dev.tunescope.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a filter into tokens. Operators need no spaces around them ({@code lr>=1e-3} is three tokens) and a
 * {@code /regex/} runs to its closing slash, spaces included; a slash inside a word ({@code post-ln/lr}) is part
 * of it.
 */
final class FilterTokenizer {
    private static final String OPERATOR_CHARS = "=!<>";

    private FilterTokenizer() {
    }

    static List<FilterToken> tokens(String filter) {
        List<FilterToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/') {
                int end = closingSlash(filter, i + 1);
                tokens.add(new FilterToken(FilterToken.Kind.REGEX, filter.substring(i + 1, end)));
                i = end + 1;
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                int end = i;
                while (end < filter.length() && OPERATOR_CHARS.indexOf(filter.charAt(end)) >= 0) {
                    end++;
                }
                tokens.add(new FilterToken(FilterToken.Kind.OPERATOR, filter.substring(i, end)));
                i = end;
            } else {
                int end = i;
                while (end < filter.length() && !Character.isWhitespace(filter.charAt(end))
                        && OPERATOR_CHARS.indexOf(filter.charAt(end)) < 0) {
                    end++;
                }
                tokens.add(new FilterToken(FilterToken.Kind.WORD, filter.substring(i, end)));
                i = end;
            }
        }
        return tokens;
    }

    /** The index of the slash that closes a regex begun before {@code from}; a backslash escapes a slash. */
    private static int closingSlash(String filter, int from) {
        for (int i = from; i < filter.length(); i++) {
            if (filter.charAt(i) == '\\') {
                i++;
            } else if (filter.charAt(i) == '/') {
                return i;
            }
        }
        throw new RunFilter.InvalidFilterException("the regex /" + filter.substring(from) + " has no closing /");
    }
}
