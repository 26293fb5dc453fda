package io.github.footprint.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Where a page is written, as a {@link StringBuilder} is appended to: the page goes out through a {@link Writer} as
 * it is made (the report file is never built whole in memory), or into a string for the site pages. An I/O error
 * becomes an {@link UncheckedIOException}, which the writer of the report turns back.
 */
final class Out {
    private final Writer w;

    Out(Writer w) {
        this.w = w;
    }

    Out append(String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Out append(char c) {
        try {
            w.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Out append(long n) {
        return append(Long.toString(n));
    }
}
