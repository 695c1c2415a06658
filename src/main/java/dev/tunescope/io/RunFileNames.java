package dev.tunescope.io;

/** Names a run's files in warnings as a person finds them: relative to the folder that was opened. */
final class RunFileNames {
    private RunFileNames() {
    }

    /** {@code file} (relative to the run folder, with {@code /}) prefixed by the run's own relative path. */
    static String of(String runPath, String file) {
        if (runPath == null || runPath.isEmpty() || runPath.equals(".")) {
            return file;
        }
        return runPath.endsWith("/") ? runPath + file : runPath + "/" + file;
    }
}
