package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.github.footprint.source.SourceSet;

/**
 * httpd 2.4's {@code Include} against the deploy tree (server/config.c, {@code process_resource_config_fnmatch}
 * and {@code process_resource_config_nofnmatch}): wildcards ({@code fnmatch} with {@code APR_FNM_PERIOD}) in any
 * path component, a wildcard inside the path matching directories only, matches read in sorted order, a
 * directory read recursively with every entry (dot files included, level by level in sorted order), and the
 * first error ends the expansion with httpd's message.
 */
final class Globs {
    private Globs() {
    }

    /** The files an Include reads, in httpd's order, or httpd's error (then the files read before it). */
    static final class Expansion {
        final List<String> files = new ArrayList<>();
        String error;
    }

    /**
     * Expands a wildcard Include.
     *
     * @param pattern the tree path the Include's argument maps to
     * @param written the argument as written, for messages (its last components correspond to the pattern's)
     * @param optional IncludeOptional: a missing directory, no match or a missing file is no error
     */
    static Expansion expand(SourceSet sources, String pattern, String written, boolean optional) {
        Expansion e = new Expansion();
        String[] parts = pattern.split("/");
        int first = 0;
        while (first < parts.length && !hasWildcard(parts[first])) {
            first++;
        }
        if (first == parts.length) {
            e.error = file(sources, pattern, written, optional, e.files);
            return e;
        }
        String dir = String.join("/", java.util.Arrays.asList(parts).subList(0, Math.min(first, parts.length)));
        String shown = written.replace('\\', '/');
        for (int i = first; i < parts.length; i++) {
            int slash = shown.lastIndexOf('/');
            shown = slash >= 0 ? shown.substring(0, slash) : "";
        }
        e.error = walk(sources, dir, shown, parts, first, optional, e.files);
        return e;
    }

    private static String walk(SourceSet sources, String dir, String shown, String[] parts, int i, boolean optional,
            List<String> out) {
        String part = parts[i];
        boolean last = i == parts.length - 1;
        if (!hasWildcard(part)) {
            String path = join(dir, part);
            return last ? file(sources, path, shownJoin(shown, part), optional, out)
                    : walk(sources, path, shownJoin(shown, part), parts, i + 1, optional, out);
        }
        if (!sources.isDirectory(dir)) {
            return optional ? null : "Include/IncludeOptional: Could not open directory " + shownDir(shown)
                    + ": No such file or directory";
        }
        List<String> matches = new ArrayList<>();
        for (String name : children(sources, dir)) {
            if (fnmatch(part, name) && (last || sources.isDirectory(join(dir, name)))) {
                matches.add(name);
            }
        }
        if (matches.isEmpty()) {
            return optional ? null : "Include/IncludeOptional: No matches for the wildcard '" + part + "' in '"
                    + shownDir(shown) + "', failing";
        }
        for (String name : matches) {
            String error = last ? file(sources, join(dir, name), shownJoin(shown, name), optional, out)
                    : walk(sources, join(dir, name), shownJoin(shown, name), parts, i + 1, optional, out);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** {@code process_resource_config_nofnmatch}: a directory recursively, a file, or the open error. */
    private static String file(SourceSet sources, String path, String shown, boolean optional, List<String> out) {
        if (sources.isDirectory(path)) {
            out.addAll(underDirectory(sources, path));
            return null;
        }
        if (sources.get(path).isPresent()) {
            out.add(path);
            return null;
        }
        return optional ? null : "Could not open configuration file " + shown + ": No such file or directory";
    }

    /** Every file below a directory, recursively, each level in sorted order, dot files included. */
    static List<String> underDirectory(SourceSet sources, String dir) {
        List<String> out = new ArrayList<>();
        for (String name : children(sources, dir)) {
            String p = join(dir, name);
            if (sources.isDirectory(p)) {
                out.addAll(underDirectory(sources, p));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> children(SourceSet sources, String dir) {
        return sources.children(dir);
    }


    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }

    private static String shownJoin(String shown, String name) {
        return shown.isEmpty() ? name : shown.endsWith("/") ? shown + name : shown + "/" + name;
    }

    private static String shownDir(String shown) {
        return shown.isEmpty() ? "." : shown;
    }

    /** {@code apr_fnmatch_test}: {@code *} or {@code ?}, or a {@code [} with a matching {@code ]}; {@code \} escapes. */
    static boolean hasWildcard(String s) {
        int nesting = 0;
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '?':
                case '*':
                    return true;
                case '\\':
                    if (++i >= s.length()) {
                        return false;
                    }
                    break;
                case '[':
                    nesting++;
                    break;
                case ']':
                    if (nesting > 0) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** {@code fnmatch(pattern, name, APR_FNM_PERIOD)} for one path component. */
    static boolean fnmatch(String pattern, String name) {
        // a leading period must be matched by a period (escaped or not), never by '*', '?' or a bracket expression
        if (name.startsWith(".") && !pattern.isEmpty() && "*?[".indexOf(pattern.charAt(0)) >= 0) {
            return false;
        }
        return match(pattern, 0, name, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
            } else if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end < 0) {
                    if (s.charAt(si) != '[') {
                        return false;
                    }
                    pi++;
                    si++;
                    continue;
                }
                String set = p.substring(pi + 1, end);
                boolean neg = set.startsWith("!") || set.startsWith("^");
                if (neg) {
                    set = set.substring(1);
                }
                boolean in = false;
                char ch = s.charAt(si);
                for (int k = 0; k < set.length(); k++) {
                    if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                        if (ch >= set.charAt(k) && ch <= set.charAt(k + 2)) {
                            in = true;
                        }
                        k += 2;
                    } else if (set.charAt(k) == ch) {
                        in = true;
                    }
                }
                if (in == neg) {
                    return false;
                }
                pi = end + 1;
                si++;
            } else {
                if (c == '\\' && pi + 1 < p.length()) {
                    c = p.charAt(++pi);
                }
                if (c != s.charAt(si)) {
                    return false;
                }
                pi++;
                si++;
            }
        }
        return si == s.length();
    }
}
