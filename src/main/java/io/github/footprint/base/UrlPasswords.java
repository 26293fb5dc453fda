package io.github.footprint.base;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The password part of {@code scheme://user:password@host} URLs: found by the source stage (a secret to mask) and
 * replaced by the masking stage. One pattern for both.
 */
public final class UrlPasswords {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** Groups: 1 what comes before the password, 2 the password, 3 the {@code @}. */
    public static final Pattern PATTERN =
            Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.\\-]*://[^:/@\\s]*:)([^@\\s/]+)(@)");

    private UrlPasswords() {
    }

    /** Every URL password in {@code text} that is not already masked. */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = PATTERN.matcher(text);
        while (m.find()) {
            if (!m.group(2).equals(MASK)) {
                out.add(m.group(2));
            }
        }
        return out;
    }
}
