package io.github.footprint.base;

/**
 * PasteDeploy's {@code config:PATH#NAME} (as {@code loadapp} and {@code use} take it): the path of an INI file and
 * the section name, {@code main} when no {@code #NAME} is given ({@code paste.deploy.loadwsgi.loadcontext}).
 */
public final class ConfigUri {
    /** The scheme, with its colon. */
    public static final String SCHEME = "config:";

    private final String path;
    private final String section;

    private ConfigUri(String path, String section) {
        this.path = path;
        this.section = section;
    }

    /** The parts of a {@code config:} URI, or null when the text has another scheme or none. */
    public static ConfigUri parse(String uri) {
        if (!uri.startsWith(SCHEME)) {
            return null;
        }
        String path = uri.substring(SCHEME.length());
        String section = "main";
        int hash = path.indexOf('#');
        if (hash >= 0) {
            section = path.substring(hash + 1);
            path = path.substring(0, hash);
        }
        return new ConfigUri(path, section);
    }

    /** The file as written, relative to the caller's folder unless it starts with {@code /}. */
    public String path() {
        return path;
    }

    /** The name after {@code #}, or {@code main}. */
    public String section() {
        return section;
    }
}
