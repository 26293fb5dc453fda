package io.github.footprint.source;

import java.util.Arrays;

/**
 * One pass over a file's bytes for what loading asks before it decodes them: the first NUL byte, whether every
 * byte is ASCII, and for ASCII text (whose characters are its bytes) where its lines start (as
 * {@link SourceLoader#splitLines} cuts them), whether it holds a carriage return or a placeholder delimiter
 * ({@code @}, {@code ${}) or the start of another template language's construct ({@code {{}, {@code {%},
 * {@code {#}, {@code <%}, {@code %} before a capital or a blank, {@code __} before a capital), and whether a line may
 * name a secret ({@code ://}, or pass, secret, token in any case).
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
    /** An {@code @} or a {@code ${}: rendering may have something to do. */
    final boolean delimiter;
    /** A {@code ://} or one of the words a secret is named by: the secret scan must read the lines. */
    final boolean secretHint;
    /** What may start a construct of Jinja2, Mako, ERB or sed placeholders: the dialect must be looked for. */
    final boolean templateHint;

    private ByteScan(int nul, boolean ascii, int[] starts, boolean carriageReturn, boolean delimiter,
            boolean secretHint, boolean templateHint) {
        this.nul = nul;
        this.ascii = ascii;
        this.starts = starts;
        this.carriageReturn = carriageReturn;
        this.delimiter = delimiter;
        this.secretHint = secretHint;
        this.templateHint = templateHint;
    }

    /** The first two letters of pass, secret and token, in lower case: pa, se, to. */
    private static final boolean[] SECRET_START = new boolean[1 << 16];

    static {
        for (String w : new String[] {"pa", "se", "to"}) {
            SECRET_START[w.charAt(0) << 8 | w.charAt(1)] = true;
        }
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
        boolean secret = false;
        // Ansible's "#jinja2:" first line is a template's, whatever follows
        boolean template = n >= 8 && b[0] == '#' && b[1] == 'j' && b[2] == 'i' && b[3] == 'n' && b[4] == 'j'
                && b[5] == 'a' && b[6] == '2' && b[7] == ':';
        for (int i = 0; i < n; i++) {
            int c = b[i];
            if (c >= 'A') {
                // letters (ignoring case is setting bit 0x20 of an ASCII letter) and [\]^_`{|}~
                if (!secret && i + 1 < n && SECRET_START[((c | 0x20) << 8 | (b[i + 1] | 0x20)) & 0xffff]
                        && (word(b, n, i, "pass") || word(b, n, i, "secret") || word(b, n, i, "token"))) {
                    secret = true;
                }
                if ((c == '{' || c == '_') && !template && i + 1 < n) {
                    int d = b[i + 1];
                    template = c == '{' ? d == '{' || d == '%' || d == '#'
                            : d == '_' && i + 2 < n && b[i + 2] >= 'A' && b[i + 2] <= 'Z';
                }
            } else if (c == '\n') {
                if (k == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * k);
                }
                starts[k++] = i + 1;
            } else if (c <= 0) {
                return c == 0 ? new ByteScan(i, false, null, false, false, false, false).withScratch(starts)
                        : notAscii(b, n, i, starts);
            } else if (c == '\r') {
                cr = true;
            } else if (c == '@') {
                delimiter = true;
            } else if (c == '$') {
                delimiter |= i + 1 < n && b[i + 1] == '{';
            } else if (c == ':') {
                secret |= i + 2 < n && b[i + 1] == '/' && b[i + 2] == '/';
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
        return new ByteScan(-1, true, Arrays.copyOf(starts, k), cr, delimiter, secret, template).withScratch(starts);
    }

    /** The rest of a text that is not ASCII: only its first NUL byte is asked for. */
    private static ByteScan notAscii(byte[] b, int n, int from, int[] scratch) {
        for (int i = from; i < n; i++) {
            if (b[i] == 0) {
                return new ByteScan(i, false, null, false, false, false, false).withScratch(scratch);
            }
        }
        return new ByteScan(-1, false, null, false, false, false, false).withScratch(scratch);
    }

    /** The line table the scan wrote in (the scratch given, or a larger one), for the next scan to reuse. */
    int[] scratch;

    private ByteScan withScratch(int[] s) {
        this.scratch = s;
        return this;
    }

    /** True when the ASCII bytes {@code b[i, n)} start with {@code w} (lower-case letters) in any case. */
    private static boolean word(byte[] b, int n, int i, String w) {
        if (i + w.length() > n) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if ((b[i + k] | 0x20) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
