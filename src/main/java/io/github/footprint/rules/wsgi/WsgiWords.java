package io.github.footprint.rules.wsgi;

import io.github.footprint.model.wsgi.ApplicationGroup;
import io.github.footprint.model.wsgi.GroupSelection;
import io.github.footprint.model.wsgi.ServerScope;

/** The phrases the mod_wsgi rules share for a server, a process group choice and an application group. */
final class WsgiWords {
    private WsgiWords() {
    }

    /** {@code <VirtualHost *:80> (file:line) named a.example.com}, or {@code the main server}. */
    static String server(ServerScope s) {
        if (!s.isVirtual()) {
            return s.serverName() == null ? "the main server" : "the main server (ServerName " + s.serverName() + ")";
        }
        return "<VirtualHost " + s.address() + "> (" + s.location() + ")"
                + (s.serverName() != null ? " named " + s.serverName()
                        : s.effectiveName() != null ? " without a ServerName (so named " + s.effectiveName() + ")"
                                : " without a ServerName");
    }

    /** {@code process-group=app (apache/app.conf:4)}, {@code WSGIProcessGroup %{GLOBAL} (...)}, or the default. */
    static String selection(GroupSelection g) {
        switch (g.source()) {
            case OPTION:
                return "process-group=" + g.written() + " (" + g.location() + ")";
            case DIRECTIVE:
                return "WSGIProcessGroup " + g.written() + " (" + g.location() + ")";
            default:
                return "no WSGIProcessGroup or process-group=";
        }
    }

    /**
     * {@code %{GLOBAL} (the main interpreter)}, a name in quotes, {@code %{RESOURCE} = 'host|/url'}, or the form
     * with why its name is not known.
     */
    static String applicationGroup(ApplicationGroup a) {
        String form = a.written() == null ? "%{RESOURCE} (the default)" : a.written();
        if (a.kind() == ApplicationGroup.Kind.GLOBAL) {
            return form + " (the main interpreter)";
        }
        if (a.kind() == ApplicationGroup.Kind.NAMED) {
            return "'" + a.written() + "'";
        }
        return a.key() != null ? form + " = '" + a.key() + "'" : form + " (" + unknown(a.unknown()) + ")";
    }

    private static String unknown(ApplicationGroup.Unknown u) {
        switch (u) {
            case NO_SERVER_NAME:
                return "the server's ServerName is not in the files";
            case PER_MATCHED_URL:
                return "one per URL the pattern matches";
            case PER_HOST_HEADER:
                return "one per Host header clients send";
            default:
                return "chosen per request";
        }
    }
}
