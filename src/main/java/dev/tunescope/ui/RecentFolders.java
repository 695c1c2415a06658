package dev.tunescope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last folders opened, newest first, kept in the app's preferences. */
final class RecentFolders {
    private static final int KEEP = 8;
    private static final String KEY = "recent.";
    private final UiPreferences prefs;

    RecentFolders(UiPreferences prefs) {
        this.prefs = prefs;
    }

    List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < KEEP; i++) {
            String value = prefs.get(KEY + i, null);
            if (value != null) {
                out.add(Path.of(value));
            }
        }
        return out;
    }

    void add(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>(list());
        folders.remove(absolute);
        folders.add(0, absolute);
        for (int i = 0; i < KEEP; i++) {
            if (i < folders.size()) {
                prefs.put(KEY + i, folders.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }
}
