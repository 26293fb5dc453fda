package io.github.footprint.findings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Finding;
import io.github.footprint.base.UrlPasswords;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;

/**
 * Masks secrets in every text that leaves the plugin: the password of any {@code scheme://user:pass@host}
 * URL, and every literal secret value the source stage found (values of keys named like password, secret
 * or token, and URL passwords), wherever it occurs; and writes each unknown value's token as the expression the
 * template wrote there.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = UrlPasswords.MASK;

    private static final Pattern URL_PASSWORD = UrlPasswords.PATTERN;

    /** Secrets shorter than this are masked only as whole words. */
    static final int WHOLE_WORD_BELOW = 8;

    private final List<String> secrets;
    private final Map<Integer, Unknown> unknowns;

    /** @param secrets literal secret values; blanks and values of fewer than 3 characters are ignored */
    public Redactor(Collection<String> secrets) {
        this(secrets, Map.of());
    }

    /**
     * @param secrets literal secret values; blanks and values of fewer than 3 characters are ignored
     * @param unknowns the unknown values by the id their tokens carry: a token in a text that leaves the plugin is
     *     written as the template wrote its expression ({@code {{ site }}})
     */
    public Redactor(Collection<String> secrets, Map<Integer, Unknown> unknowns) {
        this.unknowns = Map.copyOf(unknowns);
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
        String out = Unknowns.contains(text) ? Unknowns.describe(text, unknowns) : text;
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

    /** Masks the message of a finding. */
    public Finding mask(Finding f) {
        String m = mask(f.message());
        return m.equals(f.message()) ? f : f.withMessage(m);
    }
}
