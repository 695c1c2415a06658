package dev.tunescope.run;

/** One piece of a filter as typed: a word ({@code lr}, {@code 1e-2}), an operator ({@code >=}) or a {@code /regex/}. */
record FilterToken(Kind kind, String text) {
    enum Kind { WORD, OPERATOR, REGEX }
}
