package dev.tunescope.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the app was started with: a folder to open, a local path or an {@code ssh://} address (default:
 * {@link #defaultFolder()}) and, for the screenshot script and the installer's smoke test, {@code --screenshots DIR}:
 * once the folder is read and the first plot drawn, save a PNG of each view into DIR, then exit; {@code --dark}
 * or {@code --light} choose the theme for this start.
 */
public record AppArguments(String folder, Optional<Path> screenshot, Optional<Boolean> dark) {

    public static AppArguments parse(List<String> args) {
        String folder = null;
        Path screenshot = null;
        Boolean dark = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--screenshots") && i + 1 < args.size()) {
                screenshot = Path.of(args.get(++i));
            } else if (arg.equals("--dark") || arg.equals("--light")) {
                dark = arg.equals("--dark");
            } else if (!arg.startsWith("--")) {
                folder = arg;
            }
        }
        if (folder == null) {
            folder = defaultFolder().toString();
        }
        return new AppArguments(folder, Optional.ofNullable(screenshot), Optional.ofNullable(dark));
    }

    /**
     * {@code sample-runs/} of the working directory (a source checkout), else the sample runs an installed app
     * ships (the installer passes their place as {@code tunescope.samples}), else the working directory.
     */
    static Path defaultFolder() {
        if (Files.isDirectory(Path.of("sample-runs"))) {
            return Path.of("sample-runs");
        }
        String bundled = System.getProperty("tunescope.samples");
        if (bundled != null && Files.isDirectory(Path.of(bundled))) {
            return Path.of(bundled);
        }
        return Path.of(".");
    }

    /** Whether the command line asks for the app rather than a command: no arguments, or a folder (and flags). */
    public static boolean wantsApp(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (dev.tunescope.remote.SshLocation.isRemote(args[0])) {
            return true;
        }
        return !args[0].startsWith("-") ? Files.isDirectory(Path.of(args[0])) : args[0].equals("--screenshots") || args[0].equals("--dark") || args[0].equals("--light");
    }
}
