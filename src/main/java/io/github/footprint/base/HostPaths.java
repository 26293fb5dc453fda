package io.github.footprint.base;

import java.util.ArrayList;
import java.util.List;

/** Paths as the host resolves them. */
public final class HostPaths {
    private HostPaths() {
    }

    /**
     * Python's {@code posixpath.dirname}: up to the last {@code /}, its trailing slashes removed unless it is all
     * slashes ({@code /a//b} gives {@code /a}, {@code //b} gives {@code //}, {@code b} gives the empty text). The
     * start-up scripts' {@code os.path.dirname} and Jinja2's {@code dirname} filter (Ansible's, on POSIX) are this.
     */
    public static String dirname(String p) {
        String head = p.substring(0, p.lastIndexOf('/') + 1);
        int end = head.length();
        while (end > 0 && head.charAt(end - 1) == '/') {
            end--;
        }
        // all slashes: kept as they are
        return end == 0 ? head : head.substring(0, end);
    }

    /** Python's {@code posixpath.basename}: after the last {@code /}. */
    public static String basename(String p) {
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * The path with empty and {@code .} components dropped and each {@code ..} taking away the component before it,
     * no trailing slash. A {@code ..} at the root of an absolute path is dropped, since above the root is the root:
     * Linux resolves {@code /..} to {@code /}, Python's {@code os.path.normpath} (which PasteDeploy's
     * {@code os.path.abspath} applies) makes {@code /../x} {@code /x}, and so does APR's {@code apr_filepath_merge}
     * that httpd resolves file names with. A relative path keeps its leading {@code ..} components.
     */
    public static String normalise(String path) {
        if (isNormal(path)) {
            return path;
        }
        boolean abs = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else if (!(s.equals("..") && abs)) {
                parts.add(s);
            }
        }
        return (abs ? "/" : "") + String.join("/", parts);
    }

    /** True when {@link #normalise} has nothing to do: no empty, {@code .} or {@code ..} component, no trailing slash. */
    private static boolean isNormal(String p) {
        int n = p.length();
        int start = p.startsWith("/") ? 1 : 0;
        if (n == start) {
            return true;
        }
        if (p.charAt(n - 1) == '/') {
            return false;
        }
        for (int i = start; i < n; ) {
            int slash = p.indexOf('/', i);
            if (slash < 0) {
                slash = n;
            }
            int len = slash - i;
            if (len == 0 || (len == 1 && p.charAt(i) == '.') || (len == 2 && p.charAt(i) == '.' && p.charAt(i + 1) == '.')) {
                return false;
            }
            i = slash + 1;
        }
        return true;
    }
}
