package io.github.footprint.source;

import java.util.Arrays;

/**
 * One pass over a file's bytes for what loading asks before it decodes them: the first NUL byte, whether every
 * byte is ASCII, and for ASCII text (whose characters are its bytes) where its lines start (as
 * {@link LineEnds#HTTPD} cuts them), whether it holds a carriage return or placeholder delimiters
 * ({@code ${}, two {@code @} on one line) or the start of another template language's construct ({@code {{},
 * {@code {%}, {@code {#}, {@code <%}, {@code %} before a capital or a blank, {@code __} or {@code $} before a
 * capital).
 * One loop instead of a pass per question, which matters most before the JIT has compiled it.
 */
final class ByteScan {
    /** The first NUL byte, or -1. */
    final int nul;
    /** True when every byte is ASCII (only asked when there is no NUL). */
    final boolean ascii;
    /** For ASCII text: where each line starts, then one past the end of the last line plus one. */
    final int[] starts;
    final boolean carriageReturn;
    /** A {@code ${} or two {@code @} on one line: rendering may have something to do. */
    final boolean delimiter;
    /**
     * What may start a construct of Jinja2, Mako, ERB or sed placeholders (the default forms and {@code $NAME}): the
     * dialect must be looked for. Placeholder forms the user sets are the loader's to look for.
     */
    final boolean templateHint;

    private ByteScan(int nul, boolean ascii, int[] starts, boolean carriageReturn, boolean delimiter,
            boolean templateHint) {
        this.nul = nul;
        this.ascii = ascii;
        this.starts = starts;
        this.carriageReturn = carriageReturn;
        this.delimiter = delimiter;
        this.templateHint = templateHint;
    }

    static ByteScan of(byte[] b) {
        return of(b, b.length, new int[Math.max(16, b.length / 16)]);
    }

    /**
     * The scan of {@code b[0, n)}.
     *
     * @param scratch a table to note line starts in (grown when too short); the answer gets a copy of its own
     */
    static ByteScan of(byte[] b, int n, int[] scratch) {
        int[] starts = scratch != null && scratch.length > 1 ? scratch : new int[16];
        starts[0] = 0;
        int k = 1;
        boolean cr = false;
        boolean delimiter = false;
        boolean atInLine = false;
        // Ansible's "#jinja2:" first line is a template's, whatever follows
        boolean template = n >= 8 && b[0] == '#' && b[1] == 'j' && b[2] == 'i' && b[3] == 'n' && b[4] == 'j'
                && b[5] == 'a' && b[6] == '2' && b[7] == ':';
        for (int i = 0; i < n; i++) {
            int c = b[i];
            if (c >= 'A') {
                // letters (ignoring case is setting bit 0x20 of an ASCII letter) and [\]^_`{|}~
                if ((c == '{' || c == '_') && !template && i + 1 < n) {
                    int d = b[i + 1];
                    template = c == '{' ? d == '{' || d == '%' || d == '#'
                            : d == '_' && i + 2 < n && b[i + 2] >= 'A' && b[i + 2] <= 'Z';
                }
            } else if (c == '\n') {
                atInLine = false;
                if (k == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * k);
                }
                starts[k++] = i + 1;
            } else if (c <= 0) {
                return c == 0 ? new ByteScan(i, false, null, false, false, false).withScratch(starts)
                        : notAscii(b, n, i, starts);
            } else if (c == '\r') {
                cr = true;
            } else if (c == '@') {
                // a placeholder needs both its @ on one line (TemplateRenderer.delimiters)
                delimiter |= atInLine;
                atInLine = true;
            } else if (c == '$') {
                if (i + 1 < n) {
                    int d = b[i + 1];
                    delimiter |= d == '{';
                    // a sed-style $NAME (DialectDetector's, in httpd and INI files)
                    template |= d >= 'A' && d <= 'Z';
                }
            } else if (c == '%' || c == '<') {
                if (!template && i + 1 < n) {
                    int d = b[i + 1];
                    template = c == '<' ? d == '%' : (d >= 'A' && d <= 'Z') || d == ' ' || d == '\t';
                }
            }
        }
        if (n > 0 && b[n - 1] != '\n') {
            // a last line without its newline
            if (k == starts.length) {
                starts = Arrays.copyOf(starts, k + 1);
            }
            starts[k++] = n + 1;
        }
        return new ByteScan(-1, true, Arrays.copyOf(starts, k), cr, delimiter, template).withScratch(starts);
    }

    /** The rest of a text that is not ASCII: only its first NUL byte is asked for. */
    private static ByteScan notAscii(byte[] b, int n, int from, int[] scratch) {
        for (int i = from; i < n; i++) {
            if (b[i] == 0) {
                return new ByteScan(i, false, null, false, false, false).withScratch(scratch);
            }
        }
        return new ByteScan(-1, false, null, false, false, false).withScratch(scratch);
    }

    /** The line table the scan wrote in (the scratch given, or a larger one), for the next scan to reuse. */
    int[] scratch;

    private ByteScan withScratch(int[] s) {
        this.scratch = s;
        return this;
    }
}
