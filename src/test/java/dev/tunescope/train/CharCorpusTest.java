package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CharCorpusTest {

    @Test
    void theBundledCorpusIsWordNetsGlossesWithItsLicenceBeside() throws Exception {
        CharCorpus corpus = CharCorpus.bundled();

        assertThat(corpus.name()).isEqualTo("wordnet-3.0-glosses");
        assertThat(corpus.description()).contains("WordNet 3.0");
        assertThat(corpus.length()).isGreaterThan(10_000_000);
        assertThat(corpus.heldOutLength()).isGreaterThan(1_000_000);
        String text = corpusTextOf(corpus);
        // One synset a line, "words: gloss; examples", in both parts.
        assertThat(text.lines().limit(1000)).allMatch(line -> line.contains(": "));
        assertThat(text.substring(corpus.trainLength()).lines().skip(1).limit(1000))
                .allMatch(line -> line.contains(": "));
        assertThat(corpus.sha256()).hasSize(64);
        try (var licence = CharCorpus.class.getResourceAsStream("corpus/WORDNET-LICENSE.txt")) {
            assertThat(licence).isNotNull();
            assertThat(new String(licence.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("WordNet 3.0 Copyright 2006 by Princeton University");
        }
    }

    @Test
    void aCorpusWithMoreThan256DistinctCharactersIsRefused() {
        StringBuilder text = new StringBuilder();
        for (char c = 'a'; c < 'a' + 300; c++) {
            text.append(c);
        }

        assertThatThrownBy(() -> CharCorpus.of("wide", "test", text.toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("300 distinct characters");
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
