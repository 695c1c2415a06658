package dev.tunescope.cli;

import dev.tunescope.io.LoadBudget;
import dev.tunescope.io.RunCache;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tunescope cache [--clear]}: where the run cache is and what it holds, or removing it. */
@Command(name = "cache", mixinStandardHelpOptions = true,
        description = {"Show the run cache (the points of TensorBoard runs read before, kept so that reopening a"
                + " folder parses only what was appended since), or clear it.",
                "Settings: -D" + RunCache.PROPERTY + "=DIR or =off, -D" + RunCache.MAX_PROPERTY
                        + "=GB (default 32), given to java (for ./tunescope, through JAVA_TOOL_OPTIONS)."})
public final class CacheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clear", description = "Remove every entry that no running Tunescope is using.")
    boolean clear;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunCache cache = RunCache.fromSettings();
        if (!cache.enabled()) {
            out.println("the run cache is off (-D" + RunCache.PROPERTY + "=off)");
            return ExitCodes.OK;
        }
        if (clear) {
            long freed = cache.clear();
            out.println("removed " + gigabytes(freed) + " from " + cache.root() + "; " + gigabytes(cache.sizeBytes())
                    + " left (entries in use)");
        } else {
            out.println(cache.root() + ": " + gigabytes(cache.sizeBytes()) + " of at most "
                    + gigabytes(cache.maxBytes()));
        }
        return ExitCodes.OK;
    }

    private static String gigabytes(long bytes) {
        return LoadBudget.size(bytes);
    }
}
