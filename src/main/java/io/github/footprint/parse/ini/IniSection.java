package io.github.footprint.parse.ini;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.findings.Location;

/** A section ({@code [app:main]}, {@code [DEFAULT]}...) with its keys in file order. */
public final class IniSection {
    private final String name;
    private final Location location;
    private final Map<String, IniEntry> entries = new LinkedHashMap<>();

    IniSection(String name, Location location) {
        this.name = name;
        this.location = location;
    }

    /** The header text exactly as configparser keeps it (not trimmed). */
    public String name() {
        return name;
    }

    public Location location() {
        return location;
    }

    public Collection<IniEntry> entries() {
        return Collections.unmodifiableCollection(entries.values());
    }

    public Optional<IniEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    void put(IniEntry e) {
        entries.put(e.key(), e);
    }

    /** The PasteDeploy kind: {@code app}, {@code server}, {@code filter}... or the whole name when it has no colon. */
    public String prefix() {
        int c = name.indexOf(':');
        return c < 0 ? name.trim() : name.substring(0, c).trim();
    }

    /** The PasteDeploy name after the colon, {@code main} when absent. */
    public String shortName() {
        int c = name.indexOf(':');
        String n = c < 0 ? "" : name.substring(c + 1).trim();
        return n.isEmpty() ? "main" : n;
    }
}
