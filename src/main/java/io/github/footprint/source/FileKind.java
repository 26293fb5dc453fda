package io.github.footprint.source;

import java.util.Locale;

/** What reader a file of the deploy tree goes to, decided by its name. */
public enum FileKind {
    /** httpd configuration: {@code *.conf}, {@code *.load}, {@code *.conf.in}. */
    APACHE,
    /** PasteDeploy INI: {@code *.ini}. */
    INI,
    /** Shell start-up scripts: {@code *.sh}, {@code envvars}. */
    SHELL,
    /** systemd units and drop-ins: {@code *.service}, {@code *.service.d/*.conf}. */
    SYSTEMD,
    /** Python start-up scripts: {@code *.wsgi}, {@code *.py}. */
    PYTHON,
    /** Anything else: listed, never parsed. */
    OTHER;

    /** Classifies a path relative to the source directory ({@code /} separators). */
    public static FileKind of(String relativePath) {
        String p = relativePath.toLowerCase(Locale.ROOT);
        String name = p.substring(p.lastIndexOf('/') + 1);
        String parent = p.lastIndexOf('/') > 0 ? p.substring(0, p.lastIndexOf('/')) : "";
        if (name.endsWith(".service") || (parent.endsWith(".service.d") && name.endsWith(".conf"))) {
            return SYSTEMD;
        }
        if (name.endsWith(".conf") || name.endsWith(".load") || name.endsWith(".conf.in")) {
            return APACHE;
        }
        if (name.endsWith(".ini")) {
            return INI;
        }
        if (name.endsWith(".sh") || name.equals("envvars")) {
            return SHELL;
        }
        if (name.endsWith(".wsgi") || name.endsWith(".py")) {
            return PYTHON;
        }
        return OTHER;
    }
}
