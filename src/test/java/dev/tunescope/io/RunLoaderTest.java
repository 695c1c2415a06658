package dev.tunescope.io;

import dev.tunescope.run.InOrderPool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.RunCopies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder within a heap budget, and saying what was left out and what could not be searched. */
class RunLoaderTest {
    private static final Path LIGHTNING = Fixtures.resolve("lightning_csv/lightning_logs/version_0");

    @TempDir
    Path root;

    private long oneRun() throws IOException {
        return RunFootprint.of(RunLoader.loadAll(LIGHTNING).get(0));
    }

    @Test
    void runsAreReadInPathOrderUntilTheBudgetIsReachedAndTheRestAreNamed() throws IOException {
        for (int i = 0; i < 10; i++) {
            RunCopies.copy(LIGHTNING, root.resolve("run_" + i));
        }
        LoadBudget budget = new LoadBudget(oneRun() * 5 / 2, Long.MAX_VALUE, 8L << 30);

        LoadResult result = RunLoader.load(root, budget);

        assertThat(result.runs()).extracting(Run::path).containsExactly("run_0", "run_1", "run_2");
        assertThat(result.leftOut()).containsExactly("run_3", "run_4", "run_5", "run_6", "run_7", "run_8", "run_9");
        assertThat(result.found()).isEqualTo(10);
        assertThat(result.leftOutNotice()).contains("read 3 of 10 runs: the heap budget (" + (budget.bytes() >> 10)
                + " KB of the 8.0 GB heap) was reached; left out: run_3, run_4, run_5, run_6, run_7 and 2 more"
                + " (run with a larger -Xmx, or open a sub-folder)");
    }

    /** A budget that can list three runs, none of them wholly read: listing stops there and says so. */
    @Test
    void aFolderOfMoreRunsThanTheHeapCanListStopsSearchingWithAWarning() throws IOException {
        for (int i = 0; i < 10; i++) {
            RunCopies.copy(LIGHTNING, root.resolve("run_" + i));
        }
        LoadBudget budget = new LoadBudget(3 * (RunFootprint.PER_LOCATION + RunFootprint.PER_RUN), Long.MAX_VALUE,
                1L << 30);

        LoadResult result = RunLoader.load(root, budget);

        assertThat(result.found()).isEqualTo(3);
        assertThat(result.runs()).hasSize(1);
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).matches("run_\\d");
            assertThat(w.message()).isEqualTo("searching stopped here after 3 runs, the most this heap can list, so"
                    + " folders not yet searched were not read (run with a larger -Xmx, or open a sub-folder)");
        });
        assertThat(result.notices()).hasSize(2);
    }

    @Test
    void aFolderThatFitsIsReadWholeWithNoNotice() throws IOException {
        RunCopies.copy(LIGHTNING, root.resolve("a"));
        RunCopies.copy(LIGHTNING, root.resolve("b"));
        LoadResult result = RunLoader.load(root);
        assertThat(result.runs()).hasSize(2);
        assertThat(result.notices()).isEmpty();
        assertThat(RunLoader.loadAll(root)).hasSize(2);
    }

    @Test
    void sourcesKeptForRefreshingAreReadWithinTheBudgetToo() throws IOException {
        RunCopies.copy(LIGHTNING, root.resolve("a"));
        RunCopies.copy(LIGHTNING, root.resolve("b"));
        List<RunSource> sources = RunDiscovery.discover(root);
        LoadResult result = RunLoader.refreshAll(root, sources, new LoadBudget(1, Long.MAX_VALUE, 1L << 30));
        assertThat(result.runs()).extracting(Run::path).containsExactly("a");
        assertThat(result.leftOut()).containsExactly("b");
        assertThat(sources).hasSize(2);
    }

    /** A mixed tree read on several threads: the same runs, in the same order, as one thread reads them. */
    @Test
    void aFolderReadOnSeveralThreadsGivesWhatOneThreadGives() throws IOException {
        mixedTree(4);
        LoadResult one = RunLoader.load(root, LoadBudget.ofHeap(), 1);
        LoadResult three = RunLoader.load(root, LoadBudget.ofHeap(), 3);

        assertThat(one.runs()).hasSizeGreaterThan(20);
        assertThat(summaries(three)).isEqualTo(summaries(one));
        assertThat(three.warnings()).isEqualTo(one.warnings());
        assertThat(three.heldBytes()).isEqualTo(one.heldBytes());
    }

    /** Runs read ahead past the budget's cut are dropped: the cut falls where it falls on one thread. */
    @Test
    void theBudgetCutsAFolderReadOnSeveralThreadsWhereItCutsOnOne() throws IOException {
        mixedTree(3);
        long all = RunLoader.load(root, LoadBudget.ofHeap(), 1).heldBytes();
        for (long bytes : new long[] {all / 5, all / 3, all / 2}) {
            LoadBudget budget = new LoadBudget(bytes, Long.MAX_VALUE, 8L << 30);
            LoadResult one = RunLoader.load(root, budget, 1);
            LoadResult three = RunLoader.load(root, budget, 3);

            assertThat(one.leftOut()).isNotEmpty();
            assertThat(three.leftOut()).isEqualTo(one.leftOut());
            assertThat(summaries(three)).isEqualTo(summaries(one));
        }
    }

    /** Folders looked into on several threads: the search stops at the same folder, with the same runs listed. */
    @Test
    void aSearchOnSeveralThreadsStopsWhereOneThreadStops() throws IOException {
        mixedTree(3);
        for (int most : new int[] {1, 7, 20}) {
            RunDiscovery.Found one = RunDiscovery.find(root, most, 1);
            RunDiscovery.Found three = RunDiscovery.find(root, most, 3);

            assertThat(one.runs()).hasSize(most);
            assertThat(three.runs()).isEqualTo(one.runs());
            assertThat(three.warnings()).isEqualTo(one.warnings()).hasSize(1);
        }
    }

    /** A listener that throws (a cancellation) stops the reading, and no reading thread is left behind. */
    @Test
    void aListenerThatThrowsStopsAReadOnSeveralThreads() throws IOException, InterruptedException {
        mixedTree(3);
        List<RunSource> sources = RunDiscovery.discover(root);
        List<String> told = new java.util.ArrayList<>();
        RunLoader.ReadListener cancelAtThird = (run, done, total) -> {
            told.add(run.path());
            if (done == 3) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
        };
        System.setProperty(InOrderPool.THREADS_PROPERTY, "3");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunLoader.refreshAll(root, sources,
                    LoadBudget.ofHeap(), cancelAtThird)).isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            System.clearProperty(InOrderPool.THREADS_PROPERTY);
        }
        assertThat(told).containsExactlyElementsOf(sources.stream().limit(3).map(RunSource::path).toList());
        Thread.sleep(100); // a pool's threads end just after it says it has terminated
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("tunescope-work-")
                && t.isAlive());
    }

    /** Copies of the shared fixture tree: TensorBoard, Lightning and Keras CSV and MLflow runs side by side. */
    private void mixedTree(int copies) throws IOException {
        for (int i = 0; i < copies; i++) {
            for (String part : new String[] {"tb", "lightning_csv", "keras_csv", "mlflow"}) {
                RunCopies.copy(Fixtures.resolve(part), root.resolve("copy_" + i).resolve(part));
            }
        }
    }

    /** Each run as its path, format, point counts by tag and warnings, in the order read. */
    private static List<String> summaries(LoadResult result) {
        return result.runs().stream().map(run -> run.path() + " " + run.format() + " " + run.hyperparameters() + " "
                + run.scalars().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList() + " "
                + run.histograms().keySet() + " " + run.warnings()).toList();
    }

    /**
     * A run nested deeper than PATH_MAX (4096 bytes on Linux) cannot be opened by its path. The tree is built
     * shallow and wrapped in parent folders by renames, so that no path used to build it is too long.
     */
    @Test
    void aPathLongerThanTheSystemAllowsIsSkippedWithAWarning() throws IOException {
        Path deep = Files.createDirectories(root.resolve("tree"));
        RunCopies.copy(LIGHTNING, deep.resolve("run"));
        String longName = "d".repeat(250);
        for (int level = 0; level < 18; level++) {
            Path parent = Files.createDirectory(root.resolve("parent"));
            Files.move(root.resolve("tree"), parent.resolve(longName));
            Files.move(parent, root.resolve("tree"));
        }
        RunCopies.copy(LIGHTNING, root.resolve("shallow"));
        try {
            LoadResult result = RunLoader.load(root);

            assertThat(result.runs()).extracting(Run::path).containsExactly("shallow");
            assertThat(result.warnings()).singleElement().satisfies(w -> {
                assertThat(w.file()).startsWith("tree/ddd").contains("...").endsWith(" characters)");
                assertThat(w.file().length()).isLessThan(200);
                assertThat(w.message()).isEqualTo("could not be read (file name too long); any runs in it were not"
                        + " found");
            });
            assertThat(result.notices()).containsExactly(result.warnings().get(0).toString());
        } finally {
            for (int level = 0; level < 18; level++) { // unwrapped again, so that the folder can be deleted
                Path parent = Files.move(root.resolve("tree"), root.resolve("parent"));
                Files.move(parent.resolve(longName), root.resolve("tree"));
                Files.delete(parent);
            }
        }
    }

    @Test
    void aNamedPipeOpenedAsTheFolderIsAWarning() throws Exception {
        Path pipe = dev.tunescope.testing.NamedPipes.make(root.resolve("runs"));
        LoadResult result = RunLoader.load(pipe);
        assertThat(result.runs()).isEmpty();
        assertThat(result.warnings()).containsExactly(ReadWarning.wholeFile(pipe.toString(),
                "is a named pipe (FIFO), not a regular file, so it was not read"));
    }
}
