package dev.tunescope.cli;

import dev.tunescope.study.TrialExecutor;
import dev.tunescope.study.slurm.SlurmExecutor;
import dev.tunescope.study.slurm.SlurmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * What a Slurm job runs for one trial: this same {@code tunescope study} command line, for that trial alone and on
 * the node itself ({@code --only-trial NAME}, the local executor). The job plans the same study from the same
 * arguments (and the same files, on the shared file system), so it checks the same {@code study.json} and trains
 * exactly what a local study would. Options that say where trials run, or how this side reports, are left out.
 */
final class NodeCommand {
    /** Options of this side only: a restart or a plan print on a node would undo or skip the study's work. */
    private static final Set<String> THIS_SIDE_ONLY = Set.of("--restart", "--json", "--plan", "--only-trial");

    private NodeCommand() {
    }

    /**
     * The study's trials as Slurm jobs, each running {@code parsed} for its trial through {@code tunescope} and
     * training as {@code onTheNode} would; {@code plannedSteps} is a trial's length where it sets none.
     */
    static SlurmExecutor executor(TrialExecutor onTheNode, SlurmSettings settings, List<String> tunescope,
                                  ParseResult parsed, long plannedSteps) {
        return new SlurmExecutor(onTheNode, settings, trial -> forTrial(tunescope, parsed, trial.name()),
                plannedSteps);
    }

    static List<String> forTrial(List<String> tunescope, ParseResult parsed, String trial) {
        List<String> command = new ArrayList<>(tunescope);
        command.add(parsed.commandSpec().name());
        for (PositionalParamSpec positional : parsed.matchedPositionals()) {
            command.addAll(positional.originalStringValues());
        }
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName();
            if (SlurmOptions.OPTION_NAMES.contains(name) || THIS_SIDE_ONLY.contains(name)) {
                continue;
            }
            if (option.arity().max() == 0) {
                command.add(name); // a flag: given is all it says
                continue;
            }
            for (String value : option.originalStringValues()) {
                command.add(name + "=" + value); // one argument: a value that begins with "-" stays a value
            }
        }
        command.add("--only-trial=" + trial);
        return command;
    }
}
