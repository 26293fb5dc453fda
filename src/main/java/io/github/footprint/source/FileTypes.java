package io.github.footprint.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.codehaus.plexus.util.SelectorUtils;

import io.github.footprint.source.template.Dialect;

/**
 * The user's {@code <fileTypes>}: Ant-style globs under the source folder, each with the kind of file
 * ({@code apache}, {@code ini}, {@code shell}, {@code systemd}, {@code python}, {@code other}) and the template
 * dialect ({@code none}, {@code maven}, {@code jinja2}, {@code mako}, {@code erb}, {@code sed}, {@code tempita}) its
 * files have, for names the built-in rules read otherwise. The first glob that matches a file decides; a part left out
 * is decided as without the entry. Immutable.
 */
public final class FileTypes {
    /** No entries: every file by its name and content. */
    public static final FileTypes NONE = new FileTypes(List.of());

    /** One entry. */
    public static final class Entry {
        final String glob;
        final FileKind kind;
        final Dialect dialect;

        Entry(String glob, FileKind kind, Dialect dialect) {
            this.glob = glob;
            this.kind = kind;
            this.dialect = dialect;
        }

        public String glob() {
            return glob;
        }

        /** The kind, or null to decide it by name. */
        public FileKind kind() {
            return kind;
        }

        /** The dialect, or null to decide it by suffix and content. */
        public Dialect dialect() {
            return dialect;
        }
    }

    private final List<Entry> entries;

    private FileTypes(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * These entries and one more, read from the pom's words.
     *
     * @throws IllegalArgumentException with what is wrong
     */
    public FileTypes with(String glob, String kind, String dialect) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("every <fileType> needs a <files> glob, such as **/*.cfg.tpl");
        }
        FileKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = FileKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("<kind>" + kind.trim() + "</kind> of " + glob.trim()
                        + " is not one of apache, ini, shell, systemd, python, other");
            }
        }
        Dialect d = null;
        if (dialect != null && !dialect.isBlank()) {
            d = Dialect.byName(dialect);
            if (d == null) {
                throw new IllegalArgumentException("<dialect>" + dialect.trim() + "</dialect> of " + glob.trim()
                        + " is not one of none, maven, jinja2, mako, erb, sed, tempita");
            }
        }
        if (k == null && d == null) {
            throw new IllegalArgumentException("the <fileType> of " + glob.trim() + " names neither a <kind> nor a"
                    + " <dialect>");
        }
        List<Entry> m = new ArrayList<>(entries);
        m.add(new Entry(glob.trim().replace('\\', '/'), k, d));
        return new FileTypes(m);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The first entry whose glob matches a tree path, or null. */
    public Entry match(String treePath) {
        for (Entry e : entries) {
            if (SelectorUtils.matchPath(e.glob, treePath, "/", true)) {
                return e;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
