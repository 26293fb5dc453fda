package io.github.footprint.parse.wsgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.footprint.base.EditDistance;
import io.github.footprint.parse.wsgi.WsgiOptions.Option;
import io.github.footprint.parse.wsgi.WsgiOptions.Version;

/** The WSGIDaemonProcess option table per mod_wsgi release (docs/domain/mod_wsgi.md#daemon-options) and mod_wsgi's
 * checks of values. */
class WsgiOptionsTest {
    private static final Version V494 = Version.parse("4.9.4");
    private static final Version V60 = Version.parse("6.0");
    private static final Version V605 = Version.parse("6.0.5");

    private static List<String> names(Version v) {
        return WsgiOptions.in(v).stream().map(Option::name).collect(Collectors.toList());
    }

    private static Option option(String name) {
        return WsgiOptions.byName(name).orElseThrow();
    }

    @Test
    void theVersionSetsOfDomainOneTwo() {
        // 1.x: 8, 2.x: 16, 3.4-3.5: 27, 4.5.13 to 5.0.2: the same 43, 6.0.5: 44
        assertEquals(8, names(Version.parse("1.3")).size());
        assertEquals(16, names(Version.parse("2.8")).size());
        assertEquals(27, names(Version.parse("3.4")).size());
        assertEquals(27, names(Version.parse("3.5")).size());
        List<String> v4513 = names(Version.parse("4.5.13"));
        assertEquals(43, v4513.size());
        for (String v : List.of("4.5.24", "4.6.0", "4.7.1", "4.8.0", "4.9", "4.9.4", "5.0.0", "5.0.2")) {
            assertEquals(v4513, names(Version.parse(v)), v);
        }
        assertEquals(44, names(V605).size());
        // 6.0.0: switch-interval and interrupt-timeout in, newrelic-* out; response-flush-delay from 6.0.2
        assertEquals(43, names(Version.parse("6.0.0")).size());
        assertEquals(44, names(Version.parse("6.0.2")).size());
        List<String> added = names(V605).stream().filter(n -> !v4513.contains(n)).collect(Collectors.toList());
        assertEquals(List.of("switch-interval", "interrupt-timeout", "response-flush-delay"), added);
        List<String> dropped = v4513.stream().filter(n -> !names(V605).contains(n)).collect(Collectors.toList());
        assertEquals(List.of("newrelic-config-file", "newrelic-environment"), dropped);
        // proxy-buffer-size lived from 4.3.1 to 4.4.6
        assertTrue(names(Version.parse("4.4.6")).contains("proxy-buffer-size"));
        assertFalse(names(Version.parse("4.4.7")).contains("proxy-buffer-size"));
        assertFalse(names(Version.parse("4.3.0")).contains("proxy-buffer-size"));
    }

    @Test
    void everyOptionOfTheInstalledReleaseIsInItsBinary() {
        // the option names of Debian's mod_wsgi 4.9.4 (strings of mod_wsgi.so, in wsgi_add_daemon_process order)
        assertEquals(List.of("user", "group", "supplementary-groups", "processes", "threads", "umask", "chroot", "home",
                "lang", "locale", "python-home", "python-path", "python-eggs", "stack-size", "maximum-requests",
                "startup-timeout", "shutdown-timeout", "deadlock-timeout", "inactivity-timeout", "request-timeout",
                "graceful-timeout", "eviction-timeout", "restart-interval", "connect-timeout", "socket-timeout",
                "queue-timeout", "listen-backlog", "display-name", "send-buffer-size", "receive-buffer-size",
                "header-buffer-size", "response-buffer-size", "response-socket-timeout", "socket-user", "script-user",
                "script-group", "cpu-time-limit", "cpu-priority", "memory-limit", "virtual-memory-limit",
                "server-metrics", "newrelic-config-file", "newrelic-environment"), names(V494));
    }

    @Test
    void versionsReadAsTheirDotZeroRelease() {
        assertEquals(Version.parse("6.0.0"), V60);
        assertTrue(V60.patchImplied());
        assertFalse(V605.patchImplied());
        assertEquals("6.0", V60.toString());
        assertFalse(option("response-flush-delay").availableIn(V60));
        assertTrue(option("response-flush-delay").availableIn(V605));
        assertTrue(Version.parse("4.10").compareTo(Version.parse("4.9.4")) > 0);
        assertThrows(IllegalArgumentException.class, () -> Version.parse("4"));
        assertThrows(IllegalArgumentException.class, () -> Version.parse("4.9-1"));
        assertEquals("6.0.0", option("interrupt-timeout").firstIn().toString());
        assertTrue(option("interrupt-timeout").removedIn().isEmpty());
        assertEquals("6.0.0", option("newrelic-environment").removedIn().orElseThrow().toString());
        assertEquals("4.4.7", option("proxy-buffer-size").removedIn().orElseThrow().toString());
        assertEquals("4.4.6", option("proxy-buffer-size").removedIn().orElseThrow().before());
    }

    @Test
    void theOptionMeantByAWrongName() {
        assertEquals("threads", WsgiOptions.meant("Threads").orElseThrow().name());
        assertEquals("threads", WsgiOptions.meant("threds").orElseThrow().name());
        assertEquals("threads", WsgiOptions.meant("thread").orElseThrow().name());
        assertEquals("maximum-requests", WsgiOptions.meant("maximum_requests").orElseThrow().name());
        assertEquals("maximum-requests", WsgiOptions.meant("MAXIMUM_REQUESTS").orElseThrow().name());
        assertEquals("processes", WsgiOptions.meant("proccesses").orElseThrow().name());
        assertEquals("display-name", WsgiOptions.meant("dispaly-name").orElseThrow().name());
        assertEquals(Optional.empty(), WsgiOptions.meant("foo"));
        assertEquals(Optional.empty(), WsgiOptions.meant("max-requests"));
        assertEquals(1, EditDistance.between("threads", "thraeds"));
    }

    private static String check(String option, String value) {
        return WsgiOptions.check(option(option), value, V494);
    }

    @Test
    void theChecksAndMessagesOfWsgiAddDaemonProcess() {
        assertEquals("Invalid process count for WSGI daemon process.", check("processes", "0"));
        assertEquals("Invalid process count for WSGI daemon process.", check("processes", "abc"));
        assertEquals("Invalid process count for WSGI daemon process.", check("processes", ""));
        assertNull(check("processes", "1"));
        // (int) 4294967297 is 1
        assertNull(check("processes", "4294967297"));
        assertNull(check("threads", "0"));
        assertNull(check("threads", "65533"));
        assertEquals("Invalid thread count for WSGI daemon process.", check("threads", "65534"));
        assertEquals("Invalid thread count for WSGI daemon process.", check("threads", "-1"));
        // before 4.6.0 threads=0 was refused
        assertEquals("Invalid thread count for WSGI daemon process.",
                WsgiOptions.check(option("threads"), "0", Version.parse("4.5.24")));
        assertNull(check("stack-size", "1"));
        assertEquals("Invalid stack size for WSGI daemon process.", check("stack-size", "0"));
        assertEquals("Invalid request count for WSGI daemon process.", check("maximum-requests", "-1"));
        assertNull(check("maximum-requests", "abc"));
        for (Option o : WsgiOptions.all()) {
            if (o.type() == WsgiOptions.Type.SECONDS) {
                assertEquals(o.invalidMessage(), check(o.name(), "-1"), o.name());
                assertEquals(o.invalidMessage(), check(o.name(), ""), o.name());
                assertNull(check(o.name(), "0"), o.name());
                assertTrue(o.invalidMessage().startsWith("Invalid ") && o.invalidMessage().endsWith(
                        " for WSGI daemon process."), o.name());
            }
        }
        assertEquals("Invalid CPU time limit for WSGI daemon process.", check("cpu-time-limit", "-1"));
        assertEquals("Send buffer size must be >= 512 bytes, or 0 for system default.", check("send-buffer-size", "511"));
        assertEquals("Send buffer size must be >= 512 bytes, or 0 for system default.", check("send-buffer-size", "-1"));
        assertEquals("Invalid send buffer size for WSGI daemon process.", check("send-buffer-size", ""));
        assertNull(check("send-buffer-size", "0"));
        assertNull(check("send-buffer-size", "abc"));
        assertEquals("Receive buffer size must be >= 512 bytes, or 0 for system default.",
                check("receive-buffer-size", "100"));
        assertEquals("Header buffer size must be >= 8192 bytes, or 0 for default.", check("header-buffer-size", "8191"));
        assertEquals("Response buffer size must be >= 65536 bytes, or 0 for default.",
                check("response-buffer-size", "65535"));
        assertNull(check("response-buffer-size", "65536"));
        assertEquals("Invalid memory limit for WSGI daemon process.", check("memory-limit", "-1"));
        assertEquals("Invalid memory limit for WSGI daemon process.", check("memory-limit", "-99999999999999999999"));
        assertNull(check("memory-limit", "99999999999999999999"));
        assertEquals("Invalid virtual memory limit for WSGI daemon process.", check("virtual-memory-limit", ""));
        assertEquals("Invalid CPU priority for WSGI daemon process.", check("cpu-priority", ""));
        assertNull(check("cpu-priority", "40"));
        assertNull(check("server-metrics", "on"));
        assertNull(check("server-metrics", "OFF"));
        assertEquals("Invalid server metrics flag for WSGI daemon process.", check("server-metrics", "1"));
        assertEquals("Invalid home directory for WSGI daemon process.", check("home", "srv"));
        assertEquals("Invalid home directory for WSGI daemon process.", check("home", ""));
        assertEquals("Invalid chroot directory for WSGI daemon process.", check("chroot", "~/x"));
        assertNull(check("home", "/srv"));
        assertNull(check("lang", ""));
        assertNull(check("display-name", ""));
        assertNull(check("supplementary-groups", ""));
    }

    @Test
    void usersAndGroups() {
        assertEquals("WSGI process blocked from running as root.", check("user", "root"));
        assertEquals("WSGI process blocked from running as root.", check("user", "#0"));
        // ap_uname2id: atoi of what follows '#', so text is uid 0, and so are the low 32 bits of 2^32
        assertEquals("WSGI process blocked from running as root.", check("user", "#abc"));
        assertEquals("WSGI process blocked from running as root.", check("user", "#"));
        assertEquals("WSGI process blocked from running as root.", check("user", "#4294967296"));
        assertEquals("Invalid user for WSGI daemon process.", check("user", ""));
        assertNull(check("user", "www-data"));
        assertNull(check("user", "#33"));
        // only the group may be root
        assertNull(check("group", "root"));
        assertNull(check("group", "#0"));
        assertEquals("Invalid group for WSGI daemon process.", check("group", ""));
        assertEquals("Invalid socket user for WSGI daemon process.", check("socket-user", ""));
        assertEquals("Invalid script user for WSGI daemon process.", check("script-user", ""));
        assertEquals("Invalid script group for WSGI daemon process.", check("script-group", ""));
        assertEquals(2, WsgiOptions.groups("a,b"));
        assertEquals(1, WsgiOptions.groups("a,,b"));
        assertEquals(0, WsgiOptions.groups(""));
        String many = String.join(",", java.util.Collections.nCopies(65536, "g"));
        assertEquals("Too many supplementary groups WSGI daemon process", check("supplementary-groups", many));
        assertNull(check("supplementary-groups", many.substring(2)));
    }

    @Test
    void umaskIsStrtolInBaseEightToTheLastCharacter() {
        for (String ok : List.of("0022", "022", "7", "+7", "-0", " 022", "0")) {
            assertNull(check("umask", ok), ok);
        }
        for (String bad : List.of("8", "0x12", "-1", "022 ", "22a", "", "+", " ", "0777777777777777777777777")) {
            assertEquals("Invalid umask for WSGI daemon process.", check("umask", bad), bad);
        }
        assertTrue(WsgiOptions.umaskValid("777777777777777777777"));
        assertFalse(WsgiOptions.umaskValid("1777777777777777777777"));
    }

    @Test
    void switchIntervalIsAPositiveFraction() {
        Option o = option("switch-interval");
        assertNull(WsgiOptions.check(o, "0.005", V605));
        assertEquals("Invalid switch interval for WSGI daemon process.", WsgiOptions.check(o, "0", V605));
        assertEquals("Invalid switch interval for WSGI daemon process.", WsgiOptions.check(o, "abc", V605));
        assertEquals("Invalid switch interval for WSGI daemon process.", WsgiOptions.check(o, "", V605));
        assertEquals("Invalid switch interval for WSGI daemon process.", WsgiOptions.check(o, "-1", V605));
    }
}
