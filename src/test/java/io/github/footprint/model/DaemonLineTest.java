package io.github.footprint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.source.FileKind;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mod_wsgi's reading of a WSGIDaemonProcess argument text (DOMAIN §1.1; wsgi_parse_option). */
class DaemonLineTest {
    private static final String INVALID = "Invalid option to WSGI daemon process definition.";

    @Test
    void nameThenNameValueOptionsInOrder() {
        DaemonLine d = DaemonLine.parse("app processes=2 threads=15 maximum-requests=500");
        assertEquals("app", d.name);
        assertEquals(Map.of("processes", "2", "threads", "15", "maximum-requests", "500"), d.options);
        assertEquals(List.of("processes", "threads", "maximum-requests"), List.copyOf(d.options.keySet()));
        assertEquals(List.of(), d.errors);
    }

    @Test
    void theNameAndValuesAreReadByApGetwordConf() {
        DaemonLine d = DaemonLine.parse("\"my app\" display-name='%{GROUP}' python-path=\"/srv/a b:/srv/c\" home=/srv");
        assertEquals("my app", d.name);
        assertEquals(Map.of("display-name", "%{GROUP}", "python-path", "/srv/a b:/srv/c", "home", "/srv"), d.options);
        assertEquals("x", DaemonLine.parse("'x' threads=1").name);
    }

    @Test
    void aMissingNameIsMissing() {
        assertEquals(List.of("Name of WSGI daemon process not supplied."), DaemonLine.parse("").errors);
        assertEquals(List.of("Name of WSGI daemon process not supplied."), DaemonLine.parse("  ").errors);
    }

    @Test
    void spacesAroundTheEqualsSignABareWordOrATrailingCommentAreInvalid() {
        // MEASURED (DOMAIN §1.1): all three are "Invalid option to WSGI daemon process definition."
        for (String raw : List.of("app threads = 5", "app threads=5 foo", "app threads=5 # five threads")) {
            DaemonLine d = DaemonLine.parse(raw);
            assertEquals(1, d.errors.size(), raw);
            assertEquals(true, d.errors.get(0).startsWith(INVALID), raw + ": " + d.errors);
        }
        assertEquals(Map.of(), DaemonLine.parse("app threads = 5").options);
        assertEquals(Map.of("threads", "5"), DaemonLine.parse("app threads=5 foo").options);
    }

    @Test
    void anEmptyOptionNameIsInvalid() {
        // wsgi_parse_option: "if (!*str || *str == '=') return ..." before any name is read
        DaemonLine d = DaemonLine.parse("app =5 threads=2");
        assertEquals(1, d.errors.size());
        assertEquals(true, d.errors.get(0).startsWith(INVALID), d.errors.toString());
        assertEquals(Map.of(), d.options);
    }

    @Test
    void theValueIsTheNextWordEvenAfterSpaces() {
        // ap_getword_conf skips leading white space: "threads= processes=2" gives threads the text "processes=2"
        DaemonLine d = DaemonLine.parse("app threads= processes=2");
        assertEquals(Map.of("threads", "processes=2"), d.options);
        assertEquals(List.of(), d.errors);
    }

    @Test
    void optionNamesAreCaseSensitiveAndALaterValueWins() {
        DaemonLine d = DaemonLine.parse("app Threads=5 threads=2 threads=3");
        assertEquals(Map.of("Threads", "5", "threads", "3"), d.options);
    }

    @Test
    void numbersAreReadByAtoiInTheGroup() {
        DaemonGroup g = new DaemonGroup("app", null, null, DaemonLine.parse("app threads=5x processes=abc"
                + " maximum-requests=1k stack-size=8M").options);
        assertEquals(5, g.threads());
        assertEquals(0, g.processes());
        assertEquals(1, g.maximumRequests());
        // 8 bytes: below 16 KiB, ignored by mod_wsgi (DOMAIN §1.4)
        assertEquals(0, g.stackSize());
        DaemonGroup none = new DaemonGroup("x", null, null, Map.of());
        assertEquals(15, none.threads());
        assertEquals(1, none.processes());
        assertEquals(0, none.maximumRequests());
        assertEquals(0, none.stackSize());
        assertEquals(524288, new DaemonGroup("x", null, null, Map.of("stack-size", "524288")).stackSize());
        // mod_wsgi reads maximum-requests and stack-size with atoi(): an int, cut to 32 bits as glibc does
        assertEquals(1, new DaemonGroup("x", null, null, Map.of("maximum-requests", "4294967297")).maximumRequests());
        assertEquals(0, new DaemonGroup("x", null, null, Map.of("stack-size", "4294967296")).stackSize());
    }

    @TempDir
    Path dir;

    @Test
    void aContinuationWithoutLeadingSpaceGluesTwoOptions() {
        // MEASURED (DOMAIN §1.1): "threads=5\" + "processes=2" is threads=5processes=2: threads 5, processes lost
        Trees.write(dir, Map.of("app.conf", "WSGIDaemonProcess app threads=5\\\nprocesses=2\n"
                + "WSGIDaemonProcess ok threads=5 \\\n    processes=2\n"));
        ApacheConfig c = Trees.apache(Trees.load(dir));
        List<Directive> ds = c.find("WSGIDaemonProcess");
        DaemonLine glued = DaemonLine.parse(ds.get(0).rawArgs());
        assertEquals(Map.of("threads", "5processes=2"), glued.options);
        DaemonGroup g = new DaemonGroup(glued.name, ds.get(0).location(), null, glued.options);
        assertEquals(5, g.threads());
        assertEquals(false, g.has("processes"));
        assertEquals(1, g.processes());
        assertEquals(Map.of("threads", "5", "processes", "2"), DaemonLine.parse(ds.get(1).rawArgs()).options);
    }

    @Test
    void everyWsgiDaemonProcessOfTheCorpusIsUnderstood() throws IOException {
        Path root = Trees.corpus().resolve("wsgi-vhosts");
        List<Path> confs;
        try (Stream<Path> st = Files.walk(root)) {
            confs = st.filter(Files::isRegularFile).filter(f -> FileKind.of(f.getFileName().toString()) == FileKind.APACHE)
                    .sorted().collect(Collectors.toList());
        }
        int lines = 0;
        for (Path p : confs) {
            ApacheConfig c = Trees.apache(Trees.load(p.getParent(), List.of(p.getFileName().toString())));
            for (Directive d : c.find("WSGIDaemonProcess")) {
                DaemonLine line = DaemonLine.parse(d.rawArgs());
                assertEquals(List.of(), line.errors, d.toString());
                assertEquals(false, line.name.isEmpty(), d.toString());
                lines++;
            }
        }
        assertEquals(8, lines);
        DaemonLine graphite = DaemonLine.parse("graphite processes=5 threads=5 display-name='%{GROUP}'"
                + " inactivity-timeout=120");
        assertEquals("%{GROUP}", graphite.options.get("display-name"));
    }
}
