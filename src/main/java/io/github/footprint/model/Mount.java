package io.github.footprint.model;

import io.github.footprint.findings.Location;

/** A {@code WSGIScriptAlias} (or {@code ...Match}): a URL served by a script, in a daemon group or embedded. */
public final class Mount {
    private final String url;
    private final String script;
    private final String processGroup;
    private final Location location;
    private final String serverName;

    Mount(String url, String script, String processGroup, Location location, String serverName) {
        this.url = url;
        this.script = script;
        this.processGroup = processGroup;
        this.location = location;
        this.serverName = serverName;
    }

    public String url() {
        return url;
    }

    /** The script path as the configuration names it on the host. */
    public String script() {
        return script;
    }

    /** The daemon group that serves it, or null when it runs embedded in the Apache children. */
    public String processGroup() {
        return processGroup;
    }

    public Location location() {
        return location;
    }

    /** The ServerName of the enclosing virtual host, or null. */
    public String serverName() {
        return serverName;
    }
}
