package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTemplateTest {

    @Test
    void substitutesPlaceholdersInsideArgumentsIncludingSeveralInOne() {
        CommandTemplate template = CommandTemplate.of(List.of("python", "train.py", "--lr={lr}", "--lr", "{lr}",
                "--name", "run-{run_name}-s{seed}", "{out}/ckpt"));

        List<String> argv = template.render(Map.of("lr", "3e-4", "run_name", "a", "seed", "7", "out", "/runs/x"));

        assertThat(argv).containsExactly("python", "train.py", "--lr=3e-4", "--lr", "3e-4", "--name", "run-a-s7",
                "/runs/x/ckpt");
        assertThat(template.placeholders()).containsExactly("lr", "run_name", "seed", "out");
    }

    @Test
    void valuesAreInsertedVerbatimAndNeverSplit() {
        CommandTemplate template = CommandTemplate.parse("train --lr {lr} --tag x{run_name}y");

        List<String> argv = template.render(Map.of("lr", "1e-3; rm -rf ~", "run_name", " $HOME `id` {lr} \"q\" "));

        assertThat(argv).containsExactly("train", "--lr", "1e-3; rm -rf ~", "--tag", "x $HOME `id` {lr} \"q\" y");
    }

    @Test
    void anUnknownPlaceholderIsAnErrorNamingIt() {
        CommandTemplate template = CommandTemplate.parse("train --lr {lr} --wd {weight_decay} --m {momentum}");

        assertThatThrownBy(() -> template.render(Map.of("lr", "0.1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{weight_decay}").hasMessageContaining("{momentum}")
                .hasMessageNotContaining("{lr}");
    }

    @Test
    void otherBracesAreLiteralAndDoubledBracesEscapeAPlaceholder() {
        CommandTemplate template = CommandTemplate.of(List.of("train", "{\"lr\": {lr}}", "{{lr}}", "{}", "{1x}"));

        assertThat(template.render(Map.of("lr", "0.1")))
                .containsExactly("train", "{\"lr\": 0.1}", "{lr}", "{}", "{1x}");
        assertThat(template.placeholders()).containsExactly("lr");
    }

    @Test
    void aSingleLineSplitsOnWhitespaceAndQuotesKeepSpaces() {
        CommandTemplate template = CommandTemplate.parse(
                "  python  'my script.py'\t--name=\"a b\" --empty \"\" --mixed a'b c'd C:\\data\\x ~ $HOME *.py ; | ");

        assertThat(template.arguments()).containsExactly("python", "my script.py", "--name=a b", "--empty", "",
                "--mixed", "ab cd", "C:\\data\\x", "~", "$HOME", "*.py", ";", "|");
        assertThat(CommandTemplate.parse("say \"it's\" 'a \"b\"'").arguments())
                .containsExactly("say", "it's", "a \"b\"");
    }

    @Test
    void anUnclosedQuoteOrAnEmptyCommandIsRefused() {
        assertThatThrownBy(() -> CommandTemplate.parse("python 'train.py --lr {lr}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> CommandTemplate.parse("   "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("program");
    }

    @Test
    void aTrialProvidesEveryDocumentedPlaceholder() {
        TrialValues trial = new TrialValues(3e-4, 100, 1.0, 64, 2000, 7, "lr=3e-4");
        Path runDir = Path.of("/runs/study/lr=3e-4");

        Map<String, String> values = trial.placeholders(runDir);

        assertThat(values.keySet()).containsExactlyElementsOf(CommandTemplate.PLACEHOLDERS);
        assertThat(values).containsEntry("lr", "3e-4").containsEntry("warmup_steps", "100")
                .containsEntry("clip", "1").containsEntry("batch_size", "64").containsEntry("steps", "2000")
                .containsEntry("seed", "7").containsEntry("run_name", "lr=3e-4")
                .containsEntry("out", runDir.resolve("out").toString());
        CommandTemplate full = CommandTemplate.parse("python train.py --lr {lr} --warmup {warmup_steps} --clip {clip}"
                + " --bs {batch_size} --steps {steps} --out {out} --seed {seed} --name {run_name}");
        assertThat(full.render(values)).doesNotContain("{lr}").hasSize(18);
    }

    @Test
    void numbersAreWrittenShortAndReadableByAnyParser() {
        assertThat(TrialValues.number(0.001)).isEqualTo("0.001");
        assertThat(TrialValues.number(3e-4)).isEqualTo("3e-4");
        assertThat(TrialValues.number(1.5e-5)).isEqualTo("1.5e-5");
        assertThat(TrialValues.number(0.5)).isEqualTo("0.5");
        assertThat(TrialValues.number(2)).isEqualTo("2");
        assertThat(TrialValues.number(1e20)).isEqualTo("1e20");
        assertThat(Double.parseDouble(TrialValues.number(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
    }
}
