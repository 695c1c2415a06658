package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExportFormatTest {
    @Test
    void aNameWithoutTheFormatsExtensionGetsIt() {
        assertThat(ExportFormat.HTML.fileFor(Path.of("out", "report"))).isEqualTo(Path.of("out", "report.html"));
        assertThat(ExportFormat.YAML.fileFor(Path.of("run.v2"))).isEqualTo(Path.of("run.v2.yaml"));
    }

    @Test
    void aNameWithOneOfItsExtensionsIsKept() {
        assertThat(ExportFormat.YAML.fileFor(Path.of("c.YML"))).isEqualTo(Path.of("c.YML"));
        assertThat(ExportFormat.HTML.fileFor(Path.of("r.htm"))).isEqualTo(Path.of("r.htm"));
    }

    @Test
    void aTypedExtensionNamesItsFormat() {
        assertThat(ExportFormat.ofName("report.HTML")).contains(ExportFormat.HTML);
        assertThat(ExportFormat.ofName("config.json")).contains(ExportFormat.JSON);
        assertThat(ExportFormat.ofName("report")).isEmpty();
        assertThat(ExportFormat.ofName("notes.txt")).isEmpty();
    }

    @Test
    void aTypedExtensionWinsOverTheChosenFormatAndABareNameTakesTheChosenOne() {
        assertThat(ExportFormat.forSave("report.html", java.util.Optional.of(ExportFormat.YAML)))
                .isEqualTo(ExportFormat.HTML);
        assertThat(ExportFormat.forSave("report", java.util.Optional.of(ExportFormat.HTML))).isEqualTo(ExportFormat.HTML);
        assertThat(ExportFormat.forSave("report", java.util.Optional.empty())).isEqualTo(ExportFormat.YAML);
        assertThat(ExportFormat.ofTitle("Report (HTML)")).contains(ExportFormat.HTML);
    }
}
