package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CharCorpusTest {

    @Test
    void theBundledCorpusIsTheReadmeAndTheApacheLicense() {
        CharCorpus corpus = CharCorpus.bundled();

        assertThat(corpus.name()).isEqualTo("tunescope-readme-and-apache-2.0-license");
        assertThat(corpus.description()).contains("README.md").contains("Apache License 2.0");
        assertThat(corpus.length()).isGreaterThan(20_000);
        String text = corpus.decode(corpus.encode(corpusTextOf(corpus)));
        assertThat(text).startsWith("# Tunescope").contains("Apache License").contains("Version 2.0, January 2004")
                .contains("END OF TERMS AND CONDITIONS");
        assertThat(corpus.sha256()).hasSize(64);
    }

    @Test
    void theVocabularyIsTheSortedDistinctCharacters() {
        CharCorpus corpus = CharCorpus.of("t", "test", "abracadabra");

        assertThat(corpus.vocabulary()).containsExactly('a', 'b', 'c', 'd', 'r');
        assertThat(corpus.encode("cab")).containsExactly(2, 0, 1);
        assertThat(corpus.decode(new int[] {4, 0})).isEqualTo("ra");
        assertThatThrownBy(() -> corpus.encode("z")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+007a");
    }

    @Test
    void theFirstNinetyPercentTrainsAndTheRestIsHeldOut() {
        CharCorpus corpus = CharCorpus.of("t", "test", "0123456789".repeat(10));

        assertThat(corpus.trainLength()).isEqualTo(90);
        assertThat(corpus.heldOutLength()).isEqualTo(10);
        assertThat(corpus.train(89)).isEqualTo(corpus.encode("9")[0]);
        assertThat(corpus.heldOut(0)).isEqualTo(corpus.encode("0")[0]);
        assertThatThrownBy(() -> corpus.train(90)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> corpus.heldOut(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String corpusTextOf(CharCorpus corpus) {
        StringBuilder out = new StringBuilder();
        char[] vocabulary = corpus.vocabulary();
        for (int i = 0; i < corpus.trainLength(); i++) {
            out.append(vocabulary[corpus.train(i)]);
        }
        for (int i = 0; i < corpus.heldOutLength(); i++) {
            out.append(vocabulary[corpus.heldOut(i)]);
        }
        return out.toString();
    }
}
