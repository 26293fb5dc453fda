package io.github.footprint.model.wsgi;

import io.github.footprint.base.Location;

/**
 * One {@code WSGIRestrictEmbedded} line. mod_wsgi takes it in the server configuration only
 * ({@code GLOBAL_ONLY}); with {@code On} it does not initialise Python in the Apache children, and embedded
 * requests get HTTP 500 ("Embedded mode of mod_wsgi disabled by runtime configuration").
 */
public final class RestrictEmbedded {
    private final Location location;
    private final String value;
    private final String problem;

    RestrictEmbedded(Location location, String value, String problem) {
        this.location = location;
        this.value = value;
        this.problem = problem;
    }

    public Location location() {
        return location;
    }

    /** The argument as written. */
    public String value() {
        return value;
    }

    /** True for {@code On} (any case), as {@code strcasecmp} reads it. */
    public boolean on() {
        return value.equalsIgnoreCase("On");
    }

    /**
     * httpd's refusal of this line ({@code WSGIRestrictEmbedded cannot occur within <VirtualHost> section},
     * {@code ... not allowed in <Directory> context}, {@code WSGIRestrictEmbedded must be one of: Off | On}), or
     * null when httpd takes it.
     */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return "WSGIRestrictEmbedded " + value + " (" + location + ")" + (problem == null ? "" : ": " + problem);
    }
}
