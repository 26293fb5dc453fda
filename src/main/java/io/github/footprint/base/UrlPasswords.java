package io.github.footprint.base;

import java.util.ArrayList;
import java.util.List;

/**
 * The password part of {@code scheme://user:password@host} URLs, as {@link Secrets#markUrlPasswords} finds it (up to
 * the last {@code @} of the URL, so that a password may hold one).
 */
public final class UrlPasswords {
    /** What a secret is replaced with. */
    public static final String MASK = Secrets.MASK;

    private UrlPasswords() {
    }

    /** Every URL password in {@code text} that is not already masked, as written. */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.indexOf("://") < 0) {
            return out;
        }
        String m = Secrets.markUrlPasswords(Secrets.strip(text));
        for (int i = m.indexOf(Secrets.OPEN); i >= 0; i = m.indexOf(Secrets.OPEN, i + 1)) {
            int j = m.indexOf(Secrets.CLOSE, i);
            if (j > i + 1) {
                out.add(m.substring(i + 1, j));
                i = j;
            }
        }
        return out;
    }
}
