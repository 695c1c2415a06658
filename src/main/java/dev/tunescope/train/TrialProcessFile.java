package dev.tunescope.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@value #NAME} in a trial's folder while the user's command runs: its pid, when it started, and whether it
 * leads a process group of its own. Written as soon as the command starts and removed once it and its group are
 * gone, so a file left behind means a Tunescope that died with the trial running; a resume then stops what is
 * still alive of it ({@link TrialFolder}). The start time tells the command from an unrelated process that got
 * the same pid later, which is never touched.
 */
final class TrialProcessFile {
    static final String NAME = ".tunescope.pid";
    private static final JsonMapper JSON = new JsonMapper();
    private static final long MAX_BYTES = 4096;

    /** A command as it was recorded. */
    record Recorded(long pid, Instant start, boolean ownGroup) {

        /** The recorded process, if it still runs: same pid and same start time. */
        Optional<ProcessHandle> stillRunning() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().startInstant().map(start::equals).orElse(false));
        }

        /** Whether the pid now belongs to another process, started after the recorded one ended. */
        boolean pidReused() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() && stillRunning().isEmpty();
        }
    }

    private TrialProcessFile() {
    }

    /** Records {@code process}, started in a group of its own or not. */
    static void write(Path runDir, ProcessHandle process, boolean ownGroup) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("pid", process.pid());
        node.put("start", process.info().startInstant().map(Instant::toString).orElse(""));
        node.put("own_group", ownGroup);
        process.info().command().ifPresent(command -> node.put("command", command));
        AtomicFiles.write(runDir.resolve(NAME), JSON.writeValueAsBytes(node));
    }

    /** What the folder records; empty when nothing, or nothing that can be told apart from another process. */
    static Optional<Recorded> read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            if (node == null || !node.path("pid").canConvertToLong() || !node.path("start").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Recorded(node.path("pid").longValue(), Instant.parse(node.path("start").asText()),
                    node.path("own_group").asBoolean(false)));
        } catch (JacksonException | DateTimeException unreadable) {
            return Optional.empty(); // no start time: a live process under that pid may be anyone's
        }
    }

    static void delete(Path runDir) throws IOException {
        Files.deleteIfExists(runDir.resolve(NAME));
    }
}
