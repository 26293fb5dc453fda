package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The placeholder forms a deploy script fills in with {@code sed} (devstack's {@code %PUBLICPORT%}): each a prefix,
 * the word {@code NAME}, a suffix, such as {@code %NAME%}, {@code @NAME@}, {@code __NAME__}. {@code NAME} stands for
 * an upper-case name: a letter, then letters, digits and underscores ({@code [A-Z][A-Z0-9_]*}). The default set is
 * those three; the {@code sedPlaceholders} parameter sets others. Immutable.
 */
public final class SedForms {
    /**
     * Python's {@code string.Template} placeholder, {@code $NAME} (upper case, three characters or more), as a
     * deploy script fills it in httpd and INI files, where a dollar is no syntax of the file's own language; group 1
     * is the name. Not the header of an Ansible Vault block ({@code $ANSIBLE_VAULT;1.1;AES256}): that is encrypted
     * text, kept as written so that the block is recognised and masked as a secret.
     */
    public static final Pattern DOLLAR_NAME = Pattern.compile(
            "(?<![$\\w\\\\])\\$(?!ANSIBLE_VAULT;)([A-Z][A-Z0-9_]{2,})(?![A-Za-z0-9_{])");

    /** {@code %NAME%}, {@code @NAME@}, {@code __NAME__}. */
    public static final SedForms DEFAULT = parse("%NAME%,@NAME@,__NAME__");

    private final List<String> forms;
    private final Pattern pattern;
    /** What stands before and after {@code NAME} in each form, in the forms' order. */
    private final List<String> prefixes;
    private final List<String> suffixes;

    private SedForms(List<String> forms) {
        this.forms = List.copyOf(forms);
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        StringBuilder r = new StringBuilder();
        for (String f : forms) {
            int k = f.indexOf("NAME");
            String prefix = f.substring(0, k);
            String suffix = f.substring(k + 4);
            before.add(prefix);
            after.add(suffix);
            if (r.length() > 0) {
                r.append('|');
            }
            r.append("(?<![A-Za-z0-9_])").append(Pattern.quote(prefix)).append("[A-Z][A-Z0-9_]*?")
                    .append(Pattern.quote(suffix)).append("(?![A-Za-z0-9_])");
        }
        this.pattern = Pattern.compile(r.toString());
        this.prefixes = List.copyOf(before);
        this.suffixes = List.copyOf(after);
    }

    /** Whether the text holds the beginning of one of the forms (a placeholder of this set may be in it). */
    public boolean mayOccurIn(String text) {
        for (String p : prefixes) {
            if (text.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads a comma-separated list of forms.
     *
     * @throws IllegalArgumentException with what is wrong, when a form lacks {@code NAME}, has it twice, or has
     *     nothing around it
     */
    public static SedForms parse(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split(",")) {
            String f = s.trim();
            if (f.isEmpty()) {
                continue;
            }
            int k = f.indexOf("NAME");
            if (k < 0 || f.indexOf("NAME", k + 1) >= 0) {
                throw new IllegalArgumentException("'" + f + "' must hold the word NAME once, where the name stands,"
                        + " such as %NAME% or @NAME@");
            }
            if (k == 0 || k + 4 == f.length()) {
                throw new IllegalArgumentException("'" + f + "' needs text on both sides of NAME, such as %NAME%,"
                        + " or every upper-case word would be a placeholder");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no form; use forms such as %NAME%,@NAME@");
        }
        return new SedForms(out);
    }

    /** The forms, as written. */
    public List<String> forms() {
        return forms;
    }

    /** Matches one placeholder of any form. */
    public Pattern pattern() {
        return pattern;
    }

    /** The name inside a placeholder this set matched. */
    public String name(String placeholder) {
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            String suffix = suffixes.get(i);
            if (placeholder.startsWith(prefix) && placeholder.endsWith(suffix)
                    && placeholder.length() > prefix.length() + suffix.length()) {
                return placeholder.substring(prefix.length(), placeholder.length() - suffix.length());
            }
        }
        return placeholder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SedForms && ((SedForms) o).forms.equals(forms);
    }

    @Override
    public int hashCode() {
        return forms.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", forms);
    }
}
