package dev.tunescope.study.slurm;

import dev.tunescope.io.AtomicFiles;
import dev.tunescope.train.TrialFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The batch script {@code sbatch} runs for a trial: one {@code exec} of the node's command, every argument in
 * single quotes, so no value (a path with spaces, a template with {@code $} or {@code ;}) is ever read by the shell
 * as anything but itself.
 */
final class JobScript {
    static final String NAME = TrialFolder.CLUSTER_JOB_PREFIX + "job.sh";

    private JobScript() {
    }

    static Path write(Path runDir, String comment, List<String> command) throws IOException {
        String script = "#!/bin/sh\n# " + comment.replaceAll("[\\r\\n]", " ") + "\nexec "
                + command.stream().map(JobScript::quoted).collect(Collectors.joining(" ")) + "\n";
        Path file = runDir.resolve(NAME);
        AtomicFiles.writeString(file, script);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // sbatch reads the script itself; the mode only helps someone who runs it by hand
        }
        return file;
    }

    /** {@code it's} becomes {@code 'it'\''s'}: inside single quotes only the quote itself needs care. */
    static String quoted(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument with a NUL character cannot be passed to a job");
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
