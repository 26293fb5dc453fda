package io.github.footprint.base;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A place in a user's file: a path relative to the project base directory with {@code /} separators,
 * and a 1-based line (0 when the finding concerns the whole file or the whole project).
 * Always the template line the user edits, never a rendered copy.
 *
 * <p>A line can stand in one place and be written in another: a directive a mod_macro {@code Use} made stands at
 * the Use line (httpd reads the expansion there, and the user edits the values there, per instance) and was written
 * on a line of the {@code <Macro>} body. Such a location carries that second place ({@link #written()}) and the
 * words that name the expansion ({@link #expansion()}); a finding names both.
 */
public final class Location implements Comparable<Location> {
    /** The location of findings about the project as a whole (no file). */
    public static final Location PROJECT = new Location("", 0);

    /**
     * What the path of a distribution's stock file starts with ({@code platform:debian/mods-available/mpm_event.conf}):
     * read-only context around a project without a main httpd file, never a file of the project.
     */
    public static final String STOCK_PREFIX = "platform:";

    private static final Comparator<Location> WRITTEN = Comparator.nullsFirst(Comparator.naturalOrder());

    private final String file;
    private final int line;
    /** Where the line was written when it stands elsewhere (a macro body line), or null. */
    private final Location written;
    /**
     * What gives the words that name how it came to stand here ({@code Use vhost, macro 'vhost' at FILE:LINE}), or
     * null: made when first asked for (a Use line of nested macros can make millions of locations, few of them read).
     */
    private final Supplier<String> how;
    private String expansion;

    public Location(String file, int line) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = Math.max(0, line);
        this.written = null;
        this.how = null;
    }

    private Location(String file, int line, Location written, Supplier<String> how) {
        this.file = file;
        this.line = line;
        this.written = written;
        this.how = how;
    }

    /**
     * This place, standing for a line written at {@code written}: a directive a mod_macro {@code Use} made, at the
     * Use line, written on a line of the macro body.
     *
     * @param expansion how it came here, as messages name it: {@code Use vhost, macro 'vhost' at FILE:LINE}; asked
     *        for at most once, when {@link #expansion()} is
     */
    public Location writtenAt(Location written, Supplier<String> expansion) {
        return new Location(file, line, Objects.requireNonNull(written, "written").plain(),
                Objects.requireNonNull(expansion, "expansion"));
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** Where the line was written when that is another place (a macro body line), or null. */
    public Location written() {
        return written;
    }

    /**
     * How the line came to stand here, as a finding's detail names it ({@code Use vhost, macro 'vhost' at
     * conf/macros.conf:12}); null when it was written here.
     */
    public String expansion() {
        String e = expansion;
        if (e == null && how != null) {
            e = how.get();
            expansion = e;
        }
        return e;
    }

    /** This file and line without the place it was written at. */
    public Location plain() {
        return written == null ? this : new Location(file, line);
    }

    /** True for a place in a distribution's stock file ({@link #STOCK_PREFIX}), not in the user's files. */
    public boolean stock() {
        return file.startsWith(STOCK_PREFIX);
    }

    /** {@code file:line}, {@code file} when there is no line, empty for the project. */
    @Override
    public String toString() {
        if (file.isEmpty()) {
            return "";
        }
        return line > 0 ? file + ":" + line : file;
    }

    /** File, line, then where it was written (a place written here first). */
    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        return c != 0 || written == null && o.written == null ? c : WRITTEN.compare(written, o.written);
    }

    /** The same file, line and place written at (the words of {@link #expansion()} are not compared). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Location)) {
            return false;
        }
        Location l = (Location) o;
        return l.file.equals(file) && l.line == line && Objects.equals(l.written, written);
    }

    @Override
    public int hashCode() {
        return (file.hashCode() * 31 + line) * 31 + Objects.hashCode(written);
    }
}
