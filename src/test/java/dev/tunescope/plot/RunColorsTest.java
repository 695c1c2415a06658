package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunColorsTest {

    @Test
    void aRunKeepsItsColourWhateverElseIsAsked() {
        RunColors colors = new RunColors();
        String a = colors.colorOf("sweep/lr_0.1");
        String b = colors.colorOf("sweep/lr_0.01");
        colors.colorOf("other/lr_0.1");
        assertThat(colors.colorOf("sweep/lr_0.01")).isEqualTo(b);
        assertThat(colors.colorOf("sweep/lr_0.1")).isEqualTo(a).isEqualTo(Palette.color(0)).isNotEqualTo(b);
        colors.clear();
        assertThat(colors.colorOf("sweep/lr_0.01")).isEqualTo(Palette.color(0));
    }

    @Test
    void fourteenRunsGetFourteenDifferentColours() {
        RunColors colors = new RunColors();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 14; i++) {
            seen.add(colors.colorOf("run " + i));
        }
        assertThat(seen).hasSize(14);
    }

    @Test
    void labelsAddTheStudyOnlyWhereTwoRunsShareAName() {
        Map<String, String> labels = RunLabels.of(List.of(
                new RunLabels.Labelled("pre/lr_1.00e-02", "pre-ln", "lr_1.00e-02"),
                new RunLabels.Labelled("post/lr_1.00e-02", "post-ln", "lr_1.00e-02"),
                new RunLabels.Labelled("post/lr_1.00e-01", "post-ln", "lr_1.00e-01")));
        assertThat(labels).containsEntry("pre/lr_1.00e-02", "pre-ln / lr_1.00e-02")
                .containsEntry("post/lr_1.00e-02", "post-ln / lr_1.00e-02")
                .containsEntry("post/lr_1.00e-01", "lr_1.00e-01");
    }
}
