package dev.tunescope.study.slurm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.io.AtomicFiles;
import dev.tunescope.train.TrialFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@value #NAME} in a trial folder: the Slurm job that runs (or ran) the trial's current attempt. Written
 * atomically as soon as {@code sbatch} answers, before the study waits on the job, so a Tunescope killed at any
 * moment after that finds the job again instead of submitting a twin.
 */
public record SlurmJobRecord(long jobId, String jobName, Instant submitted) {
    public static final String NAME = TrialFolder.CLUSTER_JOB_PREFIX + "job.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path runDir) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("job_id", jobId);
        node.put("job_name", jobName);
        node.put("submitted", submitted.toString());
        AtomicFiles.writeString(runDir.resolve(NAME), JSON.writeValueAsString(node) + "\n");
    }

    /**
     * The record in {@code runDir}; empty when there is none.
     *
     * @throws IOException when it cannot be read or is not one Tunescope wrote, naming the file
     */
    static Optional<SlurmJobRecord> read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.path("job_id").canConvertToLong() || !node.path("job_name").isTextual()) {
                throw new IOException(file + ": not a Slurm job record (no job_id and job_name); move it away to"
                        + " submit the trial again");
            }
            Instant submitted = Instant.parse(node.path("submitted").asText(Instant.EPOCH.toString()));
            return Optional.of(new SlurmJobRecord(node.get("job_id").asLong(), node.get("job_name").asText(),
                    submitted));
        } catch (JacksonException broken) {
            throw unreadable(file, broken.getOriginalMessage());
        } catch (java.time.format.DateTimeParseException badTime) {
            throw unreadable(file, badTime.getMessage());
        }
    }

    private static IOException unreadable(Path file, String why) {
        return new IOException(file + ": unreadable Slurm job record (" + why + "); move it away to submit the trial"
                + " again");
    }
}
