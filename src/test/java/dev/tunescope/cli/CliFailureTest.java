package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * What the user sees when something is wrong: one line on standard error, naming the command, exit 2 for what
 * the user can fix and 1 for everything else, and a stack trace only with {@code --verbose}.
 */
class CliFailureTest {
    @TempDir
    Path dir;

    /** One line on standard error, after the command's name, and no trace. */
    private static void assertOneLine(InspectCommandTest.Result result, int exitCode, String command) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.err()).startsWith("tunescope" + (command.isEmpty() ? "" : " " + command) + ": ")
                .endsWith("\n");
        assertThat(result.err().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).doesNotContain("\tat ");
    }

    /** A user error: one line, without Java's exception names either. */
    private static void assertUserError(InspectCommandTest.Result result, String command) {
        assertOneLine(result, ExitCodes.USAGE, command);
        assertThat(result.err()).doesNotContain("Exception");
    }

    /** {@code train} into a fresh folder, for 5 steps unless the options say otherwise. */
    private String[] train(String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--out",
                dir.resolve("run").toString()));
        if (java.util.Arrays.stream(options).noneMatch(o -> o.startsWith("--steps"))) {
            args.addAll(java.util.List.of("--steps", "5"));
        }
        args.addAll(java.util.List.of(options));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--workload=nope", "--lr=-1", "--steps=0", "--optimizer=lion", "--decay=exp",
            "--batch-size=0", "--lr=abc", "--no-such-option"})
    void aBadTrainingArgumentIsOneLineAndExit2(String bad) {
        String[] args = bad.startsWith("--lr") ? train(bad) : train("--lr", "0.1", bad);
        InspectCommandTest.Result result = execute(args);
        assertUserError(result, "train");
        assertThat(dir.resolve("run/run.json")).doesNotExist();
    }

    @Test
    void theMessagesSayWhatIsWrong() {
        assertThat(execute(train("--lr", "0.1", "--workload", "nope")).err())
                .contains("no workload named 'nope'", "mlp");
        assertThat(execute(train("--lr", "-1")).err()).contains("must be positive, not -1");
        assertThat(execute(train("--lr", "0.1", "--optimizer", "lion")).err()).contains("'lion'", "sgd, adam or adamw");
        assertThat(execute(train("--lr", "0.1", "--steps", "0")).err()).contains("at least 1 step");
        assertThat(execute(train("--lr", "0.1", "--nesterv")).err()).contains("--nesterov");
    }

    @Test
    void anUnknownPlaceholderIsReportedBeforeTheStudyWritesAnything() {
        Path study = dir.resolve("study");
        InspectCommandTest.Result result = execute("study", "lr-sweep", "--count", "2", "--out", study.toString(),
                "--command", "python3 train.py --lr {lr} --wramup {wramup_steps}");
        assertUserError(result, "study");
        assertThat(result.err()).contains("{wramup_steps}", "warmup_steps");
        assertThat(study.resolve("study.json")).doesNotExist();
    }

    private InspectCommandTest.Result sweep(Path study, String lrMax, String... extra) throws Exception {
        String command = UsersTrainer.install(dir);
        String[] base = {"study", "lr-sweep", "--lr-min", "0.01", "--lr-max", lrMax, "--count", "2", "--steps", "3",
                "--out", study.toString(), "--json", "--command", command};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return execute(args);
    }

    @Test
    void aRerunOverADifferentPlanSaysSoAndRestartReplacesIt() throws Exception {
        Path study = dir.resolve("study");
        assertThat(sweep(study, "0.1").exitCode()).isZero();

        InspectCommandTest.Result other = sweep(study, "0.05");
        assertUserError(other, "study");
        assertThat(other.err()).contains("already holds a different study (lr-sweep of 2 trial(s) on a command)",
                "the plan differs", "--restart");

        InspectCommandTest.Result restarted = sweep(study, "0.05", "--restart");
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        JsonNode trials = new ObjectMapper().readTree(restarted.out()).get("trials");
        assertThat(trials).extracting(t -> t.get("name").asText()).containsExactly("lr_1.00e-02", "lr_5.00e-02");
        assertThat(trials).allSatisfy(t -> assertThat(t.get("done_before").asBoolean()).isFalse());
        assertThat(study.resolve("lr_1.00e-01")).doesNotExist(); // a trial of the old plan only
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"kind\": \"lr-sweep\", \"plan\": {\"tri", "{\"experiment\": \"another tool\"}",
            "[1, 2, 3]", "\u0000\u0001binary"})
    void anUnreadableOrForeignStudyFileNamesTheFixAndRestartRecovers(String content) throws Exception {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.writeString(study.resolve("study.json"), content);

        InspectCommandTest.Result blocked = sweep(study, "0.1");
        assertUserError(blocked, "study");
        assertThat(blocked.err()).contains(study.resolve("study.json").toString(), "--restart", "move " + study);

        InspectCommandTest.Result restarted = sweep(study, "0.1", "--restart");
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(Files.readString(study.resolve("study.json"))).contains("\"kind\" : \"lr-sweep\"");
    }

    @Test
    void aStudyFileThatIsNotEvenUtf8IsADamagedFileToo() throws Exception {
        Path study = Files.createDirectories(dir.resolve("study"));
        Files.write(study.resolve("study.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});

        InspectCommandTest.Result blocked = sweep(study, "0.1");
        assertUserError(blocked, "study");
        assertThat(blocked.err()).contains("is not valid JSON", "--restart");
    }

    @Test
    void aStudyFromAFolderThatDoesNotExistIsAUsageError() {
        InspectCommandTest.Result result = execute("study", "warmup", "--from", dir.resolve("nope").toString(),
                "--out", dir.resolve("w").toString());
        assertUserError(result, "study");
        assertThat(result.err()).contains("no such folder");
    }

    /** A command that fails the way a bug does, added to the real command line. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the index is corrupt");
        }
    }

    private static InspectCommandTest.Result executeWithBoom(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TunescopeCommand.newCommandLine();
        cli.addSubcommand(new Boom());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new InspectCommandTest.Result(code, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedFailureIsOneShortLineAndExit1WithTheTraceOnlyWhenVerbose() {
        InspectCommandTest.Result quiet = executeWithBoom("boom");
        assertOneLine(quiet, ExitCodes.ERROR, "boom");
        assertThat(quiet.err()).contains("unexpected failure: IllegalStateException: the index is corrupt",
                "--verbose");

        InspectCommandTest.Result verbose = executeWithBoom("boom", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(verbose.err()).contains("the index is corrupt", "\tat dev.tunescope.cli.CliFailureTest$Boom.call");
    }

    @Test
    void exportFormatsAreTakenInAnyCase() throws Exception {
        for (String format : new String[] {"yaml", "YAML", "Yaml"}) {
            Path out = dir.resolve("config-" + format + ".txt");
            InspectCommandTest.Result result = execute("export", Fixtures.resolve("tb/mlp_lr_sweep").toString(),
                    "--out", out.toString(), "--format", format);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(Files.readString(out)).contains("learning_rate");
        }
        InspectCommandTest.Result xml = execute("export", Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--out",
                dir.resolve("x.xml").toString(), "--format", "xml");
        assertUserError(xml, "export");
        assertThat(xml.err()).contains("JSON, YAML, HTML", "case-insensitive", "'xml'");
    }

    @Test
    void theOtherChoicesAreTakenInAnyCaseToo() throws Exception {
        InspectCommandTest.Result trained = execute(train("--lr", "0.05", "--steps", "2", "--workload", "MLP",
                "--optimizer", "AdamW", "--decay", "Cosine"));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(dir.resolve("run/run.json").toFile());
        assertThat(run.at("/workload/name").asText()).isEqualTo("mlp");
        assertThat(run.at("/hparams/optimizer").asText()).isEqualTo("adamw");
        assertThat(run.at("/hparams/schedule").asText()).isEqualTo("cosine");

        Path study = dir.resolve("study");
        InspectCommandTest.Result swept = execute("study", "LR-Sweep", "--count", "1", "--steps", "2", "--out",
                study.toString());
        assertThat(swept.exitCode()).as(swept.err()).isZero();
        assertThat(new ObjectMapper().readTree(study.resolve("study.json").toFile()).get("kind").asText())
                .isEqualTo("lr-sweep");
    }

    @Test
    void exportIntoAFolderThatDoesNotExistIsRefusedAndCreatesNothing() {
        Path missing = dir.resolve("no-such-dir");
        InspectCommandTest.Result result = execute("export", Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--out",
                missing.resolve("x.yaml").toString());
        assertUserError(result, "export");
        assertThat(result.err()).contains("the folder " + missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void theTopLevelHelpListsTheAppAndItsOptions() {
        InspectCommandTest.Result help = execute("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("[PATH]", "--dark", "--light", "--screenshots=DIR", "--verbose",
                "desktop app", "xvfb-run", "GTK 3", "Exit codes:");
        assertThat(help.out()).doesNotContain("\u001b");
    }

    @Test
    void aPathThatIsNotAFolderOrACommandIsOneLine() throws Exception {
        InspectCommandTest.Result typo = execute("inspcet");
        assertUserError(typo, "");
        assertThat(typo.err()).contains("no such folder or command: inspcet");
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(execute(file.toString()).err()).contains("is not a folder");
    }
}
