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
            JsonNode studyFile = studyFile(folder);
            Optional<String> kind = text(studyFile.path("kind"));
            Optional<String> basedOn = text(studyFile.path("from")).map(from -> relativeTo(root, folder.resolve(from)));
            studies.add(new Study(parent, name, kind, basedOn, members));
        });
        return studies;
    }

    /**
     * {@code studies} plus the sweeps they were planned from that lie outside {@code root} (a warmup study opened
     * on its own still needs its sweep: the rules judge its trials against the sweep's smaller learning rates).
     * Those sweeps' paths, and their runs' paths, are given relative to {@code root} ({@code ../sweep/lr_0.1}).
     */
    public static List<Study> withReferencedSweeps(Path root, List<Study> studies) throws IOException {
        List<Study> all = new ArrayList<>(studies);
        java.util.Set<String> known = new java.util.HashSet<>();
        studies.forEach(s -> known.add(s.path()));
        for (Study study : studies) {
            if (study.basedOn().isEmpty() || known.contains(study.basedOn().get())) {
                continue;
            }
            String prefix = study.basedOn().get();
            Path sweepDir = root.resolve(prefix).normalize();
            if (!Files.isDirectory(sweepDir)) {
                continue;
            }
            for (Study found : group(sweepDir, RunLoader.loadAll(sweepDir))) {
                String path = found.path().equals(".") ? prefix : prefix + "/" + found.path();
                List<Run> runs = found.runs().stream().map(r -> new Run(prefix + "/" + r.path(), r.name(), r.format(),
                        r.status(), r.hyperparameters(), r.scalars(), r.histograms(), r.warnings())).toList();
                all.add(new Study(path, found.name(), found.kind(), Optional.empty(), runs));
                known.add(path);
            }
        }
        return all;
    }

    static String parentOf(String runPath) {
        int slash = runPath.lastIndexOf('/');
        return slash < 0 ? "." : runPath.substring(0, slash);
    }

    /** The folder's study.json as a tree; a missing node when it has none or an unreadable one. */
    private static JsonNode studyFile(Path folder) {
        Path file = folder.resolve(STUDY_FILE);
        if (!Files.isRegularFile(file)) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException unreadable) {
            return JSON.missingNode();
        }
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** {@code target} as a path relative to {@code root} ("." for the root itself), with forward slashes. */
    static String relativeTo(Path root, Path target) {
        Path relative = root.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        String text = relative.toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}
