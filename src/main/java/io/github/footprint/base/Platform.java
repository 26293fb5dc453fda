package io.github.footprint.base;

import java.util.Locale;
import java.util.Optional;

/**
 * The distribution whose stock httpd configuration surrounds a project that ships no httpd main file of its own:
 * the server its virtual hosts, confs and modules are read inside of.
 */
public enum Platform {
    /** Debian's and Ubuntu's {@code apache2} package: {@code /etc/apache2} as Debian 12 installs it. */
    DEBIAN("debian", "Debian 12's stock apache2 2.4.71", " (/etc/apache2, event MPM, mod_wsgi enabled)"),
    /** Upstream httpd's {@code make install}: {@code /usr/local/apache2/conf/httpd.conf} of httpd 2.4.62. */
    HTTPD("httpd", "upstream httpd 2.4.62's default httpd.conf", " (event MPM built in, compiled-in values)"),
    /** No distribution: the project's files alone, the {@code mpm} parameter with httpd's compiled-in values. */
    NONE("none", "no distribution's configuration", ": the project's files alone");

    private final String label;
    private final String name;
    private final String details;

    Platform(String label, String name, String details) {
        this.label = label;
        this.name = name;
        this.details = details;
    }

    /** The parameter's value: {@code debian}, {@code httpd}, {@code none}. */
    public String label() {
        return label;
    }

    /** The server it stands for, as a phrase with its main traits. */
    public String server() {
        return name + details;
    }

    /** The server it stands for, in a few words: {@code Debian 12's stock apache2 2.4.71}. */
    public String serverName() {
        return name;
    }

    /** The platform of that parameter value (any case), if there is one. */
    public static Optional<Platform> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.label.equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
