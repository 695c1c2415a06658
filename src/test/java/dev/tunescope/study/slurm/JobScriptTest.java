package dev.tunescope.study.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job script is run by a real {@code /bin/sh}: every argument must arrive exactly as it was given. */
class JobScriptTest {
    @TempDir
    Path dir;

    @Test
    void everyArgumentReachesTheCommandAsItWasWhateverItHolds() throws Exception {
        List<String> awkward = List.of("plain", "two words", "it's", "'", "''", "$HOME", "`id`", "$(id)", "a;b|c&d",
                "*", "~", "back\\slash", "\"quoted\"", "line\nbreak", "", "--out={out}", "tab\there", "ünïcode");
        List<String> command = new ArrayList<>(List.of("/usr/bin/printf", "[%s]\\n"));
        command.addAll(awkward);
        Path script = JobScript.write(dir, "a comment\nwith a line break", command);

        Process sh = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).as(out).isZero();

        StringBuilder expected = new StringBuilder();
        awkward.forEach(argument -> expected.append('[').append(argument).append("]\n"));
        assertThat(out).isEqualTo(expected.toString());
    }
}
