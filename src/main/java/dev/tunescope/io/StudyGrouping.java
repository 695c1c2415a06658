package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Groups runs into studies: the runs that share a parent folder are compared together (an LR sweep's trials
 * sit side by side). A folder with a {@code study.json} written by Tunescope also says what kind of study it is.
 */
public final class StudyGrouping {
    static final String STUDY_FILE = "study.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyGrouping() {
    }

    /** The studies of {@code runs}, read under {@code root}, sorted by path. */
    public static List<Study> group(Path root, List<Run> runs) {
        Map<String, List<Run>> byParent = new TreeMap<>();
        for (Run run : runs) {
            byParent.computeIfAbsent(parentOf(run.path()), parent -> new ArrayList<>()).add(run);
        }
        List<Study> studies = new ArrayList<>();
        byParent.forEach((parent, members) -> {
            Path folder = parent.equals(".") ? root : root.resolve(parent);
            String name = folder.toAbsolutePath().normalize().getFileName() == null ? parent
                    : folder.toAbsolutePath().normalize().getFileName().toString();
            studies.add(new Study(parent, name, kindOf(folder), members));
        });
        return studies;
    }

    static String parentOf(String runPath) {
        int slash = runPath.lastIndexOf('/');
        return slash < 0 ? "." : runPath.substring(0, slash);
    }

    /** The {@code kind} in the folder's study.json, if it has a readable one. */
    private static Optional<String> kindOf(Path folder) {
        Path file = folder.resolve(STUDY_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode kind = JSON.readTree(file.toFile()).path("kind");
            return kind.isTextual() ? Optional.of(kind.asText()) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
