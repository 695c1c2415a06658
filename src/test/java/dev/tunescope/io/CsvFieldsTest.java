package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {

    @Test
    void splitsPlainFieldsAndKeepsEmptyOnes() {
        assertThat(CsvFields.split("0,,19,0.1,", ',')).containsExactly("0", "", "19", "0.1", "");
        assertThat(CsvFields.split("", ',')).containsExactly("");
        assertThat(CsvFields.split("epoch\tloss", '\t')).containsExactly("epoch", "loss");
        assertThat(CsvFields.split(" a ; b ", ';')).containsExactly(" a ", " b ");
    }

    @Test
    void quotedFieldsHoldSeparatorsAndDoubledQuotes() {
        assertThat(CsvFields.split("\"a,b\",\"say \"\"hi\"\"\",c", ',')).containsExactly("a,b", "say \"hi\"", "c");
        assertThat(CsvFields.split("\"\",x", ',')).containsExactly("", "x");
    }

    @Test
    void malformedQuotingStillYieldsTheOtherFields() {
        assertThat(CsvFields.split("\"open,1,2", ',')).as("an open quote runs to the end of the line")
                .containsExactly("open,1,2");
        assertThat(CsvFields.split("ab\"c,1", ',')).containsExactly("ab\"c", "1");
        assertThat(CsvFields.split("\"a\"b,1", ',')).containsExactly("ab", "1");
    }

    /** Writes fields the way Python's csv module does (quote only where needed) and reads them back. */
    @Property
    void readsBackWhatACsvWriterWrote(@ForAll @Size(max = 8) List<@Chars({',', '"', ';', ' ', '\t'})
            @CharRange(from = 'a', to = 'e') String> fields, @ForAll("separators") char separator) {
        String line = fields.stream().map(field -> quoteIfNeeded(field, separator))
                .collect(Collectors.joining(String.valueOf(separator)));
        List<String> expected = fields.isEmpty() ? List.of("") : fields;
        assertThat(CsvFields.split(line, separator)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(',', ';', '\t');
    }

    private static String quoteIfNeeded(String field, char separator) {
        boolean needs = field.indexOf(separator) >= 0 || field.indexOf('"') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
