package io.github.footprint.model.wsgi;

import io.github.footprint.base.Location;

/**
 * A {@code WSGIImportScript}: a script loaded when a process starts, into the process group and application group
 * its two required options name. mod_wsgi checks the group while reading the configuration.
 */
public final class ImportScript {
    private final String script;
    private final Location location;
    private final ServerScope server;
    private final GroupSelection processGroup;
    private final ApplicationGroup applicationGroup;
    private final String refusal;
    private final String refusalDetail;

    ImportScript(String script, Location location, ServerScope server, GroupSelection processGroup,
            ApplicationGroup applicationGroup, String refusal, String refusalDetail) {
        this.script = script;
        this.location = location;
        this.server = server;
        this.processGroup = processGroup;
        this.applicationGroup = applicationGroup;
        this.refusal = refusal;
        this.refusalDetail = refusalDetail;
    }

    public String script() {
        return script;
    }

    public Location location() {
        return location;
    }

    public ServerScope server() {
        return server;
    }

    /** The group it loads in; {@code %{GLOBAL}} loads it into every Apache child (embedded). */
    public GroupSelection processGroup() {
        return processGroup;
    }

    /** The application group, or null when the option is missing (a refusal). */
    public ApplicationGroup applicationGroup() {
        return applicationGroup;
    }

    /** httpd's start-up refusal of the directive ({@code WSGI process group not yet configured.}...), or null. */
    public String refusal() {
        return refusal;
    }

    /** Why the refusal happens; null without one. */
    public String refusalDetail() {
        return refusalDetail;
    }

    @Override
    public String toString() {
        return "WSGIImportScript " + script + " (" + location + ") " + processGroup;
    }
}
