package dev.tunescope.train;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the program a command names, as the system does when it starts one: a name with a slash is a path (from
 * the working directory), any other name is looked up on the {@code PATH} the command gets. Commands started in a
 * group of their own go through {@code setsid}, which would report a missing program only as an exit code; looking
 * it up first keeps "could not start" a clear reason.
 */
final class Programs {
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private Programs() {
    }

    /** The executable file {@code program} names, absolute; empty where there is none. */
    static Optional<Path> find(String program, Map<String, String> environment, Path workingDirectory) {
        try {
            if (program.contains("/")) {
                return executable(workingDirectory.resolve(program));
            }
            String path = environment.getOrDefault("PATH", DEFAULT_PATH);
            for (String folder : path.split(File.pathSeparator, -1)) {
                Optional<Path> found = executable((folder.isEmpty() ? workingDirectory : workingDirectory.resolve(folder))
                        .resolve(program));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (InvalidPathException unusable) {
            return Optional.empty();
        }
    }

    private static Optional<Path> executable(Path candidate) {
        Path absolute = candidate.toAbsolutePath();
        return Files.isRegularFile(absolute) && Files.isExecutable(absolute) ? Optional.of(absolute) : Optional.empty();
    }
}
