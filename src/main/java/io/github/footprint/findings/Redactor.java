package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.UrlPasswords;

/**
 * Masks secrets in every text that leaves the plugin: the password of any {@code scheme://user:pass@host}
 * URL, and every literal secret value the source stage found (values of keys named like password, secret
 * or token, and URL passwords), wherever it occurs.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = UrlPasswords.MASK;

    private static final Pattern URL_PASSWORD = UrlPasswords.PATTERN;

    /** Secrets shorter than this are masked only as whole words. */
    static final int WHOLE_WORD_BELOW = 8;

    private final List<String> secrets;

    /** @param secrets literal secret values; blanks and values of fewer than 3 characters are ignored */
    public Redactor(Collection<String> secrets) {
        TreeSet<String> set = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String s : secrets) {
            if (s != null && s.trim().length() >= 3 && !s.equals(MASK)) {
                set.add(s);
            }
        }
        this.secrets = new ArrayList<>(set);
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** The text with every known secret and every URL password replaced by {@link #MASK}. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (!out.contains(s)) {
                continue;
            }
            if (s.length() >= WHOLE_WORD_BELOW) {
                out = out.replace(s, MASK);
            } else {
                // a short secret ("test") is masked where it stands as a word, not inside "testing.ini"
                out = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(s) + "(?![A-Za-z0-9])").matcher(out)
                        .replaceAll(Matcher.quoteReplacement(MASK));
            }
        }
        Matcher m = URL_PASSWORD.matcher(out);
        if (m.find()) {
            out = m.replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        }
        return out;
    }

    /** Masks the message and the detail of a finding. */
    public Finding mask(Finding f) {
        String m = mask(f.message());
        String d = mask(f.detail());
        return m.equals(f.message()) && d.equals(f.detail()) ? f : f.withMessage(m).withDetail(d);
    }
}
