package dev.tunescope.testing;

/** Ways the mutation properties damage a real file's bytes. */
public final class Mutations {
    private Mutations() {
    }

    /**
     * A copy of {@code original} with up to {@code length} of its bytes from {@code rawFrom} inserted again at
     * {@code rawTo} (both taken modulo the file's size): a piece of a log written twice, as a faulty copy does.
     */
    public static byte[] splice(byte[] original, int rawFrom, int length, int rawTo) {
        int from = rawFrom % original.length;
        int len = Math.min(length, original.length - from);
        int to = rawTo % (original.length + 1);
        byte[] spliced = new byte[original.length + len];
        System.arraycopy(original, 0, spliced, 0, to);
        System.arraycopy(original, from, spliced, to, len);
        System.arraycopy(original, to, spliced, to + len, original.length - to);
        return spliced;
    }

    /** Where {@link #splice} inserts, for the same arguments. */
    public static int spliceTarget(byte[] original, int rawTo) {
        return rawTo % (original.length + 1);
    }
}
