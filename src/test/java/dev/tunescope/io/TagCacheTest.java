package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TagCacheTest {

    /** The tag's bytes at an offset inside a larger buffer, as the decoder hands them over. */
    private static String lookUp(TagCache cache, String tag) {
        byte[] utf8 = tag.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[utf8.length + 7];
        System.arraycopy(utf8, 0, buffer, 3, utf8.length);
        return cache.get(buffer, 3, utf8.length);
    }

    @Test
    void aRepeatedTagIsTheSameStringAndOrderChangesDoNotConfuseIt() {
        TagCache cache = new TagCache();
        String loss = lookUp(cache, "train/loss");
        String norm = lookUp(cache, "train/grad_norm");
        assertThat(lookUp(cache, "train/loss")).isSameAs(loss);
        assertThat(lookUp(cache, "train/grad_norm")).isSameAs(norm);
        // out of the learned order: the guess (grad_norm after loss) is wrong and must not be returned
        assertThat(lookUp(cache, "train/loss")).isEqualTo("train/loss");
        assertThat(lookUp(cache, "eval/loss")).isEqualTo("eval/loss");
        assertThat(lookUp(cache, "train/loss")).isEqualTo("train/loss");
        assertThat(lookUp(cache, "train/lost")).isEqualTo("train/lost"); // same length, one byte apart
        assertThat(lookUp(cache, "")).isEmpty();
        assertThat(lookUp(cache, "durée")).isEqualTo("durée");
    }

    @Property
    void everyLookUpReturnsTheTagItsBytesSpell(@ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 299)
            Integer> order, @ForAll @Size(min = 300, max = 300) List<@StringLength(max = 12) String> tags) {
        // 300 tags over 256 slots: collisions and evictions happen, and a wrong guess must never be served
        TagCache cache = new TagCache();
        for (int i : order) {
            assertThat(lookUp(cache, tags.get(i))).isEqualTo(tags.get(i));
        }
    }
}
