package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from files that would take over a terminal: a folder named {@code ESC[2J ESC]0;TITLE BEL} (clear the
 * screen, retitle the window), with a carriage return, and a run whose hyperparameter and tag names hold ESC and
 * the C1 control U+009B (CSI). Text output shows them escaped; JSON output gives them back exact.
 */
class TerminalSafetyTest {
    private static final String HOSTILE_FOLDER = "run\u001b[2J\u001b]0;PWNED\u0007\rX";
    private static final String HOSTILE_HPARAM = "lr\u001b[31m\u009b1m";
    private static final String HOSTILE_TAG = "loss\u001b[8m";

    @TempDir
    Path dir;

    private Path run;

    @BeforeEach
    void writeAHostileRun() throws Exception {
        run = Files.createDirectories(dir.resolve(HOSTILE_FOLDER));
        ObjectMapper json = new ObjectMapper();
        Files.writeString(run.resolve("run.json"), json.writeValueAsString(json.createObjectNode()
                .put("name", "r\u001b[2J").put("status", "finished")
                .set("hparams", json.createObjectNode().put(HOSTILE_HPARAM, "0.1\u0007"))));
        Files.writeString(run.resolve("metrics.jsonl"), json.writeValueAsString(json.createObjectNode()
                .put("step", 1).put(HOSTILE_TAG, 0.5)) + "\n");
    }

    /** Every character is printable, or one of the line breaks and tabs of the layout. */
    private static void assertNoControlCharacters(String output) {
        assertThat(output.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))
                .as(output).isEmpty();
        assertThat(output).doesNotContain("\r" + "X");
    }

    @Test
    void inspectTextShowsControlCharactersEscaped() {
        InspectCommandTest.Result result = execute("inspect", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertNoControlCharacters(result.out());
        assertThat(result.out()).contains("run\\e[2J\\e]0;PWNED\\a\\rX", "lr\\e[31m\\u009b1m=0.1\\a", "loss\\e[8m");
    }

    @Test
    void inspectJsonKeepsTheNamesExact() throws Exception {
        InspectCommandTest.Result result = execute("inspect", dir.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertNoControlCharacters(result.out());
        assertThat(result.out()).doesNotContain("\u009b");
        JsonNode found = new ObjectMapper().readTree(result.out()).get("runs").get(0);
        assertThat(found.get("path").asText()).isEqualTo(HOSTILE_FOLDER);
        assertThat(found.get("hparams").fieldNames()).toIterable().containsExactly(HOSTILE_HPARAM);
        assertThat(found.get("hparams").get(HOSTILE_HPARAM).asText()).isEqualTo("0.1\u0007");
        assertThat(found.get("scalars").fieldNames()).toIterable().containsExactly(HOSTILE_TAG);
    }

    @Test
    void anErrorQuotingAHostilePathIsEscapedToo() {
        InspectCommandTest.Result result = execute("inspect", dir.resolve("no\u001b[2Jsuch").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertNoControlCharacters(result.err());
        assertThat(result.err()).contains("no\\e[2Jsuch");
    }

    @Test
    void theOutputFilterEscapesWhatANameSlippedPastButKeepsTheLayout() {
        StringWriter text = new StringWriter();
        PrintWriter out = TerminalText.filter(new PrintWriter(text));
        out.print("trial 1/2\r[###...] " + "\u001b]0;TITLE\u0007" + "\tdone\n");
        out.flush();

        assertThat(text.toString()).isEqualTo("trial 1/2\r[###...] \\e]0;TITLE\\a\tdone\n");
        assertThat(TerminalText.filter(out)).isSameAs(out);
    }

    @Test
    void sanitiseEscapesEveryKindOfControl() {
        assertThat(TerminalText.sanitise("a\u001bb\u0007c\rd\ne\tf\u0000g\u007fh\u009bi\u202ej\u2028k"))
                .isEqualTo("a\\eb\\ac\\rd\\ne\\tf\\x00g\\x7fh\\u009bi\\u202ej\\u2028k");
        assertThat(TerminalText.sanitise("lr_1.00e-02 ü 学习率")).isEqualTo("lr_1.00e-02 ü 学习率");
    }
}
