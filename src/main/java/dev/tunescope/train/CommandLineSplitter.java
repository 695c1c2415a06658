package dev.tunescope.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of text the user typed (a study's command) into arguments, the way a user expects from a
 * shell but without any of a shell's power: arguments are separated by whitespace, and text in double or single
 * quotes keeps its spaces ({@code --name="a b"} is the one argument {@code --name=a b}; {@code ""} is an empty
 * argument). Nothing else is special: no variables, globs, {@code ~}, {@code ;}, pipes, redirections or backslash
 * escapes (so a Windows path keeps its backslashes). A user who needs a quote character inside an argument
 * passes the command as a list instead.
 */
public final class CommandLineSplitter {
    private CommandLineSplitter() {
    }

    /** The arguments of {@code line}; a quote left open is an error rather than a guess. */
    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false; // true once a character or a pair of quotes has started an argument
        char quote = 0;
        int quoteStart = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                quoteStart = i;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("the quote " + quote + " opened at character " + (quoteStart + 1)
                    + " of the command is never closed");
        }
        if (inArgument) {
            args.add(current.toString());
        }
        return args;
    }
}
