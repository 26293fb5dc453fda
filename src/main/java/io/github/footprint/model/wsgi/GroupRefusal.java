package io.github.footprint.model.wsgi;

/**
 * httpd's start-up refusal of a line whose process group mod_wsgi checks while reading the configuration
 * ({@code wsgi_add_script_alias} for an alias with both groups given, {@code wsgi_add_import_script}): the group
 * must be defined on an earlier line, and one of a virtual host only under the same {@code ServerName} as it
 * stands by this line.
 */
public final class GroupRefusal {
    /** What mod_wsgi finds. */
    public enum Kind {
        /** No {@code WSGIDaemonProcess} of the name before this line. */
        NOT_YET_CONFIGURED("WSGI process group not yet configured."),
        /** The group's virtual host and this line's server have different names. */
        NOT_ACCESSIBLE("WSGI process group not accessible."),
        /** One of the two servers has no {@code ServerName} by this line. */
        NOT_MATCHABLE("WSGI process group not matchable.");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        /** What httpd prints after {@code AH00526: Syntax error on line N of FILE:}. */
        public String message() {
            return message;
        }
    }

    private final Kind kind;
    private final String group;
    private final DaemonGroup definedLater;
    private final ServerScope groupScope;
    private final String groupNameSoFar;
    private final ServerScope lineScope;
    private final String lineNameSoFar;

    private GroupRefusal(Kind kind, String group, DaemonGroup definedLater, ServerScope groupScope,
            String groupNameSoFar, ServerScope lineScope, String lineNameSoFar) {
        this.kind = kind;
        this.group = group;
        this.definedLater = definedLater;
        this.groupScope = groupScope;
        this.groupNameSoFar = groupNameSoFar;
        this.lineScope = lineScope;
        this.lineNameSoFar = lineNameSoFar;
    }

    static GroupRefusal notYetConfigured(String group, DaemonGroup definedLater) {
        return new GroupRefusal(Kind.NOT_YET_CONFIGURED, group, definedLater, null, null, null, null);
    }

    static GroupRefusal otherServer(Kind kind, String group, ServerScope groupScope, String groupNameSoFar,
            ServerScope lineScope, String lineNameSoFar) {
        return new GroupRefusal(kind, group, null, groupScope, groupNameSoFar, lineScope, lineNameSoFar);
    }

    public Kind kind() {
        return kind;
    }

    /** What httpd prints. */
    public String message() {
        return kind.message();
    }

    /** The process group's name as checked. */
    public String group() {
        return group;
    }

    /** {@link Kind#NOT_YET_CONFIGURED}: the {@code WSGIDaemonProcess} of the name after this line, or null for none. */
    public DaemonGroup definedLater() {
        return definedLater;
    }

    /** The server the group is defined in (not for {@link Kind#NOT_YET_CONFIGURED}). */
    public ServerScope groupScope() {
        return groupScope;
    }

    /** The {@code ServerName} host of {@link #groupScope()} as read by this line, or null for none yet. */
    public String groupNameSoFar() {
        return groupNameSoFar;
    }

    /** The server of the refused line (not for {@link Kind#NOT_YET_CONFIGURED}). */
    public ServerScope lineScope() {
        return lineScope;
    }

    /** The {@code ServerName} host of {@link #lineScope()} as read by this line, or null for none yet. */
    public String lineNameSoFar() {
        return lineNameSoFar;
    }

    @Override
    public String toString() {
        return message();
    }
}
