package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

/** Messages of a kind Jackson has not been seen to write yet, naming its API in a clause no pattern knows. */
class JsonProblemTest {
    @Test
    void aClauseNamingTheParsersApiIsCutOffWhereverItIs() {
        assertThat(JsonProblem.of(new JsonParseException(null, "Unexpected thing (see `Foo.bar()` for more)")))
                .isEqualTo("Unexpected thing");
        assertThat(JsonProblem.of(new JsonParseException(null, "Unexpected thing: set `Foo.BAR`")))
                .isEqualTo("Unexpected thing");
        assertThat(JsonProblem.of(new JsonParseException(null, "`Foo` failed"))).isEqualTo("it could not be parsed");
        assertThat(JsonProblem.of(new JsonParseException(null, "Unexpected character ('x' (code 120))")))
                .as("left as it is").isEqualTo("Unexpected character ('x' (code 120))");
    }
}
