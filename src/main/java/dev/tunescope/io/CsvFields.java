package dev.tunescope.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a CSV log into its fields, with RFC 4180 quoting: a field that starts with {@code "} runs to
 * the next lone {@code "}, a doubled {@code ""} inside it stands for one quote, and separators inside it are text.
 *
 * <p>Training logs quote only the odd column name (Python's {@code csv} module quotes a key holding the separator),
 * so this stays small and forgiving instead of strict:
 * <ul>
 *   <li>Quoted fields spanning several lines are not supported: callers hand over one physical line, and a quote
 *       left open at its end simply runs to the end of that line.</li>
 *   <li>A quote in the middle of an unquoted field is kept as text, and text after a closing quote is appended to
 *       the field, so a malformed line still yields its other fields.</li>
 * </ul>
 * Fields are returned as written (not trimmed); an empty line is one empty field.
 */
public final class CsvFields {
    private static final char QUOTE = '"';

    private CsvFields() {
    }

    public static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStart = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c != QUOTE) {
                    field.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == QUOTE) {
                    field.append(QUOTE);
                    i++;
                } else {
                    inQuotes = false;
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == QUOTE && fieldStart) {
                inQuotes = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
        fields.add(field.toString());
        return fields;
    }
}
