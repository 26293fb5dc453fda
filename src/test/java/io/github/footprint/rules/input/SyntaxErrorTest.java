package io.github.footprint.rules.input;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class SyntaxErrorTest {
    private static final String ID = "FP001";

    @TempDir
    Path tree;

    @Test
    void unclosedVirtualHostSaysWhatHttpdSaysAtTheOpenTag() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName app.example.com");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("<VirtualHost> was not closed.", f.message());
    }

    @Test
    void mismatchedCloseTagNamesBothTags() throws Exception {
        write(tree, "apache/app.conf",
                "<Location /static>",
                "    Require all granted",
                "</Directory>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 3), f.location());
        assertEquals("Expected </Location> but saw </Directory>", f.message());
    }

    /**
     * httpd stops at the first error, so a close tag that does not match its section is the only message: the
     * outer section is not reported as unclosed as well.
     */
    @Test
    void mismatchedCloseTagInANestedSectionIsOneError() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    <Directory /srv/app>",
                "        Require all granted",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 4), f.location());
        assertEquals("Expected </Directory> but saw </VirtualHost>", f.message());
    }

    @Test
    void duplicateIniKeyIsConfigparsersDuplicateOptionError() throws Exception {
        write(tree, "app/production.ini",
                "[server:main]",
                "use = egg:Paste#http",
                "port = 5000",
                "port = 8080");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 4), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("option 'port' in section 'server:main' already exists"), f::message);
        assertTrue(f.message().contains("DuplicateOptionError"), f::message);
        assertTrue(f.message().contains("keep one of the two"), f::message);
        assertTrue(f.detail().contains("configparser in strict mode"), f::detail);
    }

    @Test
    void keyBeforeAnySectionIsMissingSectionHeaderError() throws Exception {
        write(tree, "app/production.ini",
                "# production",
                "use = egg:myapp");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 2), f.location());
        assertTrue(f.message().contains("MissingSectionHeaderError"), f::message);
        assertTrue(f.message().contains("'use = egg:myapp' comes before any section header"), f::message);
        assertTrue(f.message().contains("put a section header such as [app:main] above it"), f::message);
        assertTrue(f.detail().contains("File contains no section headers"), f::detail);
    }

    @Test
    void iniThatIsNotUtf8IsAnErrorWithTheByteAndItsPosition() throws Exception {
        Files.createDirectories(tree.resolve("app"));
        Files.write(tree.resolve("app/production.ini"),
                "[app:main]\nsite_title = Caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().startsWith("the file is not valid UTF-8: byte 0xE9 at line 2, column 17"),
                f::message);
        assertTrue(f.message().contains("UnicodeDecodeError"), f::message);
        assertTrue(f.message().contains("save the file as UTF-8"), f::message);
        assertTrue(f.detail().contains("PasteDeploy reads INI files as UTF-8"), f::detail);
    }

    @Test
    void apacheFileThatIsNotUtf8IsReadAsLatin1WithAWarning() throws Exception {
        Files.createDirectories(tree.resolve("apache"));
        Files.write(tree.resolve("apache/app.conf"),
                "ServerAdmin caf\u00e9@example.com\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Finding f = only(check(tree), ID);
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("read as Latin-1"), f::message);
    }

    @Test
    void wellFormedFilesDrawNothing() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    <Directory /srv/app>",
                "        Require all granted",
                "    </directory>",
                "</VirtualHost>");
        write(tree, "app/production.ini",
                "[app:main]",
                "use = egg:myapp",
                "beaker.session.url =",
                "    127.0.0.1:11211");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
