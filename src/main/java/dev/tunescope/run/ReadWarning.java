package dev.tunescope.run;

/**
 * Something a reader could not take as it was, said so that a person can find it: the file, the byte offset
 * and, for line formats, the 1-based line number.
 *
 * @param byteOffset offset in the file where the problem starts, or -1 where it concerns the whole file
 * @param line       1-based line number, or -1 for binary formats and whole-file problems
 */
public record ReadWarning(String file, long byteOffset, long line, String message) {

    public static ReadWarning atByte(String file, long byteOffset, String message) {
        return new ReadWarning(file, byteOffset, -1, message);
    }

    public static ReadWarning atLine(String file, long byteOffset, long line, String message) {
        return new ReadWarning(file, byteOffset, line, message);
    }

    public static ReadWarning wholeFile(String file, String message) {
        return new ReadWarning(file, -1, -1, message);
    }

    /** For example {@code events.out.tfevents.1 at byte 1204: data CRC mismatch}. */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (line >= 0) {
            where.append(" line ").append(line);
        }
        if (byteOffset >= 0) {
            where.append(line >= 0 ? " (byte " : " at byte ").append(byteOffset).append(line >= 0 ? ")" : "");
        }
        return where.append(": ").append(message).toString();
    }
}
