package dev.tunescope.testing;

import dev.tunescope.io.LoadResult;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.nio.file.Path;

/**
 * {@code LoadFolder PATH}: reads a folder as the command line does and prints what it held, one figure a line
 * ({@code runs 3}, {@code series 150000}, {@code points 150000}, {@code warnings 0}), then every notice. Run in a
 * small-heap child JVM by {@link SmallHeapJvm}.
 */
public final class LoadFolder {
    private LoadFolder() {
    }

    public static void main(String[] args) throws Exception {
        LoadResult result = RunLoader.load(Path.of(args[0]));
        long series = 0;
        long points = 0;
        long warnings = 0;
        for (Run run : result.runs()) {
            series += run.scalars().size();
            points += run.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
            warnings += run.warnings().size();
            run.warnings().forEach(w -> System.out.println("warning " + w));
        }
        System.out.println("runs " + result.runs().size());
        System.out.println("series " + series);
        System.out.println("points " + points);
        System.out.println("warnings " + warnings);
        result.notices().forEach(line -> System.out.println("notice " + line));
    }
}
