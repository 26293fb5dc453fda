package io.github.footprint.parse.ini;

import io.github.footprint.base.Location;

/** One key of an INI section with its value as configparser stores it (continuations joined) and its line. */
public final class IniEntry {
    private final String key;
    private final String value;
    private final Location location;

    IniEntry(String key, String value, Location location) {
        this.key = key;
        this.value = value;
        this.location = location;
    }

    public String key() {
        return key;
    }

    /** The raw value: continuation lines joined with newlines, trailing blank lines removed; no interpolation. */
    public String value() {
        return value;
    }

    /** Where the key is written. */
    public Location location() {
        return location;
    }

    @Override
    public String toString() {
        return key + " = " + value;
    }
}
