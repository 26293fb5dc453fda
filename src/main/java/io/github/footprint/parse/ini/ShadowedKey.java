package io.github.footprint.parse.ini;

/**
 * A key of a section that PasteDeploy drops because the defaults hold a key of the same name
 * ({@code ConfigLoader.get_context}: {@code if option in defaults: continue}): the section's value never reaches
 * the factory, the default's does, through {@code global_conf}.
 */
public final class ShadowedKey {
    private final PasteConfig config;
    private final IniSection section;
    private final Setting local;
    private final Setting winner;

    ShadowedKey(PasteConfig config, IniSection section, Setting local, Setting winner) {
        this.config = config;
        this.section = section;
        this.local = local;
        this.winner = winner;
    }

    public PasteConfig config() {
        return config;
    }

    public IniSection section() {
        return section;
    }

    /** The section's own value, interpolated as configparser would (never handed on). */
    public Setting local() {
        return local;
    }

    /** The default that is handed on instead: from {@code [DEFAULT]}, injected, or the including file's. */
    public Setting winner() {
        return winner;
    }

    @Override
    public String toString() {
        return "[" + section.name() + "] " + local + " shadowed by " + winner;
    }
}
