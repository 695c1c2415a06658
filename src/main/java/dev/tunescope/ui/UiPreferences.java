package dev.tunescope.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;

/**
 * What the app remembers between starts (window layout, recent folders, theme), behind one small interface so
 * that tests use a scratch store and never touch the real user's preferences.
 */
public interface UiPreferences {

    String get(String key, String otherwise);

    void put(String key, String value);

    void remove(String key);

    default double getDouble(String key, double otherwise) {
        String value = get(key, null);
        try {
            return value == null ? otherwise : Double.parseDouble(value);
        } catch (NumberFormatException damaged) {
            return otherwise;
        }
    }

    default void putDouble(String key, double value) {
        put(key, Double.toString(value));
    }

    default boolean getBoolean(String key, boolean otherwise) {
        String value = get(key, null);
        return value == null ? otherwise : Boolean.parseBoolean(value);
    }

    default void putBoolean(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    /** The user's preferences store (Java preferences, node {@code dev/tunescope/ui}). */
    static UiPreferences user() {
        Preferences node = Preferences.userNodeForPackage(UiPreferences.class);
        return new UiPreferences() {
            @Override
            public String get(String key, String otherwise) {
                return node.get(key, otherwise);
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
            }

            @Override
            public void remove(String key) {
                node.remove(key);
            }
        };
    }

    /** A store that lives as long as the object (tests, screenshots). */
    static UiPreferences inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return new UiPreferences() {
            @Override
            public String get(String key, String otherwise) {
                return values.getOrDefault(key, otherwise);
            }

            @Override
            public void put(String key, String value) {
                values.put(key, value);
            }

            @Override
            public void remove(String key) {
                values.remove(key);
            }
        };
    }
}
