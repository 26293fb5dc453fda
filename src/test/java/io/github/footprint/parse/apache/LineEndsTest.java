package io.github.footprint.parse.apache;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * httpd's {@code ap_cfg_getline} ends a line at LF only (LineEndOracleTest runs these through apache2 -t): a CR
 * before the LF is trailing white space, a lone CR is white space inside the line, with template filtering on or
 * off, in a file of any name an Include reads.
 */
class LineEndsTest {
    private static final String PRE = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n";

    @TempDir
    Path dir;

    private ApacheConfig read(boolean filtering, String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        return Trees.apache(Trees.load(dir, new Properties(), filtering), "2.4", "event", Map.of());
    }

    private static List<String> tree(ApacheConfig c) {
        List<String> out = new ArrayList<>();
        c.walk(d -> out.add(d.location().line() + " " + d.name() + " " + d.args()));
        return out;
    }

    @Test
    void loneCarriageReturnsDoNotEndLines() {
        for (boolean filtering : new boolean[] {true, false}) {
            ApacheConfig c = read(filtering, "apache2.conf", PRE + "WSGIDaemonProcess app processes=2\rWSGIScriptAlias"
                    + " / /srv/app.wsgi\rTimeout 30\nKeepAlive On\r\n# note\rTimeout 5\nInclude README\n", "README",
                    "ServerName a\rServerAlias b\n");
            assertEquals(List.of("1 LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]",
                    "2 WSGIDaemonProcess [app, processes=2, WSGIScriptAlias, /, /srv/app.wsgi, Timeout, 30]",
                    "3 KeepAlive [On]", "5 Include [README]", "1 ServerName [a, ServerAlias, b]"), tree(c));
            assertEquals("app processes=2\rWSGIScriptAlias / /srv/app.wsgi\rTimeout 30",
                    c.find("WSGIDaemonProcess").get(0).rawArgs());
        }
    }

    @Test
    void aCarriageReturnBeforeTheLineFeedMayFollowAContinuation() {
        ApacheConfig c = read(true, "apache2.conf", PRE + "WSGIDaemonProcess app \\\r\n  processes=2\r\n"
                + "ServerAdmin \"a\rb\"\r\r\n");
        assertEquals(List.of("1 LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]",
                "2 WSGIDaemonProcess [app, processes=2]", "4 ServerAdmin [a\rb]"), tree(c));
    }
}
