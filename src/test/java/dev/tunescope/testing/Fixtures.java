package dev.tunescope.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real training logs in {@code ../shared/fixtures} and their {@code truth.json}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("tunescope.fixtures", "../shared/fixtures")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("fixtures not found at " + root + " (set -Dtunescope.fixtures)");
        }
        return root;
    }

    public static Path resolve(String relative) {
        return root().resolve(relative);
    }

    public static JsonNode truth() {
        try {
            return new ObjectMapper().readTree(resolve("truth.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A truth value that may be a number or one of the strings "NaN", "Infinity", "-Infinity". */
    public static double number(JsonNode node) {
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }
}
