package io.github.footprint.parse.wsgi;

import io.github.footprint.base.Atoi;

/** A number option of {@code WSGIDaemonProcess}: the value as written and the number mod_wsgi reads from it. */
public final class NumberOption {
    private final String written;
    private final long read;

    NumberOption(String written, long read) {
        this.written = written;
        this.read = read;
    }

    /** The value as mod_wsgi received it ({@code 500M}). */
    public String written() {
        return written;
    }

    /** The number mod_wsgi reads ({@code atoi} or {@code apr_atoi64}: {@code 500M} is 500). */
    public long read() {
        return read;
    }

    /** True when the text is exactly a number {@code atoi} reads whole (white space and a sign aside). */
    public boolean exact() {
        return Atoi.isExact(written);
    }

    @Override
    public String toString() {
        return written + (exact() ? "" : " (read as " + read + ")");
    }
}
