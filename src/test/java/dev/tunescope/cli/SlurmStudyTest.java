package dev.tunescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.io.TunescopeRunSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studies whose trials run as jobs of a real Slurm cluster: the single-node one {@code .ci/slurm-up.sh} starts
 * (munged, slurmctld, slurmd). Each job starts a Tunescope of its own on the node, so these tests exercise the
 * whole path: submission, the job's own study for its one trial, following, resume, cancel, and time limits.
 * Skipped when no cluster answers here, unless {@code TUNESCOPE_REQUIRE_SLURM=1} (set by {@code .ci/run}).
 */
class SlurmStudyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jobs and the local runs train on one thread each, so both give the same floating-point sums. */
    private static final String ONE_THREAD = "--slurm-arg=--export=ALL,OMP_NUM_THREADS=1";

    @TempDir
    Path dir;

    private final List<ProcessHandle> toReap = new ArrayList<>();
    private final List<Path> studies = new ArrayList<>();

    @BeforeAll
    static void needsACluster() throws Exception {
        boolean up = clusterAnswers();
        if ("1".equals(System.getenv("TUNESCOPE_REQUIRE_SLURM"))) {
            assertThat(up).as("a Slurm cluster started by .ci/slurm-up.sh (sinfo shows an idle node)").isTrue();
        }
        Assumptions.assumeTrue(up, "no Slurm cluster answers here (sinfo); .ci/slurm-up.sh starts one");
    }

    @AfterEach
    void leaveNothingRunning() throws Exception {
        toReap.forEach(ProcessHandle::destroyForcibly);
        for (Path study : studies) { // a failed test must not leave jobs that hold the node's cores
            if (Files.isDirectory(study)) {
                for (long job : recordedJobs(study).values()) {
                    slurm("scancel", Long.toString(job));
                }
            }
        }
    }

    @Test
    void aFourTrialSweepRunsAsSlurmJobsTwoAtATimeAndDiagnosesAsTheSameSweepRunHere() throws Exception {
        Path study = study("on-slurm");
        List<String> sweep = List.of("lr-sweep", "--lr-min", "0.01", "--lr-max", "0.3", "--count", "4", "--steps",
                "60", "--eval-every", "20", "--histogram-every", "0", "--seed", "3");
        List<String> onSlurm = new ArrayList<>(sweep);
        onSlurm.addAll(List.of("--out", study.toString(), "--json", "--executor", "slurm", "--max-running", "2",
                "--poll", "0.5", ONE_THREAD));

        JsonNode summary = runHere(onSlurm);
        assertThat(summary.get("trials")).hasSize(4).allSatisfy(trial -> {
            assertThat(trial.get("status").asText()).isEqualTo("finished");
            assertThat(trial.get("steps").asLong()).isEqualTo(60);
        });
        Map<String, Long> jobs = recordedJobs(study);
        assertThat(jobs).hasSize(4);
        assertThat(jobs.values()).doesNotHaveDuplicates();
        List<long[]> spans = new ArrayList<>();
        for (long job : jobs.values()) {
            Map<String, String> fields = jobFields(job);
            assertThat(fields.get("JobState")).isEqualTo("COMPLETED");
            spans.add(new long[] {seconds(fields.get("StartTime")), seconds(fields.get("EndTime"))});
        }
        assertThat(mostAtOnce(spans)).as("jobs running at once (start/end times from scontrol)").isEqualTo(2);

        Path here = study("here");
        List<String> local = new ArrayList<>(List.of("study"));
        local.addAll(sweep);
        local.addAll(List.of("--out", here.toString(), "--json"));
        Process tunescope = tunescope(local, Map.of("OMP_NUM_THREADS", "1"));
        assertThat(tunescope.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(tunescope.exitValue()).as(Files.readString(dir.resolve("tunescope.err"))).isZero();

        for (String trial : jobs.keySet()) {
            assertThat(losses(study.resolve(trial))).as("train/loss of " + trial + ", same seeds")
                    .containsExactlyElementsOf(losses(here.resolve(trial)));
        }
        assertThat(diagnosis(study)).isEqualTo(diagnosis(here));
    }

    @Test
    void tunescopeKilledWhileItsJobsRunIsResumedByFollowingThemNotBySubmittingTwins() throws Exception {
        Path study = study("killed");
        Path gate = Files.createFile(dir.resolve("gate"));
        List<String> args = usersCommandStudy(study, gate, 2, List.of());
        Process first = tunescope(prepend("study", args), Map.of());
        List<Path> trials = awaitEveryTrialAtTheGate(study, 2, first);
        Map<String, Long> jobsBefore = recordedJobs(study);

        first.destroyForcibly(); // SIGKILL: Tunescope runs nothing of its own on the way out
        first.waitFor(30, TimeUnit.SECONDS);
        for (long job : jobsBefore.values()) {
            assertThat(jobFields(job).get("JobState")).as("job " + job + " after Tunescope was killed")
                    .isEqualTo("RUNNING");
        }

        Files.delete(gate);
        JsonNode resumed = runHere(args);
        assertThat(resumed.get("trials")).hasSize(2).allSatisfy(trial ->
                assertThat(trial.get("status").asText()).isEqualTo("finished"));
        assertThat(recordedJobs(study)).as("the same jobs, followed again").isEqualTo(jobsBefore);
        for (Path trial : trials) {
            assertThat(UsersTrainer.loggedSteps(trial)).as("every step once").containsExactlyElementsOf(
                    LongStream.rangeClosed(1, 8).boxed().toList());
        }
        assertThat(study.resolve(".attempts")).as("nothing was submitted again").doesNotExist();
    }

    @Test
    void ctrlCCancelsTheStudysJobs() throws Exception {
        Path study = study("interrupted");
        Path gate = Files.createFile(dir.resolve("gate"));
        Process tunescope = tunescope(prepend("study", usersCommandStudy(study, gate, 2, List.of())), Map.of());
        awaitEveryTrialAtTheGate(study, 2, tunescope);
        Map<String, Long> jobs = recordedJobs(study);

        new ProcessBuilder("kill", "-INT", Long.toString(tunescope.pid())).start().waitFor(); // Ctrl-C
        assertThat(tunescope.waitFor(120, TimeUnit.SECONDS)).as("Tunescope ends once its jobs are cancelled").isTrue();
        for (long job : jobs.values()) {
            assertThat(jobFields(job).get("JobState")).as("job " + job).isEqualTo("CANCELLED");
        }
        JsonNode summary = JSON.readTree(Files.readString(dir.resolve("tunescope.out")));
        assertThat(summary.get("trials")).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.get("status").asText()).isEqualTo("cancelled");
            assertThat(trial.get("reason").asText()).contains("was cancelled (scancel)");
        });
    }

    @Test
    void jobsCancelledOutsideOrPastTheirTimeLimitAreRecordedAndSubmittedAgainOnTheRerun() throws Exception {
        Path study = study("faults");
        Path gate = Files.createFile(dir.resolve("gate"));
        // one minute is the least Slurm gives; the cluster ends the job within a minute after that
        List<String> args = usersCommandStudy(study, gate, 2, List.of("--time", "1"));
        CompletableFuture<JsonNode> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runHere(args);
            } catch (Exception failed) {
                throw new RuntimeException(failed);
            }
        });
        List<Path> trials = awaitEveryTrialAtTheGate(study, 2, null);
        Map<String, Long> jobsBefore = recordedJobs(study);
        String cancelled = trials.get(0).getFileName().toString();
        String timedOut = trials.get(1).getFileName().toString();
        slurm("scancel", Long.toString(jobsBefore.get(cancelled)));

        JsonNode first = running.get(5, TimeUnit.MINUTES);
        Map<String, JsonNode> outcomes = byName(first);
        assertThat(outcomes.get(cancelled).get("status").asText()).isEqualTo("failed");
        assertThat(outcomes.get(cancelled).get("reason").asText()).contains("Slurm job " + jobsBefore.get(cancelled))
                .contains("cancelled (scancel) outside this study").contains("rerun the study");
        assertThat(outcomes.get(timedOut).get("status").asText()).isEqualTo("failed");
        assertThat(outcomes.get(timedOut).get("reason").asText()).contains("ran past its time limit")
                .contains("TIMEOUT");

        Files.delete(gate);
        JsonNode rerun = runHere(args);
        assertThat(rerun.get("trials")).allSatisfy(trial -> {
            assertThat(trial.get("status").asText()).isEqualTo("finished");
            assertThat(trial.get("done_before").asBoolean()).isFalse();
        });
        Map<String, Long> jobsAfter = recordedJobs(study);
        for (Path trial : trials) {
            String name = trial.getFileName().toString();
            assertThat(jobsAfter.get(name)).as("a new job for " + name).isNotEqualTo(jobsBefore.get(name));
            assertThat(UsersTrainer.loggedSteps(trial)).as("the new attempt started clean")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 8).boxed().toList());
            Path aside = study.resolve(".attempts").resolve(name).resolve("job-" + jobsBefore.get(name));
            assertThat(UsersTrainer.loggedSteps(aside)).as("the earlier attempt, kept aside").startsWith(1L, 2L, 3L)
                    .hasSizeLessThan(8);
            assertThat(aside.resolve("slurm-" + jobsBefore.get(name) + ".out")).exists();
        }
    }

    @Test
    void aRefusalBySbatchIsOneLineNamingTheTrialAndWhatSlurmSaid() throws Exception {
        Path study = study("refused");
        List<String> args = usersCommandStudy(study, dir.resolve("no-gate"), 1, List.of("--partition", "nosuch"));
        InspectCommandTest.Result result = InspectCommandTest.execute(prepend("study", args).toArray(String[]::new));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err().strip()).doesNotContain("\n").contains("could not be submitted: sbatch failed")
                .containsIgnoringCase("invalid partition");
    }

    /** A study of the user's own command, {@code count} trials of 8 steps that wait at step 3 while the gate is. */
    private List<String> usersCommandStudy(Path study, Path gate, int count, List<String> more) throws IOException {
        List<String> args = new ArrayList<>(List.of("lr-sweep", "--lr-min", "0.01", "--lr-max", "0.1", "--count",
                Integer.toString(count), "--steps", "8", "--out", study.toString(), "--json", "--command",
                UsersTrainer.install(dir), "--executor", "slurm", "--poll", "0.5",
                "--slurm-arg=--export=ALL,TRAINER_GATE=" + gate));
        args.addAll(more);
        return args;
    }

    private Path study(String name) {
        Path study = dir.resolve(name);
        studies.add(study);
        return study;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static JsonNode runHere(List<String> studyArgs) throws IOException {
        InspectCommandTest.Result result = InspectCommandTest.execute(prepend("study", studyArgs)
                .toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private Process tunescope(List<String> args, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.tunescope.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("tunescope.out").toFile())
                .redirectError(dir.resolve("tunescope.err").toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        toReap.add(process.toHandle());
        return process;
    }

    /** Waits until {@code count} trials of the study have each logged step 3 (and wait at the gate there). */
    private List<Path> awaitEveryTrialAtTheGate(Path study, int count, Process tunescope) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            List<Path> atGate = new ArrayList<>();
            if (Files.isDirectory(study)) {
                try (Stream<Path> trials = Files.list(study)) {
                    for (Path trial : trials.filter(Files::isDirectory)
                            .filter(t -> !t.getFileName().toString().startsWith(".")).sorted().toList()) {
                        if (Files.isRegularFile(trial.resolve("out/metrics.jsonl"))
                                && UsersTrainer.loggedSteps(trial).size() >= 3) {
                            atGate.add(trial);
                        }
                    }
                }
            }
            if (atGate.size() == count) {
                return atGate;
            }
            if (tunescope != null) {
                assertThat(tunescope.isAlive()).as(Files.readString(dir.resolve("tunescope.err"))).isTrue();
            }
            assertThat(System.nanoTime()).as("the trials never reached step 3 on the cluster").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Each trial folder's recorded job id, by trial name. */
    private static Map<String, Long> recordedJobs(Path study) throws IOException {
        Map<String, Long> jobs = new TreeMap<>();
        try (Stream<Path> trials = Files.list(study)) {
            for (Path trial : trials.filter(Files::isDirectory).toList()) {
                Path record = trial.resolve("slurm-job.json");
                if (Files.isRegularFile(record)) {
                    jobs.put(trial.getFileName().toString(), JSON.readTree(record.toFile()).get("job_id").asLong());
                }
            }
        }
        return jobs;
    }

    private static Map<String, JsonNode> byName(JsonNode summary) {
        Map<String, JsonNode> outcomes = new TreeMap<>();
        summary.get("trials").forEach(trial -> outcomes.put(trial.get("name").asText(), trial));
        return outcomes;
    }

    private static List<Double> losses(Path trial) {
        var series = new TunescopeRunSource(trial, trial.getFileName().toString()).refresh().scalar("train/loss")
                .orElseThrow();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            values.add(series.value(i));
        }
        return values;
    }

    /** {@code diagnose --json} of the study, with the study's own folder name taken out. */
    private static JsonNode diagnosis(Path study) throws IOException {
        InspectCommandTest.Result result = InspectCommandTest.execute("diagnose", study.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out().replace(study.toString(), "STUDY")
                .replace("\"" + study.getFileName() + "\"", "\"STUDY\""));
    }

    /** The most spans that overlap at one moment. */
    private static int mostAtOnce(List<long[]> spans) {
        int most = 0;
        for (long[] span : spans) {
            long moment = span[0];
            most = Math.max(most, (int) spans.stream().filter(s -> s[0] <= moment && moment < s[1]).count());
        }
        return most;
    }

    private static long seconds(String slurmTime) {
        return LocalDateTime.parse(slurmTime).toEpochSecond(java.time.ZoneOffset.UTC);
    }

    private static Map<String, String> jobFields(long job) throws Exception {
        Map<String, String> fields = new TreeMap<>();
        for (String field : slurm("scontrol", "--oneliner", "show", "job", Long.toString(job)).split("\\s+")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return fields;
    }

    private static boolean clusterAnswers() {
        try {
            return slurm("sinfo", "--noheader", "--format=%T").lines()
                    .anyMatch(state -> state.matches("(idle|mixed|allocated).*"));
        } catch (Exception noSlurm) {
            return false;
        }
    }

    private static String slurm(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
