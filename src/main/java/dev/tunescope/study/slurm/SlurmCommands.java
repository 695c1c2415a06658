package dev.tunescope.study.slurm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slurm's client commands, run as argument lists: {@code sbatch} to submit, {@code squeue} and {@code scontrol}
 * to follow, {@code scancel} to cancel. One {@code squeue} a poll interval answers for every job of the study, so
 * a study of many trials does not ask the controller once per trial; a job that has left the queue is looked up
 * once with {@code scontrol} (which keeps ended jobs for the cluster's {@code MinJobAge}), then {@code sacct} where
 * the site keeps accounting. Every failure is one line that names the command and what Slurm said.
 */
public final class SlurmCommands {
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);
    private static final Pattern FIELD = Pattern.compile("(?:^|\\s)(JobState|Reason)=(\\S*)");

    private final Optional<Path> bin;
    private final Duration poll;
    private Map<Long, Queued> queue = Map.of();
    private long queueReadAt = Long.MIN_VALUE;
    private final Map<Long, JobState> ended = new HashMap<>();

    /** A job as {@code squeue} lists it. */
    private record Queued(JobState state, String name) {
    }

    public SlurmCommands(Optional<Path> bin, Duration poll) {
        this.bin = bin;
        this.poll = poll;
    }

    /**
     * Submits {@code script} with {@code options}.
     *
     * @return the job id
     * @throws IOException saying what {@code sbatch} answered when it refused
     */
    public long submit(List<String> options, Path script) throws IOException {
        List<String> args = new ArrayList<>(List.of("--parsable"));
        args.addAll(options);
        args.add(script.toString());
        String out = run("sbatch", args).strip();
        String id = out.lines().reduce((first, last) -> last).orElse("").split(";", 2)[0].strip();
        try {
            long jobId = Long.parseLong(id);
            synchronized (this) {
                queueReadAt = Long.MIN_VALUE; // the new job is not in the queue read before it
            }
            return jobId;
        } catch (NumberFormatException notAnId) {
            throw new IOException("sbatch printed no job id: " + firstLine(out));
        }
    }

    /** The job's state; empty when Slurm no longer knows it (it ended long ago, and no accounting keeps it). */
    public synchronized Optional<JobState> state(long jobId) throws IOException {
        Queued queued = queue().get(jobId);
        if (queued != null) {
            return Optional.of(queued.state());
        }
        JobState known = ended.get(jobId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<JobState> state = fromScontrol(jobId).or(() -> fromSacct(jobId));
        state.filter(s -> !s.live()).ifPresent(s -> ended.put(jobId, s));
        return state;
    }

    /** This user's jobs in the queue (pending or running) with exactly this name. */
    public synchronized List<Long> queuedNamed(String name) throws IOException {
        return queue().entrySet().stream().filter(job -> job.getValue().name().equals(name)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    public void cancel(long jobId) throws IOException {
        run("scancel", List.of(Long.toString(jobId)));
        synchronized (this) {
            queueReadAt = Long.MIN_VALUE;
        }
    }

    private Map<Long, Queued> queue() throws IOException {
        long now = System.nanoTime();
        if (queueReadAt != Long.MIN_VALUE && now - queueReadAt < poll.toNanos()) {
            return queue;
        }
        Map<Long, Queued> read = new HashMap<>();
        for (String line : run("squeue", List.of("--noheader", "--me", "--format=%i|%T|%r|%j")).split("\n")) {
            String[] fields = line.strip().split("\\|", 4);
            if (fields.length == 4 && fields[0].matches("\\d+")) { // an array's tasks (123_4) are not the study's
                long id = Long.parseLong(fields[0]);
                read.put(id, new Queued(new JobState(id, fields[1], fields[2]), fields[3]));
            }
        }
        queue = read;
        queueReadAt = now;
        return queue;
    }

    private Optional<JobState> fromScontrol(long jobId) {
        try {
            String line = run("scontrol", List.of("--oneliner", "show", "job", Long.toString(jobId)));
            Map<String, String> fields = new HashMap<>();
            Matcher matcher = FIELD.matcher(line);
            while (matcher.find()) {
                fields.putIfAbsent(matcher.group(1), matcher.group(2));
            }
            return Optional.ofNullable(fields.get("JobState"))
                    .map(state -> new JobState(jobId, state, fields.getOrDefault("Reason", "")));
        } catch (IOException unknownJob) {
            return Optional.empty();
        }
    }

    private Optional<JobState> fromSacct(long jobId) {
        try {
            String out = run("sacct", List.of("--noheader", "--allocations", "--parsable2", "--jobs=" + jobId,
                    "--format=State"));
            // "CANCELLED by 1000": the state is the first word
            return out.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                    .map(state -> new JobState(jobId, state.split("\\s+")[0], ""));
        } catch (IOException noAccounting) {
            return Optional.empty();
        }
    }

    /** Runs one of Slurm's commands; its standard output, or an exception with the first line it printed. */
    private String run(String program, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(bin.map(folder -> folder.resolve(program).toString()).orElse(program));
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).start();
        } catch (IOException notThere) {
            throw new IOException("Slurm's " + program + " could not be run" + bin.map(b -> " from " + b)
                    .orElse(" (it is not on PATH)") + ": --executor slurm needs Slurm's client commands (sbatch,"
                    + " squeue, scontrol, scancel) on this machine");
        }
        try {
            process.getOutputStream().close();
            var stdout = process.getInputStream().readAllBytes();
            var stderr = process.getErrorStream().readAllBytes();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not answer within " + COMMAND_LIMIT.toSeconds() + " s");
            }
            String out = new String(stdout, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                String said = firstLine(new String(stderr, StandardCharsets.UTF_8));
                throw new IOException(program + " failed (exit " + process.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + said));
            }
            return out;
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(program + " was interrupted");
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
