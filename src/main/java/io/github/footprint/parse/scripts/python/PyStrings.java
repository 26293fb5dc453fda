package io.github.footprint.parse.scripts.python;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.HostPaths;

/**
 * Python 3's string and {@code posixpath} semantics on Java strings, as CPython 3.11 computes them: every function
 * here is pure (no file system, no environment). Indices count code points, as Python's {@code str} does.
 * A function that Python would answer with an exception throws {@link PyError} carrying Python's message.
 */
final class PyStrings {
    private PyStrings() {
    }

    /** A Python exception, by its class name and message. */
    static final class PyError extends Exception {
        private static final long serialVersionUID = 1L;

        PyError(String type, String message) {
            super(type + ": " + message, null, false, false);
        }
    }

    // ---------------------------------------------------------------- characters

    /** {@code str.isspace()} for one code point (the characters CPython's {@code Py_UNICODE_ISSPACE} accepts). */
    static boolean isSpace(int c) {
        if (c <= 0x20) {
            return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    static int[] codePoints(String s) {
        return s.codePoints().toArray();
    }

    static String fromCodePoints(int[] cps, int from, int to) {
        return new String(cps, from, Math.max(0, to - from));
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    // ---------------------------------------------------------------- posixpath

    static boolean isabs(String p) {
        return p.startsWith("/");
    }

    /**
     * Whether a path a script opens or names is absolute on the host: {@code /...}, or a path that a template fills
     * in from its start ({@code {{ ckan_conf_dir }}/production.ini}), taken as an absolute folder as a deploy
     * project's folders are (a WSGIScriptAlias target must be one: httpd maps requests to absolute file names). Such
     * a path keeps its unknown, and names a file of the project only through an install step written the same way.
     */
    static boolean absoluteOnHost(String p) {
        return p.startsWith("/") || !p.isEmpty() && p.charAt(0) == io.github.footprint.source.template.Unknowns.OPEN;
    }

    /** {@code posixpath.join(a, *p)}. */
    static String join(List<String> parts) {
        String path = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            String b = parts.get(i);
            if (b.startsWith("/")) {
                path = b;
            } else if (path.isEmpty() || path.endsWith("/")) {
                path = path + b;
            } else {
                path = path + "/" + b;
            }
        }
        return path;
    }

    /** {@code posixpath.split}: (head, tail). */
    static String[] split(String p) {
        return new String[] {HostPaths.dirname(p), HostPaths.basename(p)};
    }

    /** {@code posixpath.splitext} ({@code genericpath._splitext} with '/' and '.'). */
    static String[] splitext(String p) {
        int sepIndex = p.lastIndexOf('/');
        int dotIndex = p.lastIndexOf('.');
        if (dotIndex > sepIndex) {
            int filenameIndex = sepIndex + 1;
            while (filenameIndex < dotIndex) {
                if (p.charAt(filenameIndex) != '.') {
                    return new String[] {p.substring(0, dotIndex), p.substring(dotIndex)};
                }
                filenameIndex++;
            }
        }
        return new String[] {p, ""};
    }

    /** {@code posixpath.normpath}. */
    static String normpath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int initialSlashes = path.startsWith("/") ? 1 : 0;
        if (initialSlashes == 1 && path.startsWith("//") && !path.startsWith("///")) {
            initialSlashes = 2;
        }
        List<String> comps = new ArrayList<>();
        for (String comp : splitOn(path, "/", -1)) {
            if (comp.isEmpty() || comp.equals(".")) {
                continue;
            }
            if (!comp.equals("..") || (initialSlashes == 0 && comps.isEmpty())
                    || (!comps.isEmpty() && comps.get(comps.size() - 1).equals(".."))) {
                comps.add(comp);
            } else if (!comps.isEmpty()) {
                comps.remove(comps.size() - 1);
            }
        }
        String out = "/".repeat(initialSlashes) + String.join("/", comps);
        return out.isEmpty() ? "." : out;
    }

    /**
     * {@code posixpath.realpath} of an absolute path on a host where no component is a symbolic link: CPython's
     * {@code _joinrealpath} walk with every {@code islink} false, then {@code abspath}.
     */
    static String realpathWithoutLinks(String filename) {
        String path = "/";
        String rest = filename.substring(1);
        while (!rest.isEmpty()) {
            int slash = rest.indexOf('/');
            String name = slash < 0 ? rest : rest.substring(0, slash);
            rest = slash < 0 ? "" : rest.substring(slash + 1);
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                String[] ht = split(path);
                path = ht[0];
                if (ht[1].equals("..")) {
                    path = join(List.of(path, "..", ".."));
                }
                continue;
            }
            path = join(List.of(path, name));
        }
        return normpath(path);
    }

    // ---------------------------------------------------------------- str methods

    /** {@code s.split(sep, maxsplit)} with a separator ({@code sep} non-empty). */
    static List<String> splitOn(String s, String sep, int maxsplit) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int n = 0;
        while (maxsplit < 0 || n < maxsplit) {
            int i = s.indexOf(sep, from);
            if (i < 0) {
                break;
            }
            out.add(s.substring(from, i));
            from = i + sep.length();
            n++;
        }
        out.add(s.substring(from));
        return out;
    }

    /** {@code s.rsplit(sep, maxsplit)} with a separator. */
    static List<String> rsplitOn(String s, String sep, int maxsplit) {
        List<String> out = new ArrayList<>();
        int to = s.length();
        int n = 0;
        while (maxsplit < 0 || n < maxsplit) {
            int i = to - sep.length() < 0 ? -1 : s.lastIndexOf(sep, to - sep.length());
            if (i < 0) {
                break;
            }
            out.add(0, s.substring(i + sep.length(), to));
            to = i;
            n++;
        }
        out.add(0, s.substring(0, to));
        return out;
    }

    /** {@code s.split()} / {@code s.split(None, maxsplit)}: runs of whitespace. */
    static List<String> splitWhitespace(String s, int maxsplit) {
        int[] c = codePoints(s);
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = c.length;
        while (i < n) {
            while (i < n && isSpace(c[i])) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (maxsplit >= 0 && out.size() >= maxsplit) {
                int end = n;
                while (end > i && isSpace(c[end - 1])) {
                    end--;
                }
                out.add(fromCodePoints(c, i, end));
                return out;
            }
            int j = i;
            while (j < n && !isSpace(c[j])) {
                j++;
            }
            out.add(fromCodePoints(c, i, j));
            i = j;
        }
        return out;
    }

    /** {@code s.rsplit()} / {@code s.rsplit(None, maxsplit)}. */
    static List<String> rsplitWhitespace(String s, int maxsplit) {
        int[] c = codePoints(s);
        List<String> out = new ArrayList<>();
        int i = c.length;
        while (i > 0) {
            while (i > 0 && isSpace(c[i - 1])) {
                i--;
            }
            if (i <= 0) {
                break;
            }
            if (maxsplit >= 0 && out.size() >= maxsplit) {
                int start = 0;
                while (start < i && isSpace(c[start])) {
                    start++;
                }
                out.add(0, fromCodePoints(c, start, i));
                return out;
            }
            int j = i;
            while (j > 0 && !isSpace(c[j - 1])) {
                j--;
            }
            out.add(0, fromCodePoints(c, j, i));
            i = j;
        }
        return out;
    }

    /** {@code s.strip(chars)}, {@code lstrip}, {@code rstrip}: {@code chars} null for whitespace. */
    static String strip(String s, String chars, boolean left, boolean right) {
        int[] c = codePoints(s);
        int[] set = chars == null ? null : codePoints(chars);
        int i = 0;
        int j = c.length;
        if (left) {
            while (i < j && stripped(c[i], set)) {
                i++;
            }
        }
        if (right) {
            while (j > i && stripped(c[j - 1], set)) {
                j--;
            }
        }
        return fromCodePoints(c, i, j);
    }

    private static boolean stripped(int c, int[] set) {
        if (set == null) {
            return isSpace(c);
        }
        for (int x : set) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }

    /** {@code s.replace(old, new, count)} (count below 0: all); null when the result would pass {@code cap}. */
    static String replace(String s, String old, String rep, long count, int cap) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        StringBuilder b = new StringBuilder();
        if (old.isEmpty()) {
            int[] c = codePoints(s);
            long done = 0;
            for (int i = 0; i <= c.length; i++) {
                if (done < count) {
                    b.append(rep);
                    done++;
                }
                if (i < c.length) {
                    b.appendCodePoint(c[i]);
                }
                if (b.length() > cap) {
                    return null;
                }
            }
            return b.toString();
        }
        int from = 0;
        long done = 0;
        while (done < count) {
            int i = s.indexOf(old, from);
            if (i < 0) {
                break;
            }
            b.append(s, from, i).append(rep);
            from = i + old.length();
            done++;
            if (b.length() > cap) {
                return null;
            }
        }
        b.append(s, from, s.length());
        return b.length() > cap ? null : b.toString();
    }

    /** {@code s.find(sub)} / {@code s.rfind(sub)} in code points. */
    static int find(String s, String sub, boolean last) {
        int i = last ? s.lastIndexOf(sub) : s.indexOf(sub);
        return i < 0 ? -1 : s.codePointCount(0, i);
    }

    // ---------------------------------------------------------------- urllib

    /** {@code urllib.parse.unquote(string)} (UTF-8, errors='replace'): only ASCII runs are unquoted. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) < 0x80) {
                j++;
            }
            if (j > i) {
                out.append(decodeReplacing(unquoteToBytes(s.substring(i, j))));
                i = j;
            }
            while (j < s.length() && s.charAt(j) >= 0x80) {
                j++;
            }
            out.append(s, i, j);
            i = j;
        }
        return out.toString();
    }

    private static byte[] unquoteToBytes(String ascii) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int i = 0;
        while (i < ascii.length()) {
            char c = ascii.charAt(i);
            if (c == '%' && i + 2 < ascii.length() && hex(ascii.charAt(i + 1)) >= 0 && hex(ascii.charAt(i + 2)) >= 0) {
                b.write(hex(ascii.charAt(i + 1)) * 16 + hex(ascii.charAt(i + 2)));
                i += 3;
            } else {
                b.write(c);
                i++;
            }
        }
        return b.toByteArray();
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String decodeReplacing(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
    }

    // ---------------------------------------------------------------- formatting

    /** A value as {@code str()} gives it, or null when footprint does not compute that (objects, floats...). */
    interface Stringer {
        String str(Object value);
    }

    /**
     * {@code fmt % args} for the conversions footprint computes ({@code %s}, {@code %d}, {@code %i}, {@code %%},
     * {@code %(key)s}): {@code args} is the tuple's items, or null when a mapping is given ({@code mapping}).
     * Returns null when the format uses something footprint does not compute (flags, width, {@code %r}...).
     */
    static String percent(String fmt, List<Object> args, java.util.Map<String, Object> mapping, Stringer str,
            int cap) throws PyError {
        StringBuilder out = new StringBuilder();
        int argi = 0;
        boolean usedMapping = false;
        int i = 0;
        while (i < fmt.length()) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            if (i >= fmt.length()) {
                throw new PyError("ValueError", "incomplete format");
            }
            String key = null;
            if (fmt.charAt(i) == '(') {
                int depth = 1;
                int k = i + 1;
                while (k < fmt.length() && depth > 0) {
                    if (fmt.charAt(k) == '(') {
                        depth++;
                    } else if (fmt.charAt(k) == ')') {
                        depth--;
                    }
                    k++;
                }
                if (depth > 0) {
                    throw new PyError("ValueError", "incomplete format key");
                }
                key = fmt.substring(i + 1, k - 1);
                i = k;
                if (i >= fmt.length()) {
                    throw new PyError("ValueError", "incomplete format");
                }
            }
            char conv = fmt.charAt(i);
            i++;
            if (conv == '%' && key == null) {
                out.append('%');
                continue;
            }
            if (conv != 's' && conv != 'd' && conv != 'i') {
                return null; // flags, width, precision, %r, %x...: not computed here
            }
            Object v;
            if (key != null) {
                if (mapping == null) {
                    throw new PyError("TypeError", "format requires a mapping");
                }
                usedMapping = true;
                if (!mapping.containsKey(key)) {
                    throw new PyError("KeyError", "'" + key + "'");
                }
                v = mapping.get(key);
            } else {
                if (args == null) {
                    // a mapping given as the single argument of a positional conversion: str(dict), not computed
                    return null;
                }
                if (argi >= args.size()) {
                    throw new PyError("TypeError", "not enough arguments for format string");
                }
                v = args.get(argi++);
            }
            String text;
            if (conv == 's') {
                text = str.str(v);
            } else {
                text = v instanceof java.math.BigInteger ? v.toString() : null;
                if (text == null && v instanceof Boolean) {
                    text = ((Boolean) v) ? "1" : "0";
                }
                if (text == null && v instanceof String) {
                    throw new PyError("TypeError", "%" + conv + " format: a real number is required, not str");
                }
            }
            if (text == null) {
                return null;
            }
            out.append(text);
            if (out.length() > cap) {
                return null;
            }
        }
        if (args != null && argi < args.size() && !usedMapping) {
            throw new PyError("TypeError", "not all arguments converted during string formatting");
        }
        return out.toString();
    }

    /**
     * {@code fmt.format(*args, **kwargs)} for plain fields ({@code {}}, {@code {0}}, {@code {name}}, {@code !s}) and
     * an empty format spec; null when the format uses anything else (specs, attributes, indexes, {@code !r}).
     */
    static String format(String fmt, List<Object> args, java.util.Map<String, Object> kwargs, Stringer str, int cap)
            throws PyError {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int mode = 0; // 0 unknown, 1 automatic, 2 manual
        int i = 0;
        int n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i);
            if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw new PyError("ValueError", "Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            // a field: up to the matching '}' (nested braces belong to the spec)
            int depth = 1;
            int k = i + 1;
            while (k < n && depth > 0) {
                if (fmt.charAt(k) == '{') {
                    depth++;
                } else if (fmt.charAt(k) == '}') {
                    depth--;
                }
                k++;
            }
            if (depth > 0) {
                throw new PyError("ValueError", k >= n && fmt.indexOf('}', i) < 0
                        ? "Single '{' encountered in format string" : "expected '}' before end of string");
            }
            String field = fmt.substring(i + 1, k - 1);
            i = k;
            String name = field;
            String conversion = null;
            String spec = "";
            int bang = -1;
            int colon = -1;
            for (int q = 0; q < field.length(); q++) {
                char fc = field.charAt(q);
                if (fc == '[') {
                    return null; // an index: not computed here
                }
                if (fc == '!' && bang < 0 && colon < 0) {
                    bang = q;
                } else if (fc == ':' && colon < 0) {
                    colon = q;
                    break;
                }
            }
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                name = field.substring(0, bang >= 0 ? bang : colon);
                if (bang >= 0) {
                    conversion = field.substring(bang + 1, colon);
                }
            } else if (bang >= 0) {
                name = field.substring(0, bang);
                conversion = field.substring(bang + 1);
            }
            if (conversion != null) {
                if (conversion.length() != 1) {
                    throw new PyError("ValueError", conversion.isEmpty()
                            ? "unmatched '{' in format spec" : "expected ':' after conversion specifier");
                }
                char cv = conversion.charAt(0);
                if (cv != 's' && cv != 'r' && cv != 'a') {
                    throw new PyError("ValueError", "Unknown conversion specifier " + cv);
                }
                if (cv != 's') {
                    return null;
                }
            }
            if (!spec.isEmpty() || name.indexOf('.') >= 0) {
                return null;
            }
            Object v;
            if (name.isEmpty()) {
                if (mode == 2) {
                    throw new PyError("ValueError",
                            "cannot switch from manual field specification to automatic field numbering");
                }
                mode = 1;
                if (auto >= args.size()) {
                    throw new PyError("IndexError", "Replacement index " + auto + " out of range for positional args"
                            + " tuple");
                }
                v = args.get(auto++);
            } else if (name.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                if (mode == 1) {
                    throw new PyError("ValueError",
                            "cannot switch from automatic field numbering to manual field specification");
                }
                mode = 2;
                int index;
                try {
                    index = Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    return null;
                }
                if (index >= args.size()) {
                    throw new PyError("IndexError", "Replacement index " + index + " out of range for positional"
                            + " args tuple");
                }
                v = args.get(index);
            } else {
                if (kwargs == null) {
                    return null;
                }
                if (!kwargs.containsKey(name)) {
                    throw new PyError("KeyError", "'" + name + "'");
                }
                v = kwargs.get(name);
            }
            String text = str.str(v);
            if (text == null) {
                return null;
            }
            out.append(text);
            if (out.length() > cap) {
                return null;
            }
        }
        return out.toString();
    }
}
