package io.github.footprint.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host path as a project writes it, in a configuration line or in an install step's destination, with the parts a
 * template fills in kept as named unknowns: Jinja2's {@code {{ ckan_conf_dir }}}, ERB's {@code <%= @dir %>} and
 * {@code <%= scope.lookupvar('mod::dir') %>}, Puppet's {@code ${::mod::dir}} and {@code $dir}, Ruby's
 * {@code #{dir}}. In the canonical form each unknown is {@value #OPEN}name{@value #CLOSE}, the name being the
 * variable (the last {@code ::} part of a Puppet or ERB scope name, the expression's text otherwise), so that the
 * same variable written in two template languages has one name.
 *
 * <p>Two paths match when they can be the same path: equal; or one is literal and the other's unknowns, each a
 * non-empty text (the same text wherever one name repeats), make it, the other's last component holding literal text
 * (a path whose name is all unknown could be any path, so it names nothing); or both have unknowns and every unknown
 * of one stands against the same name in the other (a different variable might hold a different value, so it never
 * matches).
 */
public final class HostPattern {
    /** Opens an unknown in the canonical form (a private-use character no path holds). */
    public static final char OPEN = '\uE000';
    /** Closes an unknown. */
    public static final char CLOSE = '\uE001';

    private static final Pattern SCOPE = Pattern.compile(
            "^(?:scope\\.lookupvar|scope\\.function_lookupvar|scope)\\s*[\\[(]\\s*\\[?\\s*['\"]([^'\"]+)['\"].*$");
    private static final Pattern NAME = Pattern.compile("^@?(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:(?:::|\\.)[A-Za-z_][A-Za-z0-9_]*)*$");

    private HostPattern() {
    }

    /**
     * The canonical form of a path from a rendered file: each unknown token of the file's table
     * ({@code io.github.footprint.source.template.Unknowns}) becomes the unknown named by what the template wrote
     * there ({@code {{ ckan_conf_dir }}} is {@code ckan_conf_dir}, {@code %CONF_DIR%} is {@code CONF_DIR}), so that it
     * matches an install step's destination written with the same variable.
     */
    public static String canonical(String text, java.util.Map<Integer, io.github.footprint.source.template.Unknown>
            table) {
        if (table.isEmpty() || !io.github.footprint.source.template.Unknowns.contains(text)) {
            return canonical(text);
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (io.github.footprint.source.template.Unknowns.Span s : io.github.footprint.source.template.Unknowns
                .find(text)) {
            b.append(text, at, s.start());
            io.github.footprint.source.template.Unknown u = table.get(s.id());
            if (u == null) {
                b.append(text, s.start(), s.end());
            } else {
                unknown(b, name(u));
            }
            at = s.end();
        }
        return canonical(b.append(text.substring(at)).toString());
    }

    /** The name of an unknown value in a path: its expression's variable, else its only variable, else its text. */
    static String name(io.github.footprint.source.template.Unknown u) {
        String c = canonical(u.written());
        List<String> names = unknowns(c);
        if (names.size() == 1 && c.equals(OPEN + names.get(0) + CLOSE)) {
            return names.get(0);
        }
        if (u.variables().size() == 1) {
            return variable(u.variables().get(0));
        }
        return squeeze(u.written());
    }

    /** The canonical form: template expressions as named unknowns, doubled and trailing slashes dropped. */
    public static String canonical(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end;
            if (c == OPEN && (end = text.indexOf(CLOSE, i + 1)) > 0) {
                b.append(text, i, end + 1);
                i = end + 1;
            } else if (text.startsWith("{{", i) && (end = text.indexOf("}}", i + 2)) > 0) {
                unknown(b, jinja(text.substring(i + 2, end)));
                i = end + 2;
            } else if (text.startsWith("{%", i) && (end = text.indexOf("%}", i + 2)) > 0) {
                unknown(b, squeeze(text.substring(i + 2, end)));
                i = end + 2;
            } else if (text.startsWith("<%", i) && (end = text.indexOf("%>", i + 2)) > 0) {
                unknown(b, erb(text.substring(i + 2, end)));
                i = end + 2;
            } else if ((text.startsWith("${", i) || text.startsWith("#{", i)) && (end = text.indexOf('}', i + 2)) > 0) {
                unknown(b, variable(text.substring(i + 2, end)));
                i = end + 1;
            } else if (c == '$' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_'
                    || text.startsWith("::", i + 1))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_'
                        || text.charAt(j) == ':')) {
                    j++;
                }
                unknown(b, variable(text.substring(i + 1, j)));
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return slashes(b.toString());
    }

    private static void unknown(StringBuilder b, String name) {
        b.append(OPEN).append(name).append(CLOSE);
    }

    private static String slashes(String s) {
        String r = s.replace('\\', '/');
        while (r.contains("//")) {
            r = r.replace("//", "/");
        }
        while (r.length() > 1 && r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** A Jinja2 expression's name: its text without blanks or whitespace control ({@code {{- x -}}}). */
    private static String jinja(String inner) {
        String t = inner.trim();
        if (t.startsWith("-")) {
            t = t.substring(1);
        }
        if (t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        return squeeze(t);
    }

    /** An ERB expression's name: {@code @x}, a scope lookup's last part, or its text. */
    private static String erb(String inner) {
        String t = inner.trim();
        if (t.startsWith("=")) {
            t = t.substring(1);
        } else if (t.startsWith("-=")) {
            t = t.substring(2);
        }
        if (t.endsWith("-")) {
            t = t.substring(0, t.length() - 1);
        }
        t = t.trim();
        Matcher m = SCOPE.matcher(t);
        if (m.matches()) {
            return variable(m.group(1));
        }
        return variable(t);
    }

    /** A variable's name: the last part of {@code ::a::b} or {@code @b}; other expressions by their text. */
    private static String variable(String inner) {
        String t = inner.trim();
        if (NAME.matcher(t).matches() && !t.contains(".")) {
            if (t.startsWith("@")) {
                t = t.substring(1);
            }
            int k = t.lastIndexOf("::");
            return k >= 0 ? t.substring(k + 2) : t;
        }
        return squeeze(t);
    }

    private static String squeeze(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when the canonical path holds an unknown. */
    public static boolean hasUnknown(String canonical) {
        return canonical.indexOf(OPEN) >= 0;
    }

    /** The names of a canonical path's unknowns, in order. */
    public static List<String> unknowns(String canonical) {
        List<String> out = new ArrayList<>();
        for (int i = canonical.indexOf(OPEN); i >= 0; i = canonical.indexOf(OPEN, i + 1)) {
            int end = canonical.indexOf(CLOSE, i);
            if (end < 0) {
                break;
            }
            out.add(canonical.substring(i + 1, end));
        }
        return out;
    }

    /** The canonical path written back with {@code {{ name }}} for each unknown, for messages. */
    public static String display(String canonical) {
        if (!hasUnknown(canonical)) {
            return canonical;
        }
        return canonical.replace(String.valueOf(OPEN), "{{ ").replace(String.valueOf(CLOSE), " }}");
    }

    /** Whether two canonical paths can name the same host path (see the class comment). */
    public static boolean matches(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        boolean ua = hasUnknown(a);
        boolean ub = hasUnknown(b);
        if (!ua && !ub) {
            return false;
        }
        if (!ub) {
            return literalName(a) && regex(a, false).matcher(b).matches();
        }
        if (!ua) {
            return literalName(b) && regex(b, false).matcher(a).matches();
        }
        return regex(a, true).matcher(b).matches() && regex(b, true).matcher(a).matches();
    }

    /**
     * True when the last component of a canonical path holds literal text beside its unknowns: a path whose name is
     * all unknown ({@code {{ wsgi_file }}}, {@code {{ dir }}/{{ name }}}) could be any literal path, so only the same
     * expressions match it.
     */
    static boolean literalName(String canonical) {
        String name = canonical.substring(canonical.lastIndexOf('/') + 1);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == OPEN) {
                int end = name.indexOf(CLOSE, i);
                if (end < 0) {
                    return true;
                }
                i = end;
            } else {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A regular expression for a canonical path: literal text as itself, each unknown as a non-empty text without
     * unknowns (the same text where a name repeats), or, {@code mixed}, also as the same name's unknown.
     */
    private static Pattern regex(String canonical, boolean mixed) {
        String key = (mixed ? "m" : "l") + canonical;
        Pattern cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        StringBuilder r = new StringBuilder();
        Map<String, Integer> groups = new HashMap<>();
        int group = 0;
        int i = 0;
        while (i < canonical.length()) {
            int open = canonical.indexOf(OPEN, i);
            if (open < 0) {
                r.append(Pattern.quote(canonical.substring(i)));
                break;
            }
            if (open > i) {
                r.append(Pattern.quote(canonical.substring(i, open)));
            }
            int close = canonical.indexOf(CLOSE, open);
            if (close < 0) {
                r.append(Pattern.quote(canonical.substring(open)));
                break;
            }
            String name = canonical.substring(open + 1, close);
            String token = Pattern.quote(OPEN + name + CLOSE);
            if (mixed) {
                r.append("(?:").append(token).append("|[^\uE000\uE001]+)");
            } else if (groups.containsKey(name)) {
                r.append("\\").append(groups.get(name));
            } else {
                groups.put(name, ++group);
                r.append("([^\uE000\uE001]+)");
            }
            i = close + 1;
        }
        Pattern p = Pattern.compile(r.toString());
        if (CACHE.size() < 10_000) {
            CACHE.put(key, p);
        }
        return p;
    }

    /** The template suffixes a file carries in a project but not on the host ({@code .j2}, {@code .erb}...). */
    static final List<String> TEMPLATE_SUFFIXES = List.of(".j2", ".jinja2", ".jinja", ".erb", ".mako", ".tmpl",
            ".template");

    /** A name without its template suffix: {@code ports.conf.j2} is {@code ports.conf} on the host. */
    public static String hostName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : TEMPLATE_SUFFIXES) {
            if (lower.endsWith(s) && lower.length() > s.length()) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return name;
    }
}
