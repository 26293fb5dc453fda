package io.github.footprint.model.wsgi;

import io.github.footprint.base.Location;

/**
 * The application group a script is loaded in ({@code wsgi_application_group}): the Python (sub-)interpreter
 * that holds it. Every distinct group is a separate interpreter, with its own copy of every module, in every
 * process that serves it. Chosen like the process group: an {@code application-group=} option, else the
 * {@code WSGIApplicationGroup} that applies, else {@code %{RESOURCE}}.
 */
public final class ApplicationGroup {
    /** The forms mod_wsgi knows. */
    public enum Kind {
        /** {@code %{GLOBAL}}: the main interpreter, named "". */
        GLOBAL,
        /** {@code %{RESOURCE}}, the default: one per {@code host[:port]|SCRIPT_NAME}. */
        RESOURCE,
        /** {@code %{SERVER}}: one per {@code host[:port]} of the server. */
        SERVER,
        /** {@code %{HOST}}: one per Host header the clients send. */
        HOST,
        /** {@code %{ENV:var}}: whatever the variable holds per request. */
        ENV,
        /** A name written out. */
        NAMED
    }

    /** Why the interpreter's name is not known. */
    public enum Unknown {
        /** The server's {@code ServerName} is not in the files (the machine's name). */
        NO_SERVER_NAME,
        /** {@code %{RESOURCE}} of a {@code WSGIScriptAliasMatch}: one per URL the pattern matches. */
        PER_MATCHED_URL,
        /** {@code %{HOST}}: one per Host header clients send. */
        PER_HOST_HEADER,
        /** {@code %{ENV:var}}: chosen per request. */
        PER_REQUEST
    }

    private final Kind kind;
    private final String written;
    private final Location location;
    private final GroupSelection.Source source;
    private final String key;
    private final Unknown unknown;

    ApplicationGroup(Kind kind, String written, Location location, GroupSelection.Source source, String key) {
        this(kind, written, location, source, key, null);
    }

    ApplicationGroup(Kind kind, String written, Location location, GroupSelection.Source source, String key,
            Unknown unknown) {
        this.kind = kind;
        this.written = written;
        this.location = location;
        this.source = source;
        this.key = key;
        this.unknown = unknown;
    }

    /**
     * The kind of a value as mod_wsgi reads it: a value not starting with {@code %}, or starting with {@code %}
     * but none of its substitutions, is a name used as written.
     */
    static Kind kindOf(String value) {
        if (value == null || value.equals("%{RESOURCE}")) {
            return Kind.RESOURCE;
        }
        if (value.equals("%{GLOBAL}") || value.isEmpty()) {
            return Kind.GLOBAL;
        }
        if (value.equals("%{SERVER}")) {
            return Kind.SERVER;
        }
        if (value.equals("%{HOST}")) {
            return Kind.HOST;
        }
        if (value.startsWith("%{ENV:") && value.endsWith("}") && value.length() > "%{ENV:}".length()) {
            return Kind.ENV;
        }
        return Kind.NAMED;
    }

    public Kind kind() {
        return kind;
    }

    /** As written, or null for the default ({@code %{RESOURCE}}). */
    public String written() {
        return written;
    }

    /** The directive that chose it, or null for the default. */
    public Location location() {
        return location;
    }

    public GroupSelection.Source source() {
        return source;
    }

    /**
     * The interpreter's name as mod_wsgi forms it ({@code ""} for {@code %{GLOBAL}}, {@code a.example.com|/blog}
     * for {@code %{RESOURCE}}), or null when it depends on the request (a {@code WSGIScriptAliasMatch} under
     * {@code %{RESOURCE}}, {@code %{HOST}}, {@code %{ENV:var}}) or on a server name the files do not give.
     */
    public String key() {
        return key;
    }

    /** Why {@link #key()} is null; null when the key is known. */
    public Unknown unknown() {
        return unknown;
    }

    /** True when the name depends on the request (one interpreter per distinct value), not merely on unknown names. */
    public boolean perRequest() {
        return key == null && (kind == Kind.HOST || kind == Kind.ENV || kind == Kind.RESOURCE
                && unknown == Unknown.PER_MATCHED_URL);
    }

    @Override
    public String toString() {
        return kind + " " + (written == null ? "%{RESOURCE}" : written) + (key == null ? " " + unknown : " = '" + key
                + "'");
    }
}
