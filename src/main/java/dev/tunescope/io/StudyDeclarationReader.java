package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.StudyDeclaration;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a folder's {@code study.json}: the kind, {@code from} and the planned max_train_steps (under {@code plan}
 * or at the top level). A missing, unreadable or foreign file declares nothing: the runs are then grouped by what
 * they hold, as any folder is.
 */
public final class StudyDeclarationReader {
    public static final String FILE = "study.json";

    private StudyDeclarationReader() {
    }

    public static StudyDeclaration read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return StudyDeclaration.NONE;
        }
        Optional<String> text = SmallTextFile.read(file, FILE, warning -> { });
        if (text.isEmpty()) {
            return StudyDeclaration.NONE;
        }
        JsonNode root;
        try {
            root = TunescopeJson.MAPPER.readTree(text.get());
        } catch (com.fasterxml.jackson.core.JacksonException unreadable) {
            return StudyDeclaration.NONE;
        }
        if (root == null || !root.isObject()) {
            return StudyDeclaration.NONE;
        }
        JsonNode steps = root.path("plan").path("max_train_steps").isNumber() ? root.path("plan").path("max_train_steps")
                : root.path("max_train_steps");
        return new StudyDeclaration(text(root.path("kind")), text(root.path("from")),
                steps.canConvertToLong() && steps.asLong() > 0 ? OptionalLong.of(steps.asLong()) : OptionalLong.empty());
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
