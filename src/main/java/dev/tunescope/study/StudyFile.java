package dev.tunescope.study;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A study folder's {@code study.json}: what the study is (kind, why, the sweep it was planned from, the workload)
 * and its plan (each trial's name and settings). Written once, atomically, when a study starts; a rerun reads it
 * back to check that it resumes the same study.
 */
final class StudyFile {
    static final String NAME = "study.json";
    /** Far more than any plan needs; a larger file is not one Tunescope wrote, and is not read whole. */
    private static final long MAX_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyFile() {
    }

    /**
     * Writes {@code study.json} for {@code plan}, or checks that the one there holds the same kind, plan and
     * workload: a resume on another workload (another model, data seed or command) would mix its trials with
     * the earlier ones into one study that compares nothing.
     *
     * @throws StudyFolderConflict when the one there is unreadable, not a study, or a different study
     */
    static void writeOrCheck(Path studyDir, StudyPlan plan, TrialExecutor executor) throws IOException {
        ObjectNode study = describe(studyDir, plan, executor);
        Optional<JsonNode> existing = read(studyDir);
        if (existing.isEmpty()) {
            AtomicFiles.writeString(studyDir.resolve(NAME), JSON.writeValueAsString(study));
            return;
        }
        JsonNode planned = JSON.readTree(JSON.writeValueAsString(study)); // as it reads back from a file
        JsonNode there = existing.get();
        List<String> differing = new ArrayList<>();
        for (String field : List.of("kind", "plan", "workload")) {
            if (!there.path(field).equals(planned.path(field))) {
                differing.add(field);
            }
        }
        if (!differing.isEmpty()) {
            throw new StudyFolderConflict(StudyFolderConflict.Kind.DIFFERENT_STUDY, studyDir, studyDir
                    + " already holds a different study (" + summary(there) + "), not this " + summary(planned)
                    + ": the " + String.join(" and ", differing) + " differ" + (differing.size() == 1 ? "s" : ""));
        }
    }

    /** The trial folder names the folder's {@code study.json} lists, where it can be read; plain names only. */
    static List<String> trialNames(Path studyDir) {
        List<String> names = new ArrayList<>();
        try {
            read(studyDir).ifPresent(study -> study.path("plan").path("trials").forEach(trial -> {
                String name = trial.path("name").asText("");
                if (TrialPlan.isPlainName(name)) {
                    names.add(name);
                }
            }));
        } catch (IOException | StudyFolderConflict unreadable) {
            // nothing there names a trial we could safely remove
        }
        return names;
    }

    static void delete(Path studyDir) throws IOException {
        Files.deleteIfExists(studyDir.resolve(NAME));
    }

    /** The study described by {@code study.json}; empty when there is none. */
    private static Optional<JsonNode> read(Path studyDir) throws IOException {
        Path file = studyDir.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            throw unreadable(studyDir, file + " is not a study file Tunescope wrote (not a regular file, or too large)");
        }
        // decoded leniently: invalid UTF-8 is a damaged file to report, not an I/O error
        String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw unreadable(studyDir, file + " is empty (a study that was interrupted as it started?)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException damaged) {
            throw unreadable(studyDir, file + " is not valid JSON (" + damaged.getOriginalMessage()
                    + "), perhaps cut short");
        }
        if (root == null || !root.isObject() || !root.path("kind").isTextual() || !root.path("plan").isObject()) {
            throw unreadable(studyDir, file + " is not a study file Tunescope wrote (it has no kind and plan)");
        }
        return Optional.of(root);
    }

    /** The argument template a study's trials were run with, when its study.json says they ran a command. */
    static Optional<List<String>> recordedCommand(Path studyDir) {
        try {
            return read(studyDir).map(study -> study.path("workload")).filter(w -> w.path("command").isArray())
                    .map(w -> {
                        List<String> arguments = new java.util.ArrayList<>();
                        w.path("command").forEach(a -> arguments.add(a.asText()));
                        return arguments;
                    });
        } catch (IOException unreadable) {
            return Optional.empty(); // a damaged study.json records nothing; the runs still say what they can
        }
    }

    private static StudyFolderConflict unreadable(Path studyDir, String message) {
        return new StudyFolderConflict(StudyFolderConflict.Kind.UNREADABLE, studyDir, message);
    }

    /** {@code lr-sweep of 9 trial(s) on mlp}; a command's study is "on a command". */
    private static String summary(JsonNode study) {
        JsonNode name = study.path("workload").path("name");
        return study.path("kind").asText() + " of " + study.path("plan").path("trials").size() + " trial(s) on "
                + (name.isTextual() ? name.asText() : "a command");
    }

    private static ObjectNode describe(Path studyDir, StudyPlan plan, TrialExecutor executor) {
        ObjectNode study = JSON.createObjectNode();
        study.put("kind", plan.kind().id());
        study.put("why", plan.why());
        plan.from().ifPresent(sweep -> study.put("from", studyDir.toAbsolutePath().normalize()
                .relativize(sweep.toAbsolutePath().normalize()).toString().replace('\\', '/')));
        study.set("workload", JSON.valueToTree(executor.describe()));
        ArrayNode trials = study.putObject("plan").putArray("trials");
        for (TrialPlan trial : plan.trials()) {
            ObjectNode node = trials.addObject();
            node.put("name", trial.name());
            node.set("settings", JSON.valueToTree(trial.settings()));
        }
        return study;
    }
}
