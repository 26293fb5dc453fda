package io.github.footprint.parse.wsgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.source.FileKind;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;

/** mod_wsgi's reading of a WSGIDaemonProcess argument text (docs/domain/mod_wsgi.md#reading-a-wsgidaemonprocess-line;
 * wsgi_parse_option). */
class DaemonLineTest {
    private static final String INVALID = "Invalid option to WSGI daemon process definition.";

    @Test
    void nameThenNameValueOptionsInOrder() {
        DaemonLine d = DaemonLine.parse("app processes=2 threads=15 maximum-requests=500");
        assertEquals("app", d.name());
        assertEquals(Map.of("processes", "2", "threads", "15", "maximum-requests", "500"), d.options());
        assertEquals(List.of("processes", "threads", "maximum-requests"), List.copyOf(d.options().keySet()));
        assertEquals(List.of(), d.problems());
    }

    private static List<String> messages(DaemonLine d) {
        return d.problems().stream().map(DaemonProblem::message).collect(Collectors.toList());
    }

    @Test
    void theNameAndValuesAreReadByApGetwordConf() {
        DaemonLine d = DaemonLine.parse("\"my app\" display-name='%{GROUP}' python-path=\"/srv/a b:/srv/c\" home=/srv");
        assertEquals("my app", d.name());
        assertEquals(Map.of("display-name", "%{GROUP}", "python-path", "/srv/a b:/srv/c", "home", "/srv"), d.options());
        assertEquals("x", DaemonLine.parse("'x' threads=1").name());
    }

    @Test
    void aMissingNameIsMissing() {
        assertEquals(List.of("Name of WSGI daemon process not supplied."), messages(DaemonLine.parse("")));
        assertEquals(List.of("Name of WSGI daemon process not supplied."), messages(DaemonLine.parse("  ")));
        assertEquals(List.of("Name of WSGI daemon process not supplied."), messages(DaemonLine.parse("\"\" threads=5")));
    }

    @Test
    void spacesAroundTheEqualsSignABareWordOrATrailingCommentAreInvalid() {
        // MEASURED (docs/domain/mod_wsgi.md#reading-a-wsgidaemonprocess-line): all three are "Invalid option to WSGI
        // daemon process definition."
        Map<String, DaemonProblem.Kind> kinds = Map.of("app threads = 5", DaemonProblem.Kind.SPACE_BEFORE_EQUALS,
                "app threads=5 foo", DaemonProblem.Kind.NOT_NAME_VALUE,
                "app threads=5 # five threads", DaemonProblem.Kind.COMMENT);
        for (Map.Entry<String, DaemonProblem.Kind> e : kinds.entrySet()) {
            DaemonLine d = DaemonLine.parse(e.getKey());
            assertEquals(List.of(INVALID), messages(d), e.getKey());
            assertEquals(e.getValue(), d.problems().get(0).kind(), e.getKey());
        }
        assertEquals(Map.of(), DaemonLine.parse("app threads = 5").options());
        assertEquals(Map.of("threads", "5"), DaemonLine.parse("app threads=5 foo").options());
    }

    @Test
    void anEmptyOptionNameIsInvalid() {
        // wsgi_parse_option: "if (!*str || *str == '=') return ..." before any name is read
        DaemonLine d = DaemonLine.parse("app =5 threads=2");
        assertEquals(List.of(INVALID), messages(d));
        assertEquals(DaemonProblem.Kind.NO_OPTION_NAME, d.problems().get(0).kind());
        assertEquals(Map.of(), d.options());
    }

    @Test
    void theValueIsTheNextWordEvenAfterSpaces() {
        // ap_getword_conf skips leading white space: "threads= processes=2" gives threads the text "processes=2"
        DaemonLine d = DaemonLine.parse("app threads= processes=2");
        assertEquals(Map.of("threads", "processes=2"), d.options());
        // httpd accepts it (Syntax OK, checked with apache2 -t): threads reads as 0, processes is lost
        assertEquals(List.of(), d.refusals());
        assertEquals(DaemonProblem.Kind.GLUED, d.problems().get(0).kind());
    }

    @Test
    void everyProblemKeepsModWsgisMessageAndTheOptionItConcerns() {
        DaemonLine d = DaemonLine.parse("app processes=0 Threads=5 memory-limit=500M threads = 5 user=root");
        // the options before the text stops being name=value are checked first, then that text; misreads last
        assertEquals(List.of("processes", "Threads", "threads", "memory-limit"), d.problems().stream()
                .map(DaemonProblem::option).collect(Collectors.toList()));
        assertEquals(Arrays.asList("Invalid process count for WSGI daemon process.", INVALID, INVALID, null),
                messages(d));
        assertEquals(List.of(true, true, true, false), d.problems().stream().map(DaemonProblem::refused)
                .collect(Collectors.toList()));
        assertEquals("0", d.problems().get(0).value());
        assertEquals("threads=5", d.problems().get(1).suggestion());
        assertEquals("memory-limit=524288000", d.problems().get(3).suggestion());
        // user=root comes after the syntax error: mod_wsgi never reads it, neither does footprint
        assertEquals(false, d.options().containsKey("user"));
    }

    @Test
    void theNumbersAreTypedAsWrittenAndAsModWsgiReadsThem() {
        DaemonOptions v = DaemonLine.parse("app threads=5x processes=2 memory-limit=500M"
                + " virtual-memory-limit=4294967297 maximum-requests=4294967297").values();
        assertEquals("5x", v.threads().orElseThrow().written());
        assertEquals(5, v.threads().orElseThrow().read());
        assertEquals(false, v.threads().orElseThrow().exact());
        assertEquals(true, v.processes().orElseThrow().exact());
        // memory limits are read with apr_atoi64 (64 bits), the counts with atoi (cut to 32 bits)
        assertEquals(500, v.memoryLimit().orElseThrow().read());
        assertEquals(4294967297L, v.virtualMemoryLimit().orElseThrow().read());
        assertEquals(1, v.maximumRequests().orElseThrow().read());
        assertEquals(false, v.stackSize().isPresent());
    }

    @Test
    void optionNamesAreCaseSensitiveAndALaterValueWins() {
        DaemonLine d = DaemonLine.parse("app Threads=5 threads=2 threads=3");
        assertEquals(Map.of("Threads", "5", "threads", "3"), d.options());
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
        WsgiOptions.Version six = WsgiOptions.Version.parse("6.0.5");
        for (Path p : confs) {
            ApacheConfig c = Trees.apache(Trees.load(p.getParent(), List.of(p.getFileName().toString())));
            for (Directive d : c.find("WSGIDaemonProcess")) {
                DaemonLine line = DaemonLine.parse(d.rawArgs());
                assertEquals(false, line.name().isEmpty(), d.toString());
                if (io.github.footprint.source.template.Unknowns.contains(d.rawArgs())) {
                    // freeipa's ipa.conf.template: processes=$WSGI_PROCESSES is a value the template leaves unknown,
                    // accepted as such (mod_wsgi's default assumed), never refused
                    assertEquals("ipa", line.name());
                }
                if (line.name().equals("interrupt-timeout-test")) {
                    // mod_wsgi's own test of 6.x: interrupt-timeout first exists in 6.0.0, so 4.9 refuses the line
                    assertEquals(List.of("OTHER_VERSION interrupt-timeout=5"), line.problems().stream()
                            .map(x -> x.kind() + " " + x.option() + "=" + x.value()).collect(Collectors.toList()));
                } else {
                    assertEquals(List.of(), line.problems(), d.toString());
                }
                assertEquals(List.of(), DaemonLine.parse(d.rawArgs(), six).problems(), d.toString());
                lines++;
            }
        }
        // 8 plain lines and freeipa's template, read by the sed-style reader
        assertEquals(9, lines);
        DaemonLine graphite = DaemonLine.parse("graphite processes=5 threads=5 display-name='%{GROUP}'"
                + " inactivity-timeout=120");
        assertEquals("%{GROUP}", graphite.options().get("display-name"));
    }
}
