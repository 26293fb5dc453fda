package io.github.footprint.base;

import java.util.Objects;

/**
 * A place in a user's file: a path relative to the project base directory with {@code /} separators,
 * and a 1-based line (0 when the finding concerns the whole file or the whole project).
 * Always the template line the user edits, never a rendered copy.
 */
public final class Location implements Comparable<Location> {
    /** The location of findings about the project as a whole (no file). */
    public static final Location PROJECT = new Location("", 0);

    /**
     * What the path of a distribution's stock file starts with ({@code platform:debian/mods-available/mpm_event.conf}):
     * read-only context around a project without a main httpd file, never a file of the project.
     */
    public static final String STOCK_PREFIX = "platform:";

    private final String file;
    private final int line;

    public Location(String file, int line) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = Math.max(0, line);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
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

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Integer.compare(line, o.line);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Location && ((Location) o).file.equals(file) && ((Location) o).line == line;
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + line;
    }
}
