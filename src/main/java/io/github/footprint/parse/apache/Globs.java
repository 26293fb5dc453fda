package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.github.footprint.source.SourceSet;

/**
 * httpd 2.4's {@code Include} wildcards against the deploy tree: {@code fnmatch} with
 * {@code APR_FNM_PERIOD} in any path component, matches in sorted order, directories read recursively.
 */
final class Globs {
    private Globs() {
    }

    /** Files that a wildcard tree path selects, in the order httpd reads them. */
    static List<String> match(SourceSet sources, String pattern) {
        List<String> current = new ArrayList<>();
        current.add("");
        for (String part : pattern.split("/")) {
            List<String> next = new ArrayList<>();
            for (String dir : current) {
                if (hasWildcard(part)) {
                    for (String child : children(sources, dir)) {
                        if (fnmatch(part, child)) {
                            next.add(join(dir, child));
                        }
                    }
                } else {
                    next.add(join(dir, part));
                }
            }
            current = next;
        }
        List<String> out = new ArrayList<>();
        for (String p : current) {
            if (sources.get(p).isPresent()) {
                out.add(p);
            } else if (sources.isDirectory(p)) {
                out.addAll(underDirectory(sources, p));
            }
        }
        return out;
    }

    /** Every file below a directory, recursively, sorted, dot files left out. */
    static List<String> underDirectory(SourceSet sources, String dir) {
        List<String> out = new ArrayList<>();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (String p : sources.treePaths()) {
            if (p.startsWith(prefix) && !p.substring(prefix.length()).contains("/.")
                    && !p.substring(prefix.length()).startsWith(".")) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<String> children(SourceSet sources, String dir) {
        TreeSet<String> names = new TreeSet<>();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        for (String p : sources.treePaths()) {
            if (p.startsWith(prefix)) {
                String rest = p.substring(prefix.length());
                int slash = rest.indexOf('/');
                names.add(slash < 0 ? rest : rest.substring(0, slash));
            }
        }
        return new ArrayList<>(names);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }

    static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** {@code fnmatch(pattern, name, APR_FNM_PERIOD)} for one path component. */
    static boolean fnmatch(String pattern, String name) {
        if (name.startsWith(".") && !pattern.startsWith(".")) {
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
