package io.github.footprint.source;

import java.util.List;

/**
 * A suppression comment: {@code # footprint: ignore FP201 -- reason} on the line above what it silences, or
 * {@code # footprint: ignore-file FP201 -- reason} anywhere in a file.
 */
public final class Suppression {
    private final String file;
    private final int line;
    private final int target;
    private final List<String> ids;
    private final String reason;
    private final boolean wholeFile;

    Suppression(String file, int line, int target, List<String> ids, String reason, boolean wholeFile) {
        this.file = file;
        this.line = line;
        this.target = target;
        this.ids = List.copyOf(ids);
        this.reason = reason;
        this.wholeFile = wholeFile;
    }

    /** The file's display path. */
    public String file() {
        return file;
    }

    /** The template line of the comment. */
    public int line() {
        return line;
    }

    /** The template line it silences (the next line that is neither blank nor a comment); 0 for none. */
    public int target() {
        return target;
    }

    /** The rule ids as written. */
    public List<String> ids() {
        return ids;
    }

    /** The reason after {@code --}, empty when missing. */
    public String reason() {
        return reason;
    }

    public boolean wholeFile() {
        return wholeFile;
    }
}
