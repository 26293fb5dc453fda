package io.github.footprint.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each program ends a line of its files, so that line numbers are the program's: httpd at LF only (a lone CR
 * stays in the line; a CR before the LF is trimmed as white space); the shell at LF only, every CR part of the line
 * (bash and dash read {@code X=1\r\n} as {@code 1\r}); systemd at LF or CR, an ending taking the next marker too when
 * it is the other one ({@code read_line_full}); Python (configparser, the interpreter) at LF, CR or CRLF (universal
 * newlines).
 */
enum LineEnds {
    HTTPD, SHELL, SYSTEMD, PYTHON;

    /** The line ends of the program that reads a file of this kind. */
    static LineEnds of(FileKind kind) {
        switch (kind) {
            case APACHE:
            case OTHER:
                return HTTPD;
            case SHELL:
                return SHELL;
            case SYSTEMD:
                return SYSTEMD;
            default:
                return PYTHON;
        }
    }

    /** True when a lone CR ends a line for this program. */
    boolean loneCrEndsLine() {
        return this == SYSTEMD || this == PYTHON;
    }

    /** The text's lines without their endings; a last line without an ending counts, an empty one does not. */
    List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            int ending = ending(text, i);
            if (ending > 0) {
                int end = this == HTTPD && i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                i += ending - 1;
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(this == HTTPD && text.endsWith("\r") ? text.substring(start, n - 1) : text.substring(start));
        }
        return out;
    }

    /** How many characters end a line at {@code i}: 0 when none does. */
    private int ending(String text, int i) {
        char c = text.charAt(i);
        if (c != '\n' && c != '\r') {
            return 0;
        }
        boolean pair = i + 1 < text.length() && text.charAt(i + 1) == (c == '\n' ? '\r' : '\n');
        switch (this) {
            case SYSTEMD:
                return pair ? 2 : 1;
            case PYTHON:
                return c == '\r' && pair ? 2 : 1;
            default:
                return c == '\n' ? 1 : 0;
        }
    }
}
