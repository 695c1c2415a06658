package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hyperparameters of a Lightning run: from {@code hparams.yaml}, read safely, else from the folder name. */
class LightningHparamsTest {
    @TempDir
    Path root;
    Path run;

    @BeforeEach
    void runFolder() throws IOException {
        run = Files.createDirectory(root.resolve("lr=0.5,warmup=10"));
        Files.writeString(run.resolve("metrics.csv"), "epoch,step,loss\n0,0,1.0\n");
    }

    private Run read(String hparamsYaml) throws IOException {
        Files.writeString(run.resolve("hparams.yaml"), hparamsYaml);
        return new LightningCsvSource(run, "runs/x").refresh();
    }

    @Test
    void scalarsKeepTheirTypesAndNestedKeysAreDotted() throws IOException {
        Run read = read("""
                batch_size: 64
                lr: 1.0e-05
                name: sgd
                nesterov: false
                optimizer:
                  momentum: 0.9
                  betas:
                    first: 0.8
                layers: [64, 64]
                note: null
                """);
        Hyperparameters hp = read.hyperparameters();
        assertThat(hp.source()).isEqualTo("hparams.yaml");
        assertThat(hp.values()).containsOnlyKeys("batch_size", "lr", "name", "nesterov", "optimizer.momentum",
                "optimizer.betas.first", "layers", "note");
        assertThat(hp.get("batch_size")).contains(new HyperparameterValue.Number(64));
        assertThat(hp.number("lr")).contains(1.0e-5);
        assertThat(hp.get("name")).contains(new HyperparameterValue.Text("sgd"));
        assertThat(hp.get("nesterov")).contains(new HyperparameterValue.Flag(false));
        assertThat(hp.number("optimizer.momentum")).contains(0.9);
        assertThat(hp.number("optimizer.betas.first")).contains(0.8);
        assertThat(hp.get("layers")).contains(new HyperparameterValue.Text("[64,64]"));
        assertThat(hp.get("note")).contains(new HyperparameterValue.Text("null"));
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void pythonTypeTagsConstructNothing() throws IOException {
        Run read = read("""
                lr: 0.1
                shape: !!python/tuple [1, 2]
                args: !!python/object:argparse.Namespace {seed: 3}
                cmd: !!python/object/apply:os.system ["touch pwned"]
                """);
        Hyperparameters hp = read.hyperparameters();
        assertThat(hp.number("lr")).contains(0.1);
        assertThat(hp.number("args.seed")).contains(3.0);
        assertThat(hp.get("shape")).contains(new HyperparameterValue.Text("[1,2]"));
        assertThat(hp.get("cmd")).contains(new HyperparameterValue.Text("[\"touch pwned\"]"));
        assertThat(Files.exists(Path.of("pwned"))).isFalse();
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void missingOrEmptyFileFallsBackToTheFolderName() throws IOException {
        Run noFile = new LightningCsvSource(run, "runs/x").refresh();
        assertThat(noFile.hyperparameters().source()).isEqualTo(FolderNameHyperparameters.SOURCE);
        assertThat(noFile.hyperparameters().number("lr")).contains(0.5);
        assertThat(noFile.hyperparameters().number("warmup")).contains(10.0);
        assertThat(noFile.warnings()).isEmpty();

        Run empty = read("{}\n");
        assertThat(empty.hyperparameters().source()).isEqualTo(FolderNameHyperparameters.SOURCE);
        assertThat(empty.warnings()).isEmpty();
    }

    @Test
    void brokenYamlIsAWarningAndTheFolderNameStandsIn() throws IOException {
        Run broken = read("lr: [0.1\nmomentum: 0.9\n");
        assertThat(broken.hyperparameters().number("lr")).as("from the folder name").contains(0.5);
        assertThat(broken.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("runs/x/hparams.yaml");
            assertThat(w.message()).startsWith("is not valid YAML");
        });
        assertThat(broken.scalars()).containsOnlyKeys("loss");
    }

    @Test
    void aListInsteadOfAMappingIsAWarning() throws IOException {
        Run list = read("- 0.1\n- 0.9\n");
        assertThat(list.hyperparameters().source()).isEqualTo(FolderNameHyperparameters.SOURCE);
        assertThat(list.warnings()).containsExactly(ReadWarning.wholeFile("runs/x/hparams.yaml",
                "holds a array, not a mapping of names to values"));
    }

    @Test
    void anEditedFileIsReadAgain() throws IOException {
        Path yaml = run.resolve("hparams.yaml");
        Files.writeString(yaml, "lr: 0.1\n");
        LightningCsvSource source = new LightningCsvSource(run, "runs/x");
        assertThat(source.refresh().hyperparameters().number("lr")).contains(0.1);
        Files.writeString(yaml, "lr: 0.2\n");
        Files.setLastModifiedTime(yaml, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(source.refresh().hyperparameters().number("lr")).contains(0.2);
        Files.delete(yaml);
        assertThat(source.refresh().hyperparameters().number("lr")).as("back to the folder name").contains(0.5);
    }

    /** Type tags on values of the wrong kind, and a bad escape: one line each, in words, naming no Java class. */
    @Test
    void yamlProblemsAreOneLineInWordsWithoutTheParsersClassNames() throws IOException {
        assertThat(read("lr: 0.1\nscheduler: !!map [1]\n").warnings()).singleElement().extracting(ReadWarning::message)
                .isEqualTo("is not valid YAML (a type tag (!!map, !!seq or !!str) is written on a value of another"
                        + " kind)");
        assertThat(read("lr: !!float fast\n").warnings()).singleElement().extracting(ReadWarning::message)
                .isEqualTo("is not valid YAML (a number tag (!!int or !!float) is written on a value that is not a"
                        + " number)");
        assertThat(read("name: \"\\x\"\n").warnings()).singleElement().extracting(ReadWarning::message)
                .isEqualTo("is not valid YAML (expected escape sequence of 2 hexadecimal numbers, but found: \" at"
                        + " line 1, column 10)");
    }

    /** PyYAML keeps a repeated key's last value without a word; SnakeYAML logged a warning to stderr for it. */
    @Test
    void aRepeatedKeyKeepsItsLastValueAndLogsNothing() throws IOException {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(handler);
        try {
            Run read = read("lr: 0.1\nlr: 0.2\n");
            assertThat(read.hyperparameters().number("lr")).contains(0.2);
            assertThat(read.warnings()).isEmpty();
        } finally {
            Logger.getLogger("").removeHandler(handler);
        }
        assertThat(logged).isEmpty();
    }

    /** What PyYAML 6.0.3's {@code yaml.dump} writes for a list and a mapping that two keys share. */
    @Test
    void aliasesStandForTheValuesTheirAnchorsName() throws IOException {
        Run read = read("""
                betas: &id001
                - 0.9
                - 0.999
                ema:
                  scheduler: &id002
                    name: cosine
                    warmup: 100
                lr: 0.001
                optimizer:
                  betas: *id001
                  name: adamw
                scheduler: *id002
                """);
        Hyperparameters hp = read.hyperparameters();
        assertThat(hp.get("optimizer.betas")).contains(new HyperparameterValue.Text("[0.9,0.999]"));
        assertThat(hp.get("scheduler.name")).contains(new HyperparameterValue.Text("cosine"));
        assertThat(hp.number("scheduler.warmup")).contains(100.0);
        assertThat(hp.values()).doesNotContainKey("scheduler");
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void aRecursiveAliasLeavesOutItsKeyOnly() throws IOException {
        Run read = read("lr: 0.1\nloop: &l [1, *l]\n");
        assertThat(read.hyperparameters().number("lr")).contains(0.1);
        assertThat(read.hyperparameters().values()).doesNotContainKey("loop");
        assertThat(read.warnings()).containsExactly(ReadWarning.wholeFile("runs/x/hparams.yaml", "key 'loop' was"
                + " left out: an alias refers to a value that holds the alias itself (a recursive structure)"));
    }

    @Test
    void anAliasBombLeavesOutTheKeysThatExplodeAndKeepsTheRest() throws IOException {
        StringBuilder yaml = new StringBuilder("lr: 0.1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        Run read = read(yaml.toString()); // a4 would hold 10^5 strings, a11 10^12
        assertThat(read.hyperparameters().number("lr")).contains(0.1);
        assertThat(read.hyperparameters().values()).containsKeys("a0", "a3").doesNotContainKeys("a4", "a11");
        assertThat(read.warnings()).containsExactly(ReadWarning.wholeFile("runs/x/hparams.yaml", "keys 'a4', 'a5',"
                + " 'a6', 'a7', 'a8' and 3 more were left out: their aliases expand to more than 100000 values"
                + " (an alias bomb?)"));
    }
}
