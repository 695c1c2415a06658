package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        Collections.shuffle(list, new java.util.Random(7));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void wholeNumbersSortByValue() {
        assertThat(sorted("batch_128", "batch_16", "batch_256", "batch_32", "batch_512", "batch_64", "batch_8"))
                .containsExactly("batch_8", "batch_16", "batch_32", "batch_64", "batch_128", "batch_256", "batch_512");
    }

    @Test
    void scientificNotationIsOneNumber() {
        assertThat(sorted("lr_1e-3", "lr_3e-4", "lr_1e-4", "lr_3.16e-3", "lr_1e-2"))
                .containsExactly("lr_1e-4", "lr_3e-4", "lr_1e-3", "lr_3.16e-3", "lr_1e-2");
        assertThat(sorted("lr_1.00e-02_clip_3.99", "lr_1.00e-02_clip_1.42", "lr_1.00e-02_noclip", "lr_1.00e-03_clip_1"))
                .containsExactly("lr_1.00e-03_clip_1", "lr_1.00e-02_clip_1.42", "lr_1.00e-02_clip_3.99",
                        "lr_1.00e-02_noclip");
    }

    @Test
    void textIsCaseFoldedAndTiesFallBackToStringOrder() {
        assertThat(sorted("Run_2", "run_10", "run_1")).containsExactly("run_1", "Run_2", "run_10");
        assertThat(NaturalOrder.INSTANCE.compare("lr_0.01", "lr_1e-2")).isNotZero();
        assertThat(sorted("warmup", "warmup_0")).containsExactly("warmup", "warmup_0");
        assertThat(sorted("eval", "v2")).containsExactly("eval", "v2");
    }

    @Property
    void theOrderIsAntisymmetricAndConsistentWithEquals(@ForAll @StringLength(max = 8) String a,
                                                         @ForAll @StringLength(max = 8) String b) {
        int ab = NaturalOrder.INSTANCE.compare(a, b);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(NaturalOrder.INSTANCE.compare(b, a)));
        assertThat(ab == 0).isEqualTo(a.equals(b));
    }
}
