package io.github.footprint.parse.wsgi;

import io.github.footprint.base.Atoi;

/** A number option of {@code WSGIDaemonProcess}: the value as written and the number mod_wsgi reads from it. */
public final class NumberOption {
    private final String written;
    private final long read;
    private final boolean unknown;

    NumberOption(String written, long read) {
        this(written, read, false);
    }

    private NumberOption(String written, long read, boolean unknown) {
        this.written = written;
        this.read = read;
        this.unknown = unknown;
    }

    /** A value a template left unknown ({@code processes={{ workers }}}): {@code assumed} stands for it. */
    static NumberOption unknown(String written, long assumed) {
        return new NumberOption(written, assumed, true);
    }

    /**
     * True when the value is unknown: a template wrote an expression no one could render there. {@link #read()} is
     * then the value assumed (mod_wsgi's default for the option), and {@link #written()} holds the unknown's token.
     */
    public boolean unknown() {
        return unknown;
    }

    /** The value as mod_wsgi received it ({@code 500M}). */
    public String written() {
        return written;
    }

    /** The number mod_wsgi reads ({@code atoi} or {@code apr_atoi64}: {@code 500M} is 500); the assumed one if unknown. */
    public long read() {
        return read;
    }

    /** True when the text is exactly a number {@code atoi} reads whole (white space and a sign aside). */
    public boolean exact() {
        return !unknown && Atoi.isExact(written);
    }

    @Override
    public String toString() {
        return written + (unknown ? " (unknown, " + read + " assumed)" : exact() ? "" : " (read as " + read + ")");
    }
}
