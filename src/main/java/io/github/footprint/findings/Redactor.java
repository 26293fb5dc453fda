package io.github.footprint.findings;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Secrets;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;

/**
 * The masking of the one view every report reads. Secrecy travels with values ({@link Secrets}): the readers mark the
 * values of secret keys, options, variables and URL passwords, and every marked span becomes {@link #MASK} here.
 * Locations and file names are never masked (only their markers would be, and they hold none). Each unknown value's
 * token is written as the expression the template wrote there.
 *
 * <p>One safety net behind it, for free text only: a secret value that looks like one (at least
 * {@value #STRONG_LENGTH} characters of at least two kinds: lower case, upper case, digits, other than {@code _ - .}), met
 * literally in a
 * message outside any marked span (a line quoted whole, an erroneous line that repeats it), is masked there too, as
 * written and percent-decoded. A short or plain word ({@code ckan}, {@code postgres}, {@code ckan_default}) is never
 * masked where it is not marked: it would mask paths and names that are no secret.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = Secrets.MASK;

    /** The shortest literal secret the safety net masks in free text. */
    static final int STRONG_LENGTH = 8;

    private final List<String> literals;

    private final Map<Integer, Unknown> unknowns;

    /** @param secrets literal secret values the readers found; the safety net keeps those that look like secrets */
    public Redactor(Collection<String> secrets) {
        this(secrets, Map.of());
    }

    /**
     * @param secrets literal secret values the readers found; the safety net keeps those that look like secrets
     * @param unknowns the unknown values by the id their tokens carry: a token in a text that leaves the plugin is
     *     written as the template wrote its expression ({@code {{ site }}})
     */
    public Redactor(Collection<String> secrets, Map<Integer, Unknown> unknowns) {
        this.unknowns = Map.copyOf(unknowns);
        TreeSet<String> set = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String raw : secrets) {
            if (raw == null) {
                continue;
            }
            String s = Secrets.strip(raw).strip();
            if (strong(s)) {
                set.add(s);
                String decoded = percentDecoded(s);
                if (!decoded.equals(s) && strong(decoded)) {
                    set.add(decoded);
                }
            }
        }
        this.literals = new ArrayList<>(set);
    }

    public static Redactor none() {
        return new Redactor(List.of());
    }

    /** True for a value that looks like a secret, not a word: long enough, of mixed kinds, no placeholder. */
    static boolean strong(String s) {
        if (s.length() < STRONG_LENGTH || s.equals(MASK) || s.contains("${") || s.contains("%(")
                || s.contains("{{") || s.contains("{%") || s.indexOf('\uE000') >= 0 || s.indexOf('\n') >= 0) {
            return false;
        }
        int kinds = 0;
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '_' && c != '-' && c != '.') {
                // a word joined by _ - . (ckan_default, www-data) is a name, as likely a daemon's or a user's
                other = true;
            }
        }
        kinds = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return kinds >= 2;
    }

    /** {@code p%40ss} as {@code p@ss}: how a URL's reader sees its password. */
    static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** A text of the view (a message, a name, a value): marked spans masked, then the safety net. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = Secrets.mask(text);
        if (Unknowns.contains(out)) {
            out = Unknowns.describe(out, unknowns);
        }
        for (String s : literals) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** A location or a file name: only what a reader marked (nothing, for a name the file system gave). */
    public String maskLocation(String location) {
        return location == null ? null : Secrets.mask(location);
    }

    /** Masks the message and the detail of a finding. */
    public Finding mask(Finding f) {
        String m = mask(f.message());
        String d = mask(f.detail());
        return m.equals(f.message()) && d.equals(f.detail()) ? f : f.withMessage(m).withDetail(d);
    }
}
