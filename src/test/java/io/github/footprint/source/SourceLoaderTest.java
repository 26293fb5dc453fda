package io.github.footprint.source;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.PasteIniReader;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source stage on bad and odd input: it never throws, every problem is located. */
class SourceLoaderTest {
    @TempDir
    Path dir;

    private SourceFile only(String path) {
        return Trees.load(dir).get(path).orElseThrow();
    }

    private static List<String> problems(SourceFile f) {
        return f.problems().stream().map(p -> p.line() + " " + p.severity() + " " + p.message())
                .collect(Collectors.toList());
    }

    @Test
    void filesAreClassifiedAndSelectedByIncludesAndExcludes() throws IOException {
        Trees.write(dir, files("apache/app.conf", "A 1\n", "apache/mods/x.load", "L\n", "app.ini", "[a]\n", "envvars",
                "X=1\n", "run.sh", "ulimit -s 512\n", "app.wsgi", "x\n", "notes.txt", "n\n",
                "etc/systemd/system/httpd.service.d/limits.conf", "[Service]\n", "conf/httpd.conf.in", "B\n"));
        SourceSet s = Trees.load(dir);
        assertEquals(List.of("apache/app.conf", "apache/mods/x.load", "app.ini", "app.wsgi", "conf/httpd.conf.in",
                "envvars", "etc/systemd/system/httpd.service.d/limits.conf", "notes.txt", "run.sh"),
                s.files().stream().map(SourceFile::treePath).collect(Collectors.toList()));
        assertEquals(List.of("APACHE", "APACHE", "INI", "PYTHON", "APACHE", "SHELL", "SYSTEMD", "OTHER", "SHELL"),
                s.files().stream().map(f -> f.kind().name()).collect(Collectors.toList()));
        // read as text only so that an Include naming it reads what httpd would; never checked on its own
        assertTrue(s.get("notes.txt").orElseThrow().parseable());
        assertTrue(s.get("notes.txt").orElseThrow().problems().isEmpty());
        assertTrue(s.isDirectory("apache/mods"));
        assertTrue(s.isDirectory(""));

        SourceSet some = new SourceLoader(dir, dir, List.of("apache/**"), List.of("**/*.load")).load(new Properties(), true);
        assertEquals(List.of("apache/app.conf"), some.files().stream().map(SourceFile::treePath).collect(Collectors.toList()));
    }

    @Test
    void displayPathsAreRelativeToTheBaseDirectory() {
        Trees.write(dir, files("src/main/deploy/apache/app.conf", "A 1\n"));
        SourceSet s = new SourceLoader(dir, dir.resolve("src/main/deploy"), List.of(), List.of())
                .load(new Properties(), true);
        assertEquals("src/main/deploy", s.sourceRoot());
        SourceFile f = s.get("apache/app.conf").orElseThrow();
        assertEquals("src/main/deploy/apache/app.conf", f.displayPath());
        assertEquals("apache/app.conf", f.treePath());
    }

    @Test
    void anEmptyFileIsReadableAndBlank() {
        Trees.write(dir, "empty.conf", new byte[0]);
        SourceFile f = only("empty.conf");
        assertTrue(f.parseable());
        assertTrue(f.isBlank());
        assertEquals(List.of(), f.lines());
        assertEquals(List.of(), problems(f));
        assertEquals(1, f.templateLine(0));
    }

    @Test
    void aNulByteMakesABinaryFileWithTheLineOfTheByte() {
        Trees.write(dir, "bin.conf", "A 1\nB 2\nC \0 3\n".getBytes(StandardCharsets.ISO_8859_1));
        SourceFile f = only("bin.conf");
        assertFalse(f.parseable());
        assertEquals(1, f.problems().size());
        assertEquals(3, f.problems().get(0).line());
        assertEquals(Severity.ERROR, f.problems().get(0).severity());
        assertEquals("binary content (a NUL byte) in an Apache file; it is not a text configuration file and was not"
                + " read", f.problems().get(0).message());
        // the parser skips it: its problem is already reported
        assertTrue(Trees.apache(Trees.load(dir)).problems().isEmpty());
    }

    @Test
    void invalidUtf8IsAnErrorForPasteDeployAndAWarningForHttpd() {
        byte[] bad = {'[', 'a', ']', '\n', 'k', ' ', '=', ' ', (byte) 0xC3, (byte) 0xA9, 'x', (byte) 0xFF, '\n'};
        Trees.write(dir, "app.ini", bad);
        Trees.write(dir, "app.conf", bad);
        SourceSet s = Trees.load(dir);
        assertEquals(List.of("2 ERROR the file is not valid UTF-8: byte 0xFF at line 2, column 8; PasteDeploy stops with a"
                    + " UnicodeDecodeError: save the file as UTF-8"), problems(s.get("app.ini").orElseThrow()));
        SourceFile conf = s.get("app.conf").orElseThrow();
        assertEquals(List.of("2 WARNING the file is not valid UTF-8: byte 0xFF at line 2, column 8; read as Latin-1, byte for byte as"
                + " httpd and the shell do. Save the file as UTF-8"), problems(conf));
        // read on, byte for byte
        assertTrue(conf.parseable());
        assertEquals("k = \u00c3\u00a9x\u00ff", conf.lines().get(1));
    }

    @Test
    void aLinkToAMissingFileCannotBeRead() throws IOException {
        Trees.write(dir, files("real.conf", "A 1\n"));
        Files.createSymbolicLink(dir.resolve("dangling.conf"), Paths.get("nowhere.conf"));
        SourceSet s = Trees.load(dir);
        SourceFile f = s.get("dangling.conf").orElseThrow();
        assertFalse(f.parseable());
        assertEquals(List.of("0 ERROR the file cannot be read (no such file, or a link to a missing file); check that it is a"
                + " readable file"), problems(f));
        // excluded links stay excluded
        SourceSet some = new SourceLoader(dir, dir, List.of(), List.of("dangling.conf")).load(new Properties(), true);
        assertFalse(some.get("dangling.conf").isPresent());
    }

    @Test
    void aLinkInsideTheTreeIsTheFileItPointsTo() throws IOException {
        Trees.write(dir, files("mods-available/x.conf", "A 1\n"));
        Files.createDirectories(dir.resolve("mods-enabled"));
        Files.createSymbolicLink(dir.resolve("mods-enabled/x.conf"), Paths.get("../mods-available/x.conf"));
        SourceSet s = Trees.load(dir);
        assertEquals(List.of("mods-available/x.conf"),
                s.files().stream().map(SourceFile::treePath).collect(Collectors.toList()));
        assertSame(s.get("mods-available/x.conf").orElseThrow(), s.get("mods-enabled/x.conf").orElseThrow());
        assertTrue(s.treePaths().contains("mods-enabled/x.conf"));
    }

    @Test
    void crlfLineEndsAreLineEnds() {
        Trees.write(dir, "app.conf", ("<VirtualHost *:80>\r\n  ServerName a \\\r\n    b\r\n</VirtualHost>\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Trees.write(dir, "app.ini", "[app:main]\r\nk = a\r\n  b\r\n\r\nj = 1\r\n".getBytes(StandardCharsets.UTF_8));
        SourceSet s = Trees.load(dir);
        SourceFile conf = s.get("app.conf").orElseThrow();
        assertEquals(List.of("<VirtualHost *:80>", "  ServerName a \\", "    b", "</VirtualHost>"), conf.lines());
        ApacheConfig c = Trees.apache(s);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("a", "b"), c.find("ServerName").get(0).args());
        IniDocument ini = new PasteIniReader().read(s.get("app.ini").orElseThrow());
        assertEquals("a\nb", ini.section("app:main").orElseThrow().get("k").orElseThrow().value());
        assertEquals(5, ini.section("app:main").orElseThrow().get("j").orElseThrow().location().line());
    }

    @Test
    void aFileWithoutFinalNewlineKeepsItsLastLine() {
        Trees.write(dir, "a.conf", "A 1\nB 2".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("A 1", "B 2"), only("a.conf").lines());
    }

    @Test
    void aTwentyMegabyteFileOfValidDirectivesReadsWithoutErrorInReasonableTime() throws IOException {
        String line = "<Directory /srv/app>\n    Require all granted\n    Options -Indexes +FollowSymLinks\n</Directory>\n";
        long target = 20L * 1024 * 1024;
        long written = 0;
        int blocks = 0;
        try (OutputStream out = Files.newOutputStream(dir.resolve("big.conf"))) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            while (written < target) {
                out.write(b);
                written += b.length;
                blocks++;
            }
        }
        long start = System.nanoTime();
        SourceSet s = Trees.load(dir);
        ApacheConfig c = Trees.apache(s);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(), problems(s.get("big.conf").orElseThrow()));
        assertEquals(List.of(), c.problems());
        assertEquals(blocks * 4, s.get("big.conf").orElseThrow().lines().size());
        assertEquals(blocks, c.directives().size());
        assertEquals(blocks, c.find("Require").size());
        System.out.println("[source] 20 MiB, " + blocks * 4 + " lines loaded and parsed in " + ms + " ms");
        assertTrue(ms < 60_000, ms + " ms");
    }

    @Test
    void secretsAreCollectedFromPropertiesAndFromFiles() {
        Trees.write(dir, files("app.ini", "[app:main]\nsqlalchemy.url = postgresql://app:s3cr3t-pw@db/app\n"
                + "session.secret = sess-secret-1\napi_token: \"tok-123\"\nbeaker.session.key = not-a-secret\n",
                "envvars", "export DB_PASSWORD='envpw1'\n", "apache2.conf", "SetEnv APP_SECRET vhost-secret\n"
                        + "WSGIPassAuthorization On\n"));
        Properties p = new Properties();
        p.setProperty("db.password", "prop-pw");
        p.setProperty("mail.url", "smtp://mailer:mail-pw@smtp");
        p.setProperty("name", "visible");
        SourceSet s = Trees.load(dir, p, true);
        // an INI value keeps its quotes (configparser does); a key named key is a secret's (the session key signs
        // cookies)
        assertEquals(List.of("\"tok-123\"", "envpw1", "mail-pw", "not-a-secret", "prop-pw", "s3cr3t-pw",
                "sess-secret-1", "vhost-secret"), List.copyOf(s.secrets()));
    }

    @Test
    void placeholdersAreRenderedPerEnvironmentAndPointAtTheTemplateLine() {
        Trees.write(dir, files("app.ini", "[app:main]\n# @note@\nworkers = @workers@\nurl = ${db.url}\nx = @nope@\n"));
        Properties p = new Properties();
        p.setProperty("workers", "4");
        p.setProperty("db.url", "sqlite://");
        p.setProperty("note", "line one\nline two");
        SourceFile f = Trees.load(dir, p, true).get("app.ini").orElseThrow();
        assertEquals(List.of("[app:main]", "# line one", "line two", "workers = 4", "url = sqlite://", "x = @nope@"),
                f.lines());
        assertEquals(List.of(1, 2, 2, 3, 4, 5), List.of(f.templateLine(0), f.templateLine(1), f.templateLine(2),
                f.templateLine(3), f.templateLine(4), f.templateLine(5)));
        assertEquals(1, f.unresolved().size());
        assertEquals("nope", f.unresolved().get(0).name());
        assertEquals(5, f.unresolved().get(0).line());

        SourceFile raw = Trees.load(dir, p, false).get("app.ini").orElseThrow();
        assertEquals("workers = @workers@", raw.lines().get(2));
        assertEquals(List.of(), raw.unresolved());
    }
}
