package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TagTableTest {

    /** The tag's bytes at an offset inside a larger buffer, as the decoder hands them over. */
    private static int idOf(TagTable table, String tag) {
        byte[] utf8 = tag.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[utf8.length + 7];
        System.arraycopy(utf8, 0, buffer, 3, utf8.length);
        return table.idOf(buffer, 3, utf8.length);
    }

    @Test
    void tagsAreNumberedInTheOrderFirstMetAndOrderChangesDoNotConfuseIt() {
        TagTable table = new TagTable();
        assertThat(idOf(table, "train/loss")).isEqualTo(0);
        assertThat(idOf(table, "train/grad_norm")).isEqualTo(1);
        assertThat(idOf(table, "train/loss")).isEqualTo(0);
        assertThat(idOf(table, "train/grad_norm")).isEqualTo(1);
        // out of the learned order: the guess (grad_norm after loss) is wrong and must not be returned
        assertThat(idOf(table, "train/loss")).isEqualTo(0);
        assertThat(idOf(table, "eval/loss")).isEqualTo(2);
        assertThat(idOf(table, "train/loss")).isEqualTo(0);
        assertThat(idOf(table, "train/lost")).isEqualTo(3); // same length, one byte apart
        assertThat(idOf(table, "")).isEqualTo(4);
        assertThat(idOf(table, "durée")).isEqualTo(5);
        assertThat(table.name(0)).isEqualTo("train/loss");
        assertThat(table.name(3)).isEqualTo("train/lost");
        assertThat(table.name(4)).isEmpty();
        assertThat(table.name(5)).isEqualTo("durée");
    }

    @Test
    void bytesAreComparedWholeWhateverTheirLength() {
        String base = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int length = 0; length <= base.length(); length++) {
            for (int differing = 0; differing < length; differing++) {
                byte[] key = base.substring(0, length).getBytes(StandardCharsets.UTF_8);
                byte[] data = new byte[length + 5];
                System.arraycopy(key, 0, data, 2, length);
                assertThat(TagTable.spells(key, data, 2, length)).isTrue();
                data[2 + differing] ^= 1;
                assertThat(TagTable.spells(key, data, 2, length)).as("length %d, byte %d", length, differing)
                        .isFalse();
            }
        }
    }

    @Test
    void pastTheMostTagsNewOnesGetNoNumberAndTheNumberedKeepTheirs() {
        TagTable table = new TagTable();
        for (int i = 0; i < TagTable.MAX_TAGS; i++) {
            assertThat(idOf(table, "tag/" + i)).isEqualTo(i);
        }
        assertThat(idOf(table, "one/too/many")).isEqualTo(TagTable.NONE);
        assertThat(idOf(table, "tag/7")).isEqualTo(7);
        assertThat(idOf(table, "tag/8")).isEqualTo(8);
    }

    @Property
    void everyTagGetsOneNumberAndItsName(@ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 299)
            Integer> order, @ForAll @Size(min = 300, max = 300) List<@StringLength(max = 12) String> tags) {
        // 300 tags, some equal: the table grows and rehashes, and a wrong guess must never be served
        TagTable table = new TagTable();
        List<String> numbered = new ArrayList<>();
        for (int i : order) {
            String tag = tags.get(i);
            int id = idOf(table, tag);
            if (!numbered.contains(tag)) {
                assertThat(id).as("a new tag gets the next number").isEqualTo(numbered.size());
                numbered.add(tag);
            }
            assertThat(id).isEqualTo(numbered.indexOf(tag));
            assertThat(table.name(id)).isEqualTo(tag);
        }
    }
}
