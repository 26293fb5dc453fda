package io.github.footprint.model.wsgi;

import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.parse.wsgi.LineRefusal;

/**
 * A {@code WSGIScriptAlias} (or {@code ...Match}): a URL served by a script, in a daemon group or embedded in
 * the Apache children, in an application group, with what mod_wsgi's scope rules make of that choice.
 */
public final class Mount {
    private final String directive;
    private final String url;
    private final String script;
    private final Location location;
    private final ServerScope server;
    private final GroupSelection processGroup;
    private final ApplicationGroup applicationGroup;
    private final boolean preloaded;
    private final GroupRefusal refusal;
    private final LineRefusal optionRefusal;
    private final List<ServerScope> unreachableFrom;

    Mount(String directive, String url, String script, Location location, ServerScope server,
            GroupSelection processGroup, ApplicationGroup applicationGroup, boolean preloaded, GroupRefusal refusal,
            LineRefusal optionRefusal, List<ServerScope> unreachableFrom) {
        this.directive = directive;
        this.url = url;
        this.script = script;
        this.location = location;
        this.server = server;
        this.processGroup = processGroup;
        this.applicationGroup = applicationGroup;
        this.preloaded = preloaded;
        this.refusal = refusal;
        this.optionRefusal = optionRefusal;
        this.unreachableFrom = List.copyOf(unreachableFrom);
    }

    /** {@code WSGIScriptAlias} or {@code WSGIScriptAliasMatch}, as written. */
    public String directive() {
        return directive;
    }

    /** Whether the URL is a regular expression ({@code WSGIScriptAliasMatch}). */
    public boolean isMatch() {
        return directive.equalsIgnoreCase("WSGIScriptAliasMatch");
    }

    /** The URL path (a regular expression for {@code WSGIScriptAliasMatch}). */
    public String url() {
        return url;
    }

    /** The script path as the configuration names it on the host. */
    public String script() {
        return script;
    }

    public Location location() {
        return location;
    }

    /** The server the alias belongs to (a main-server alias also serves every virtual host). */
    public ServerScope server() {
        return server;
    }

    /** The ServerName of the enclosing virtual host, or null. */
    public String serverName() {
        return server.isVirtual() ? server.serverName() : null;
    }

    /** How the process group is chosen, and what it is. */
    public GroupSelection processGroupSelection() {
        return processGroup;
    }

    /**
     * The daemon group that serves it, or null when it runs embedded in the Apache children. When a substitution
     * chooses the group per request ({@link GroupSelection.Mode#UNKNOWN}) this is the text as written.
     */
    public String processGroup() {
        return processGroup.mode() == GroupSelection.Mode.EMBEDDED ? null : processGroup.written();
    }

    /** True when it runs embedded in the Apache children. */
    public boolean embedded() {
        return processGroup.mode() == GroupSelection.Mode.EMBEDDED;
    }

    /** The {@code WSGIDaemonProcess} that serves it (first of the name), or null: embedded, unknown or undefined. */
    public DaemonGroup daemon() {
        return processGroup.daemon();
    }

    public ApplicationGroup applicationGroup() {
        return applicationGroup;
    }

    /**
     * True when both {@code process-group=} and {@code application-group=} are given without substitutions (and, for
     * {@code WSGIScriptAliasMatch}, the script has no {@code $}): mod_wsgi then loads the script when the process
     * starts, and checks the group while reading the configuration.
     */
    public boolean preloaded() {
        return preloaded;
    }

    /**
     * httpd's start-up refusal of this alias by mod_wsgi's group check ({@code WSGI process group not yet
     * configured.}, {@code ... not accessible.}, {@code ... not matchable.}), or null.
     */
    public GroupRefusal refusal() {
        return refusal;
    }

    /**
     * mod_wsgi's refusal of the alias's options ({@code Invalid option to WSGI script alias definition.}...; it stops
     * at the first), or null when it reads them all.
     */
    public LineRefusal optionRefusal() {
        return optionRefusal;
    }

    /**
     * Servers whose requests for this mount mod_wsgi refuses with HTTP 500 ("Daemon process called '...' cannot
     * be accessed by this WSGI application"): the group is defined in a virtual host of another ServerName.
     */
    public List<ServerScope> unreachableFrom() {
        return unreachableFrom;
    }

    @Override
    public String toString() {
        return directive + " " + url + " " + script + " (" + location + ") " + processGroup + ", application group "
                + applicationGroup;
    }
}
