package dev.tunescope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says why a file could not be read as a plain predicate for a warning that starts with the file's name
 * ({@code "metrics.csv: could not be read (permission denied)"}), without the names of Java exception classes:
 * those mean nothing to a person looking at a folder of training logs.
 */
final class FailureText {
    private FailureText() {
    }

    static String of(Throwable failure) {
        Throwable e = failure instanceof UncheckedIOException unchecked && unchecked.getCause() != null
                ? unchecked.getCause() : failure;
        return switch (e) {
            case NotRegularFileException notRegular -> notRegular.getMessage();
            case NoSuchFileException missing -> "could not be read (it was moved or deleted while being read)";
            case AccessDeniedException denied -> "could not be read (permission denied)";
            case FileSystemLoopException loop -> "could not be read (its links lead back to a folder above it)";
            case NotDirectoryException notFolder -> "could not be read (a file where a folder was expected)";
            case FileSystemException system when system.getReason() != null ->
                    "could not be read (" + lowerFirst(system.getReason()) + ")";
            case FileSystemException system -> "could not be read (the file system refused it)";
            case CharacterCodingException notText -> "could not be read (it is not valid text)";
            case IOException io when io.getMessage() != null && !io.getMessage().isBlank() ->
                    "could not be read (" + io.getMessage() + ")";
            case IOException io -> "could not be read (an input/output error)";
            default -> "could not be read because of an unexpected error in the reader"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        };
    }

    private static String lowerFirst(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
