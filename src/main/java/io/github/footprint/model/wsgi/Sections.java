package io.github.footprint.model.wsgi;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.github.footprint.parse.apache.Directive;

/**
 * httpd's per-directory sections as they apply to the requests of a mount: which {@code <Directory>},
 * {@code <Files>} and {@code <Location>} (and their {@code Match} forms) cover every request of it, and in which
 * order httpd merges them. Sections footprint cannot place ({@code <If>}, {@code <Proxy>}...) are not taken to
 * apply.
 */
final class Sections {
    private static final Pattern REGEX_META = Pattern.compile("[.\\[\\](){}*+?|\\\\$^]");

    private Sections() {
    }

    static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Where a per-directory setting falls in httpd's merge: {@code <Directory>} by path depth, then regular
     * expression directories, then {@code <Files>}, then {@code <Location>}; the main server's before the virtual
     * host's; then reading order. Null for a section footprint does not place. {@code inner} is the innermost
     * section around the setting.
     */
    static long[] mergeKey(Directive inner, boolean mainServer, int order) {
        long phase;
        long depth = 0;
        if (inner.is("Directory") && !isRegex(inner)) {
            phase = 0;
            depth = inner.arg().replaceAll("/+$", "").chars().filter(c -> c == '/').count();
        } else if (inner.is("Directory") || inner.is("DirectoryMatch")) {
            phase = 1;
        } else if (inner.is("Files") || inner.is("FilesMatch")) {
            phase = 2;
        } else if (inner.is("Location") || inner.is("LocationMatch")) {
            phase = 3;
        } else {
            return null;
        }
        return new long[] {phase, depth, mainServer ? 0 : 1, order};
    }

    private static boolean isRegex(Directive section) {
        return section.args().size() > 1 && section.arg().equals("~");
    }

    private static String pattern(Directive section) {
        return isRegex(section) ? section.args().get(1) : section.arg();
    }

    /** Whether every section around a setting applies to all requests of the mount. */
    static boolean cover(List<Directive> sections, String url, String script, boolean match) {
        String path = match ? literalPrefix(script, "$") : script;
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String file = path.substring(path.lastIndexOf('/') + 1);
        boolean fileKnown = !match || literalPrefix(script, "$").equals(script);
        String uri = match ? literalPrefix(url.startsWith("^") ? url.substring(1) : url, null) : url;
        for (Directive s : sections) {
            boolean ok;
            if (s.is("Directory") || s.is("DirectoryMatch")) {
                ok = s.is("DirectoryMatch") || isRegex(s) ? find(pattern(s), dir + "/") : underDirectory(s.arg(), dir);
            } else if (s.is("Files") || s.is("FilesMatch")) {
                ok = fileKnown && (s.is("FilesMatch") || isRegex(s) ? find(pattern(s), file) : glob(s.arg()).matcher(file)
                        .matches());
            } else if (s.is("Location") || s.is("LocationMatch")) {
                ok = s.is("LocationMatch") || isRegex(s) ? find(pattern(s), uri) : underLocation(s.arg(), uri);
            } else {
                ok = false;
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The part of a pattern before its first metacharacter (or before {@code stop}). */
    private static String literalPrefix(String s, String stop) {
        if (stop != null) {
            int i = s.indexOf(stop);
            return i < 0 ? s : s.substring(0, i);
        }
        java.util.regex.Matcher m = REGEX_META.matcher(s);
        return m.find() ? s.substring(0, m.start()) : s;
    }

    private static boolean find(String regex, String text) {
        try {
            return Pattern.compile(regex).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** {@code <Directory path>}: the script's folder is the path or below it (wildcards per path component). */
    private static boolean underDirectory(String path, String dir) {
        String p = path.replaceAll("/+$", "");
        if (p.isEmpty()) {
            return true;
        }
        if (!p.matches(".*[*?\\[].*")) {
            return dir.equals(p) || dir.startsWith(p + "/");
        }
        int components = (int) p.chars().filter(c -> c == '/').count();
        String[] parts = dir.split("/", -1);
        if (parts.length - 1 < components) {
            return false;
        }
        String prefix = String.join("/", java.util.Arrays.copyOfRange(parts, 0, components + 1));
        return glob(p).matcher(prefix).matches();
    }

    /** {@code <Location path>}: every request of the mount is the path or below it. */
    private static boolean underLocation(String location, String url) {
        String u = url.endsWith("/") ? url : url + "/";
        String l = location.endsWith("/") ? location : location + "/";
        if (l.matches(".*[*?\\[].*")) {
            return glob(l + "*").matcher(u).matches();
        }
        return u.startsWith(l);
    }

    /** {@code fnmatch} with {@code FNM_PATHNAME}: {@code *} and {@code ?} stop at {@code /}. */
    private static Pattern glob(String g) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                b.append("[^/]*");
            } else if (c == '?') {
                b.append("[^/]");
            } else if (c == '[') {
                int end = g.indexOf(']', i + 1);
                if (end < 0) {
                    b.append("\\[");
                } else {
                    String set = g.substring(i + 1, end);
                    b.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
            } else {
                b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
