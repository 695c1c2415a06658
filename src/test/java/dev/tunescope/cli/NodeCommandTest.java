package dev.tunescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a Slurm job runs is the study's own command line for one trial, without this side's options. */
class NodeCommandTest {

    private static List<String> forTrial(String... args) {
        CommandLine cli = TunescopeCommand.newCommandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args).subcommand();
        return NodeCommand.forTrial(List.of("tunescope"), parsed, "lr_1.00e-02");
    }

    @Test
    void keepsWhatTheStudyIsAndDropsWhereAndHowItRuns() {
        List<String> node = forTrial("study", "lr-sweep", "--lr-min", "0.01", "--count=3", "--nesterov", "--out",
                "runs/a b", "--command", "python3 train.py --lr {lr} --out {out}", "--executor", "slurm",
                "--partition", "gpu", "--gres=gpu:1", "--time", "2:00:00", "--slurm-arg", "--mem=8G",
                "--slurm-arg=--qos=high", "--max-running", "4", "--poll", "2", "--restart", "--json");

        assertThat(node).startsWith("tunescope", "study", "lr-sweep").endsWith("--only-trial=lr_1.00e-02")
                .contains("--lr-min=0.01", "--count=3", "--nesterov", "--out=runs/a b",
                        "--command=python3 train.py --lr {lr} --out {out}")
                .noneMatch(arg -> arg.startsWith("--executor") || arg.startsWith("--partition")
                        || arg.startsWith("--gres") || arg.startsWith("--time") || arg.startsWith("--slurm-arg")
                        || arg.startsWith("--max-running") || arg.startsWith("--poll") || arg.startsWith("--mem")
                        || arg.startsWith("--qos") || arg.equals("--restart") || arg.equals("--json"));
    }

    @Test
    void aValueThatBeginsWithADashStaysAValue() {
        assertThat(forTrial("study", "lr-sweep", "--out", "s", "--lr-min", "-1e-3"))
                .contains("--lr-min=-1e-3");
    }
}
