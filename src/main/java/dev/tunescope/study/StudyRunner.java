package dev.tunescope.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.StepReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs a study into one folder: {@code study.json} (kind, plan, workload) and one run folder per trial.
 *
 * <p>Resumable: killed at any moment and started again with the same plan, it skips every trial that already
 * ended (finished, diverged, or out of memory), and starts an interrupted trial over in a clean folder. Nothing
 * finished is lost. A different plan in the same folder is refused rather than mixed in. A batch probe stops at
 * the first batch size that fails (out of memory).
 */
public final class StudyRunner {
    public static final String STUDY_FILE = "study.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Progress of a study: which trial, and that trial's step. */
    public interface Listener {
        void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore);

        void onStep(int index, int count, TrialPlan trial, StepReport report);

        void onTrialEnd(int index, int count, TrialOutcome outcome);
    }

    private StudyRunner() {
    }

    public static List<TrialOutcome> run(Path studyDir, StudyPlan plan, TrialExecutor executor, Listener listener,
                                         Cancellation cancellation) throws IOException {
        Files.createDirectories(studyDir);
        writeOrCheckStudyFile(studyDir, plan, executor);
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<TrialPlan> trials = plan.trials();
        for (int i = 0; i < trials.size(); i++) {
            TrialPlan trial = trials.get(i);
            Path runDir = studyDir.resolve(trial.name());
            Optional<Run> before = ended(runDir);
            listener.onTrialStart(i, trials.size(), trial, before.isPresent());
            TrialOutcome outcome;
            if (before.isPresent()) {
                outcome = new TrialOutcome(trial.name(), before.get().status(), stepsOf(before.get()), true,
                        Optional.empty());
            } else {
                if (cancellation.isCancelled()) {
                    break;
                }
                deleteTree(runDir); // an interrupted or cancelled attempt starts over
                int index = i;
                outcome = executor.execute(trial, runDir, report -> listener.onStep(index, trials.size(), trial,
                        report), cancellation);
            }
            outcomes.add(outcome);
            listener.onTrialEnd(i, trials.size(), outcome);
            if (outcome.status() == RunStatus.CANCELLED) {
                break;
            }
            if (plan.kind() == StudyKind.BATCH_PROBE && outcome.status() == RunStatus.FAILED) {
                break; // a batch that did not fit: the larger ones will not either
            }
        }
        return outcomes;
    }

    /** The trial's run when it ended for good: finished, diverged, or failed for lack of memory. */
    static Optional<Run> ended(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve("run.json"))) {
            return Optional.empty();
        }
        Run run = new TunescopeRunSource(runDir, runDir.getFileName().toString()).refresh();
        boolean outOfMemory = run.hyperparameters().get("out_of_memory").map(v -> v.display().equals("true"))
                .orElse(false);
        boolean ended = run.status() == RunStatus.FINISHED || run.status() == RunStatus.DIVERGED
                || (run.status() == RunStatus.FAILED && outOfMemory);
        return ended ? Optional.of(run) : Optional.empty();
    }

    private static long stepsOf(Run run) {
        return run.scalars().values().stream().filter(s -> !s.isEmpty()).mapToLong(s -> s.lastStep()).max().orElse(0);
    }

    private static void writeOrCheckStudyFile(Path studyDir, StudyPlan plan, TrialExecutor executor)
            throws IOException {
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
        Path file = studyDir.resolve(STUDY_FILE);
        if (Files.exists(file)) {
            JsonNode existing = JSON.readTree(file.toFile());
            JsonNode planned = JSON.readTree(JSON.writeValueAsString(study)); // as it reads back from a file
            if (!existing.path("plan").equals(planned.path("plan")) || !existing.path("kind").equals(planned.path("kind"))) {
                throw new IllegalStateException(studyDir + " already holds a different study (" + existing.path("kind")
                        .asText() + "); choose another folder, or delete it to start over");
            }
            return;
        }
        Path temp = studyDir.resolve(STUDY_FILE + ".tmp");
        Files.writeString(temp, JSON.writeValueAsString(study));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
