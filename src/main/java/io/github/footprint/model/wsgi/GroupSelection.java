package io.github.footprint.model.wsgi;

import io.github.footprint.base.Location;
import io.github.footprint.source.template.Unknowns;

/**
 * The process group a script runs in, as mod_wsgi chooses it ({@code wsgi_process_group}): a
 * {@code process-group=} option on the {@code WSGIScriptAlias}, else the {@code WSGIProcessGroup} that applies,
 * else none, which is embedded mode. {@code %{GLOBAL}} also means embedded; {@code %{ENV:var}},
 * {@code %{SERVER}}, {@code %{HOST}} and {@code %{RESOURCE}} are worked out per request and stay unknown here.
 */
public final class GroupSelection {
    /** Where the requests run. */
    public enum Mode {
        /** In the daemon group {@link #name()} (defined or not: see {@link #daemon()}). */
        DAEMON,
        /** In the Apache children themselves. */
        EMBEDDED,
        /** Chosen per request by a substitution; footprint does not guess it. */
        UNKNOWN
    }

    /** What made the choice. */
    public enum Source {
        /** A {@code process-group=} option of the directive itself. */
        OPTION,
        /** A {@code WSGIProcessGroup} directive. */
        DIRECTIVE,
        /** Nothing: mod_wsgi's default. */
        DEFAULT
    }

    private final Mode mode;
    private final Source source;
    private final String written;
    private final Location location;
    private final ServerScope scope;
    private final DaemonGroup daemon;
    private final ServerScope daemonScope;

    GroupSelection(Mode mode, Source source, String written, Location location, ServerScope scope, DaemonGroup daemon,
            ServerScope daemonScope) {
        this.mode = mode;
        this.source = source;
        this.written = written;
        this.location = location;
        this.scope = scope;
        this.daemon = daemon;
        this.daemonScope = daemonScope;
    }

    /** The value as written ({@code app}, {@code %{GLOBAL}}, {@code %{ENV:GROUP}}), or null for the default. */
    public String written() {
        return written;
    }

    /**
     * True when the value written holds one a template left unknown ({@code process-group={{ group }}}): which group
     * it names is not known, and a rule does not judge it.
     */
    public boolean unknown() {
        return written != null && Unknowns.contains(written);
    }

    public Mode mode() {
        return mode;
    }

    public Source source() {
        return source;
    }

    /** The daemon group's name in {@link Mode#DAEMON}, else null. */
    public String name() {
        return mode == Mode.DAEMON ? written : null;
    }

    /** The directive that chose: the alias line for an option, the {@code WSGIProcessGroup} line; null by default. */
    public Location location() {
        return location;
    }

    /** The server the choosing directive belongs to. */
    public ServerScope scope() {
        return scope;
    }

    /** The {@code WSGIDaemonProcess} of that name (the first, as mod_wsgi keeps it), or null when none has it. */
    public DaemonGroup daemon() {
        return daemon;
    }

    /** The server the daemon group is defined in, or null when there is no such group. */
    public ServerScope daemonScope() {
        return daemonScope;
    }

    @Override
    public String toString() {
        return mode + " " + source + " " + written + " (" + location + ")";
    }
}
