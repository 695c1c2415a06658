package dev.tunescope.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last folders opened, newest first, kept in the app's preferences: local paths and ssh:// addresses. */
final class RecentFolders {
    private static final int KEEP = 8;
    private static final String KEY = "recent.";
    private final UiPreferences prefs;

    RecentFolders(UiPreferences prefs) {
        this.prefs = prefs;
    }

    List<String> list() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < KEEP; i++) {
            String value = prefs.get(KEY + i, null);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    void add(Path folder) {
        add(folder.toAbsolutePath().normalize().toString());
    }

    /** {@code location}: an absolute local path, or an {@code ssh://} address as the user typed it. */
    void add(String location) {
        List<String> folders = new ArrayList<>(list());
        folders.remove(location);
        folders.add(0, location);
        for (int i = 0; i < KEEP; i++) {
            if (i < folders.size()) {
                prefs.put(KEY + i, folders.get(i));
            } else {
                prefs.remove(KEY + i);
            }
        }
    }
}
