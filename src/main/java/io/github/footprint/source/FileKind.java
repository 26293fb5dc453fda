package io.github.footprint.source;

import java.util.Locale;
import java.util.regex.Pattern;

import io.github.footprint.source.template.TemplateName;

/**
 * What reader a file of the deploy tree goes to, decided by its name with its template suffixes removed
 * ({@code production.ini.j2} is an INI file, {@code httpd.conf.erb} httpd configuration, {@code app.wsgi.mako} a
 * start-up script; see {@link TemplateName}). A template whose name says nothing ({@code apache-keystone.template})
 * gets the kind its content shows ({@link #sniff}).
 */
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

    /** Classifies a path relative to the source directory ({@code /} separators), template suffixes removed. */
    public static FileKind of(String relativePath) {
        String p = relativePath.toLowerCase(Locale.ROOT);
        String name = TemplateName.of(p).baseName();
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

    private static final Pattern APACHE_STRONG = Pattern.compile("(?im)^[ \\t]*(?:<VirtualHost\\b|WSGI[A-Za-z]+[ \\t]|"
            + "LoadModule[ \\t]|Listen[ \\t]+\\S|ServerRoot[ \\t]|<IfModule\\b)");
    private static final Pattern APACHE_WEAK = Pattern.compile("(?im)^[ \\t]*(?:<(?:Directory|Location|Files|Proxy)"
            + "(?:Match)?\\b|(?:ServerName|ServerAlias|DocumentRoot|Alias|ErrorLog|CustomLog|IncludeOptional|SetEnv|"
            + "RewriteEngine|RewriteRule|ProxyPass|Header|KeepAlive|MaxRequestWorkers|Require)[ \\t])");
    private static final Pattern INI_SECTION = Pattern.compile("(?m)^[ \\t]*\\[(?:app|server|pipeline|composite|filter|"
            + "filter-app|loggers|handlers|formatters)(?::[^\\]\\n]*)?\\][ \\t]*\\r?$");
    private static final Pattern SYSTEMD_SECTION = Pattern.compile("(?m)^\\[(?:Unit|Service|Install)\\][ \\t]*\\r?$");

    /**
     * The kind a template's content shows, for a name that says nothing: httpd configuration (a
     * {@code <VirtualHost>}, a {@code WSGI...} directive, {@code LoadModule}, {@code Listen}, or two directives of
     * other kinds), a PasteDeploy INI file ({@code [app:...]}, {@code [server:...]}...), a systemd unit, a script by
     * its {@code #!} line; else {@link #OTHER}.
     */
    public static FileKind sniff(CharSequence text) {
        String head = text.length() > 200 ? text.subSequence(0, 200).toString() : text.toString();
        if (head.startsWith("#!")) {
            String first = head.split("\\r?\\n", 2)[0];
            if (first.contains("python")) {
                return PYTHON;
            }
            if (first.matches("#!.*\\b(?:ba|da|k|z)?sh\\b.*")) {
                return SHELL;
            }
        }
        if (INI_SECTION.matcher(text).find()) {
            return INI;
        }
        if (SYSTEMD_SECTION.matcher(text).find()) {
            return SYSTEMD;
        }
        if (APACHE_STRONG.matcher(text).find()) {
            return APACHE;
        }
        java.util.regex.Matcher weak = APACHE_WEAK.matcher(text);
        int n = 0;
        while (weak.find() && ++n < 2) {
            // count two
        }
        return n >= 2 ? APACHE : OTHER;
    }
}
