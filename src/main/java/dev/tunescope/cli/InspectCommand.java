package dev.tunescope.cli;

import dev.tunescope.io.LoadResult;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tunescope inspect PATH [--json]}: what Tunescope reads from a folder of runs. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "List every run found under PATH: format, hyperparameters, a summary of each metric, warnings.")
public final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", converter = FolderArgument.class,
            description = "A folder of runs (searched at any depth) or one run; ssh://[user@]host[:port]/path reads it"
                    + " over SFTP.")
    Path path;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.exists(path)) {
            throw new UserError("no such file or folder: " + path);
        }
        LoadResult loaded = RunLoader.load(path);
        loaded.notices().forEach(spec.commandLine().getErr()::println);
        List<Run> runs = loaded.runs();
        if (json) {
            out.println(InspectReport.json(runs));
        } else {
            out.print(InspectReport.text(runs));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
