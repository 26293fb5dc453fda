package io.github.footprint.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;

/**
 * Random and mutated httpd and INI files through the whole pipeline: no exception escapes, every finding about
 * a file has that file and a line inside it (or 0 for the whole file), and the same input gives the same result.
 */
class ReaderPropertiesTest {
    private static final List<String> APACHE_PIECES = List.of("<VirtualHost *:80>", "</VirtualHost>",
            "<IfModule mod_wsgi.c>", "</IfModule>", "<IfModule !mpm_prefork_module>", "<Directory \"/srv/a b\">",
            "</Directory>", "<Location />", "</location>", "WSGIDaemonProcess app processes=2 threads=5",
            "WSGIDaemonProcess \"a b\" threads=abc maximum-requests=1k", "WSGIProcessGroup app",
            "WSGIScriptAlias / /srv/app/app.wsgi", "MaxRequestWorkers 150", "ThreadsPerChild 0", "ServerLimit 99999",
            "LoadModule mpm_event_module m.so", "LoadModule mpm_prefork_module p.so", "Include sites/*.conf",
            "IncludeOptional missing/*.conf", "Include missing.conf", "Define X 1", "<IfDefine X>", "</IfDefine>",
            "UnDefine X", "ServerName ${X}", "# comment \\", "\\", "\"unterminated", "<", ">", "</>", "<IfVersion >= 2.4>",
            "</IfVersion>", "<IfVersion ~ ^2\\.[>", "<Macro M $a>", "</Macro>", "Use M 1", "MaxClients 5x", "");
    private static final List<String> INI_PIECES = List.of("[app:main]", "[DEFAULT]", "[server:main]", "[app:main]",
            "use = egg:app", "  continued", "\tcontinued", "key: value", "key = value", "= novalue", "novalue",
            "sqlalchemy.url = postgresql://u:pw@h/db", "sqlalchemy.pool_size = 5 # five", "set debug = false",
            "; comment", "  # indented comment", "[", "[]", "]", "\u00a0key = nbsp", "%(here)s = x", "");

    @Provide
    Arbitrary<String> apacheFiles() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(APACHE_PIECES),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30));
        return lines(piece);
    }

    @Provide
    Arbitrary<String> iniFiles() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(INI_PIECES),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30));
        return lines(piece);
    }

    private static Arbitrary<String> lines(Arbitrary<String> piece) {
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", "\\\n", " \n");
        return Combinators.combine(piece, ending).as((p, e) -> p + e).list().ofMaxSize(40)
                .map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void apacheFilesNeverThrowAndAlwaysLocate(@ForAll("apacheFiles") String main, @ForAll("apacheFiles") String site)
            throws Exception {
        check(List.of("apache2.conf", main, "sites/a.conf", site));
    }

    @Property(tries = 300)
    void iniFilesNeverThrowAndAlwaysLocate(@ForAll("iniFiles") String ini) throws Exception {
        check(List.of("app/production.ini", ini));
    }

    private static void check(List<String> pathsAndTexts) throws Exception {
        Path base = Files.createTempDirectory("footprint-prop");
        try {
            Path src = base.resolve("deploy");
            List<Integer> lineCounts = new ArrayList<>();
            for (int i = 0; i < pathsAndTexts.size(); i += 2) {
                Path f = src.resolve(pathsAndTexts.get(i));
                Files.createDirectories(f.getParent());
                Files.write(f, pathsAndTexts.get(i + 1).getBytes(StandardCharsets.UTF_8));
                lineCounts.add(pathsAndTexts.get(i + 1).split("\r?\n", -1).length);
            }
            CheckRequest request = new CheckRequest.Builder().baseDirectory(base).sourceDirectory(src)
                    .outputDirectory(base.resolve("out")).build();
            CheckResult first = new CheckEngine().run(request);
            for (Finding f : first.environments().get(0).findings()) {
                if (f.location().equals(Location.PROJECT)) {
                    // about the project as a whole (FP505, no budget): no file to be inside
                    continue;
                }
                String file = f.location().file();
                assertTrue(file.startsWith("deploy"), () -> "finding without a file of the tree: " + f);
                int idx = -1;
                for (int i = 0; i < pathsAndTexts.size(); i += 2) {
                    if (file.equals("deploy/" + pathsAndTexts.get(i))) {
                        idx = i / 2;
                    }
                }
                if (idx >= 0) {
                    int max = lineCounts.get(idx);
                    assertTrue(f.location().line() >= 0 && f.location().line() <= max,
                            () -> "line outside the file: " + f);
                }
            }
            CheckResult second = new CheckEngine().run(request);
            assertEquals(render(first), render(second));
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String render(CheckResult r) {
        return r.environments().get(0).findings().stream().map(Finding::toString).collect(Collectors.joining("\n"));
    }
}
