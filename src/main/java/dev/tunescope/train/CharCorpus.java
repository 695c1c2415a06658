package dev.tunescope.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * A text for a character-level language model: its vocabulary (the distinct characters, sorted), the text as
 * token ids, and a split by position into a training part (the first 90%) and a held-out part (the last 10%).
 *
 * <p>The bundled corpus is the glosses of WordNet 3.0 (Princeton University): one line per synset, its words and
 * their definition and usage examples, about 11.5 million characters, shuffled by synset so that the held-out tenth
 * is the same mix as the rest. WordNet's licence allows copying and redistribution with its notice, which is
 * shipped beside the text ({@code corpus/WORDNET-LICENSE.txt}); {@code corpus/make-wordnet-corpus.sh} rebuilds it.
 * It is large enough that a short run sees each character once at most, so the eval loss tracks the train loss as
 * on a real pre-training run instead of a small text being memorised.
 *
 * <p>Token ids are kept as bytes, so a vocabulary has at most 256 characters.
 */
public final class CharCorpus {

    /** The share of the text, from its start, that is training data; the rest is held out. */
    public static final double TRAIN_FRACTION = 0.9;

    /** The most distinct characters a corpus may have: token ids are stored as unsigned bytes. */
    public static final int MAX_VOCABULARY = 256;

    private static final String BUNDLED_RESOURCE = "corpus/wordnet-3.0-glosses.txt.gz";

    private static volatile CharCorpus bundled;

    private final String name;
    private final String description;
    private final char[] vocabulary;
    private final byte[] tokens;
    private final int trainLength;
    private final String sha256;

    private CharCorpus(String name, String description, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the corpus text is empty");
        }
        this.name = name;
        this.description = description;
        this.vocabulary = text.chars().distinct().sorted().collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray();
        if (vocabulary.length > MAX_VOCABULARY) {
            throw new IllegalArgumentException("the corpus " + name + " has " + vocabulary.length
                    + " distinct characters; at most " + MAX_VOCABULARY + " are supported");
        }
        this.tokens = new byte[text.length()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (byte) Arrays.binarySearch(vocabulary, text.charAt(i));
        }
        this.trainLength = (int) Math.round(tokens.length * TRAIN_FRACTION);
        this.sha256 = sha256(text);
    }

    /** A corpus over the given text; its vocabulary is the characters it contains. */
    public static CharCorpus of(String name, String description, String text) {
        return new CharCorpus(name, description, text);
    }

    /** The corpus shipped as a classpath resource: WordNet 3.0's glosses. */
    public static CharCorpus bundled() {
        CharCorpus corpus = bundled;
        if (corpus == null) {
            synchronized (CharCorpus.class) {
                corpus = bundled;
                if (corpus == null) {
                    corpus = new CharCorpus("wordnet-3.0-glosses",
                            "the glosses of WordNet 3.0 (Princeton University, WordNet 3.0 licence), one synset a"
                                    + " line, shuffled by synset", readResource(BUNDLED_RESOURCE));
                    bundled = corpus;
                }
            }
        }
        return corpus;
    }

    public String name() {
        return name;
    }

    /** Which text this is, in words. */
    public String description() {
        return description;
    }

    /** The SHA-256 of the text (UTF-8), in hex: which exact text a run trained on. */
    public String sha256() {
        return sha256;
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    /** The characters, sorted; a character's token id is its index here. */
    public char[] vocabulary() {
        return vocabulary.clone();
    }

    /** The number of characters in the whole text. */
    public int length() {
        return tokens.length;
    }

    public int trainLength() {
        return trainLength;
    }

    public int heldOutLength() {
        return tokens.length - trainLength;
    }

    /** The token ids of {@code text}; every character must be in the vocabulary. */
    public int[] encode(String text) {
        int[] out = new int[text.length()];
        for (int i = 0; i < out.length; i++) {
            int id = Arrays.binarySearch(vocabulary, text.charAt(i));
            if (id < 0) {
                throw new IllegalArgumentException("character U+" + HexFormat.of().toHexDigits(text.charAt(i))
                        + " is not in the vocabulary of " + name);
            }
            out[i] = id;
        }
        return out;
    }

    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int id : ids) {
            out.append(vocabulary[id]);
        }
        return out.toString();
    }

    /** Token id {@code i} of the training part (0-based from its start). */
    int train(int i) {
        if (i < 0 || i >= trainLength) {
            throw new IndexOutOfBoundsException(i);
        }
        return Byte.toUnsignedInt(tokens[i]);
    }

    /** Token id {@code i} of the held-out part (0-based from its start). */
    int heldOut(int i) {
        if (i < 0 || i >= heldOutLength()) {
            throw new IndexOutOfBoundsException(i);
        }
        return Byte.toUnsignedInt(tokens[trainLength + i]);
    }

    private static String readResource(String resource) {
        try (InputStream packed = CharCorpus.class.getResourceAsStream(resource)) {
            if (packed == null) {
                throw new IllegalStateException("the bundled corpus " + resource + " is missing from the classpath");
            }
            try (InputStream in = new GZIPInputStream(packed, 1 << 16)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled corpus " + resource, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
