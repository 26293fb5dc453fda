package io.github.footprint.model.wsgi;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.CType;
import io.github.footprint.base.Location;
import io.github.footprint.source.template.Unknowns;

/**
 * One server as httpd keeps it: the main server, or a {@code <VirtualHost>} (whose settings merge over the main
 * server's). mod_wsgi compares servers by their {@code ServerName} host part ({@code server_hostname}); a virtual
 * host without a {@code ServerName} takes the main server's once httpd has read everything (core's
 * {@code fixup_virtual_hosts}), and the main server without one uses the machine's own name, which a static
 * check cannot see.
 */
public final class ServerScope {
    private final ServerScope main;
    private final Location location;
    private final String address;
    private String serverName;
    private int serverNamePort;

    private ServerScope(ServerScope main, Location location, String address) {
        this.main = main;
        this.location = location;
        this.address = address;
    }

    static ServerScope mainServer() {
        return new ServerScope(null, null, null);
    }

    static ServerScope virtualHost(ServerScope main, Location location, String address) {
        return new ServerScope(main, location, address);
    }

    /** Records a {@code ServerName} argument: the last one read wins, as httpd's setter does. */
    void serverName(String arg) {
        String[] hp = hostAndPort(arg);
        serverName = hp[0];
        serverNamePort = hp[1].isEmpty() ? 0 : Atoi.parseInt(hp[1]);
    }

    /**
     * httpd's {@code set_server_name}: {@code [scheme://]host[:port]}, the host running up to the first colon
     * after the scheme. Returns {host, port text}.
     */
    static String[] hostAndPort(String arg) {
        String part = arg;
        int scheme = part.indexOf("://");
        if (scheme >= 0) {
            part = part.substring(scheme + 3);
        }
        int colon = part.indexOf(':');
        return colon < 0 ? new String[] {part, ""} : new String[] {part.substring(0, colon), part.substring(colon + 1)};
    }

    public boolean isVirtual() {
        return main != null;
    }

    /** The {@code <VirtualHost>} line, or null for the main server. */
    public Location location() {
        return location;
    }

    /** The {@code <VirtualHost>} address text ({@code *:80}), or null for the main server. */
    public String address() {
        return address;
    }

    /** The host part of this server's own (last) {@code ServerName}, or null when it declares none. */
    public String serverName() {
        return serverName;
    }

    /**
     * True when what names this server holds a value a template left unknown: a virtual host's address, its
     * {@code ServerName} or the name it takes from the main server; the main server's {@code ServerName}. Whether
     * another server's name matches it is then not known.
     */
    public boolean nameUnknown() {
        String name = isVirtual() ? effectiveName() : serverName;
        return isVirtual() && address != null && Unknowns.contains(address) || name != null && Unknowns.contains(name);
    }

    /**
     * The name requests of this server carry at run time ({@code r->server->server_hostname}): its own
     * {@code ServerName}, else the main server's; null when that is the machine's name (not in the files).
     */
    public String effectiveName() {
        if (serverName != null) {
            return serverName;
        }
        return main == null ? null : main.serverName;
    }

    /**
     * The port mod_wsgi puts into {@code %{SERVER}} and {@code %{RESOURCE}} names ({@code ap_get_server_port}
     * with the default {@code UseCanonicalName Off}): the port of the Host header, which clients send for
     * ports other than 80 and 443. Taken from the {@code ServerName}, else from a single port in the
     * {@code <VirtualHost>} address; 0 when none is known (the default port, left out of the name).
     */
    public int port() {
        if (serverNamePort > 0) {
            return serverNamePort;
        }
        if (address == null) {
            return 0;
        }
        // the words of the trimmed address (split at runs of [ \t\n\x0B\f\r]), each ADDR:PORT with 1-5 digits
        String s = address.trim();
        int n = s.length();
        int port = 0;
        int i = 0;
        do {
            int start = i;
            while (i < n && !CType.isSpace(s.charAt(i))) {
                i++;
            }
            int colon = s.lastIndexOf(':', i - 1);
            if (colon < start || i - colon - 1 < 1 || i - colon - 1 > 5) {
                return 0;
            }
            int p = 0;
            for (int k = colon + 1; k < i; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return 0;
                }
                p = p * 10 + (c - '0');
            }
            if (port != 0 && p != port) {
                return 0;
            }
            port = p;
            while (i < n && CType.isSpace(s.charAt(i))) {
                i++;
            }
        } while (i < n);
        return port;
    }

    /**
     * Whether mod_wsgi lets requests served by this server use a daemon group defined in {@code group}'s scope
     * ({@code wsgi_execute_remote}: the same server, a group at server level, or the same
     * {@code server_hostname}); null when it turns on the machine's own name.
     */
    public Boolean canUse(ServerScope group) {
        if (group == this || !group.isVirtual()) {
            return Boolean.TRUE;
        }
        boolean mine = serverName == null;
        boolean theirs = group.serverName == null;
        if (mine && theirs) {
            // both take the main server's name, whatever it is
            return Boolean.TRUE;
        }
        String a = effectiveName();
        String b = group.effectiveName();
        if (a == null || b == null) {
            return null;
        }
        return a.equals(b);
    }

    @Override
    public String toString() {
        return (main == null ? "main server" : "<VirtualHost " + address + "> (" + location + ")") + " "
                + serverName;
    }
}
