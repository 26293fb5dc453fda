package io.github.footprint.model.wsgi;

import io.github.footprint.base.Location;
import io.github.footprint.parse.wsgi.LineRefusal;

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
    private final LineRefusal lineRefusal;
    private final GroupRefusal groupRefusal;

    ImportScript(String script, Location location, ServerScope server, GroupSelection processGroup,
            ApplicationGroup applicationGroup, LineRefusal lineRefusal, GroupRefusal groupRefusal) {
        this.script = script;
        this.location = location;
        this.server = server;
        this.processGroup = processGroup;
        this.applicationGroup = applicationGroup;
        this.lineRefusal = lineRefusal;
        this.groupRefusal = groupRefusal;
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

    /** True when httpd refuses to start because of this line. */
    public boolean refused() {
        return lineRefusal != null || groupRefusal != null;
    }

    /** What httpd prints when it refuses the line, or null. */
    public String refusalMessage() {
        return lineRefusal != null ? lineRefusal.message() : groupRefusal != null ? groupRefusal.message() : null;
    }

    /** mod_wsgi's refusal of the line's text (no script, an option it cannot read, a group missing), or null. */
    public LineRefusal lineRefusal() {
        return lineRefusal;
    }

    /** mod_wsgi's refusal of the process group by its check at this line, or null. */
    public GroupRefusal groupRefusal() {
        return groupRefusal;
    }

    @Override
    public String toString() {
        return "WSGIImportScript " + script + " (" + location + ") " + processGroup;
    }
}
