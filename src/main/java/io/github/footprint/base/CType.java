package io.github.footprint.base;

/** C's {@code <ctype.h>} in the C locale, as httpd, APR, mod_wsgi and glibc's number readers apply it. */
public final class CType {
    private CType() {
    }

    /** {@code isspace}: space, tab, newline, vertical tab, form feed, carriage return ({@code [ \t\n\x0B\f\r]}). */
    public static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
