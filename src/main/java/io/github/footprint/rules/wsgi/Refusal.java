package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Finding;

/**
 * The words every mod_wsgi finding uses when httpd itself refuses to start (AH00526), so that the refusals can be
 * told from findings about run time (the httpd oracle test compares exactly these with {@code apache2 -t}).
 */
public final class Refusal {
    /** In the message of every finding that httpd refuses the configuration for. */
    public static final String MARK = "httpd refuses to start";

    private Refusal() {
    }

    /** True when the finding states a start-up refusal. */
    public static boolean is(Finding f) {
        return f.message().contains(MARK);
    }
}
