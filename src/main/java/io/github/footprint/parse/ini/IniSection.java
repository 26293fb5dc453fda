package io.github.footprint.parse.ini;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Location;
import io.github.footprint.base.PythonText;

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

    /**
     * The PasteDeploy kind: {@code app}, {@code server}, {@code filter}... or the whole name when it has no colon.
     * Not trimmed: PasteDeploy's {@code _find_sections} tests {@code section.startswith(prefix + ':')}, so
     * {@code [ app:main ]} is no app section to it.
     */
    public String prefix() {
        int c = name.indexOf(':');
        return c < 0 ? name : name.substring(0, c);
    }

    /**
     * The PasteDeploy name after the colon, stripped as {@code _find_sections} strips it; {@code main} when there
     * is no colon, empty for {@code [app:]}. A bare {@code [app]} is found only when PasteDeploy looks a section up
     * without a name ({@code get_context(APP, None)}); {@code loadapp} always names one ({@code main} when the URI
     * has no fragment), and then only {@code [app:main]}-style headers match ({@link PasteLoader}).
     */
    public String shortName() {
        int c = name.indexOf(':');
        return c < 0 ? "main" : PythonText.strip(name.substring(c + 1));
    }
}
