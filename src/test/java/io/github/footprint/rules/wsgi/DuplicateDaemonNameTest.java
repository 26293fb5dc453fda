package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class DuplicateDaemonNameTest {
    private static final String ID = "FP206";

    @TempDir
    Path tree;

    @Test
    void theSecondDefinitionNamesTheFirstAndHttpdsMessage() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName app.example.com",
                "    WSGIDaemonProcess app processes=1 threads=5",
                "</VirtualHost>",
                "<VirtualHost *:443>",
                "    ServerName app.example.com",
                "    WSGIDaemonProcess app processes=1 threads=5",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 7), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIDaemonProcess app is already defined at line 3, so httpd refuses to start; define it once and"
                + " select it with WSGIProcessGroup", f.message());
        assertEquals("The first definition is at apache/app.conf:3. httpd stops with 'Name duplicates previous WSGI"
                + " daemon definition.': names are unique across the whole server, virtual hosts included. Define the"
                + " group once, outside the <VirtualHost>, and select it with WSGIProcessGroup from both.", f.detail());
    }

    @Test
    void acrossIncludedFilesTheFirstInReadingOrderIsTheOriginal() throws Exception {
        write(tree, "apache2/apache2.conf",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "Include sites-enabled/*.conf");
        write(tree, "apache2/sites-enabled/b.conf", "WSGIDaemonProcess app threads=5");
        write(tree, "apache2/sites-enabled/a.conf", "WSGIDaemonProcess app threads=5");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache2/sites-enabled/b.conf", 1), f.location());
        assertTrue(f.message().startsWith("WSGIDaemonProcess app is already defined at a.conf:1"), f::message);
        assertTrue(f.detail().startsWith("The first definition is at apache2/sites-enabled/a.conf:1."), f::detail);
    }

    @Test
    void namesAreCaseSensitiveAndUnreadSectionsDoNotCount() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIDaemonProcess app threads=5",
                "WSGIDaemonProcess App threads=5",
                "<IfDefine LEGACY>",
                "    WSGIDaemonProcess app threads=5",
                "</IfDefine>");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
