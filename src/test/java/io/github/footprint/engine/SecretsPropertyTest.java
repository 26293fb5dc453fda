package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.github.footprint.report.ConsoleReporter;
import io.github.footprint.report.HtmlReporter;
import io.github.footprint.report.JUnitReporter;
import io.github.footprint.report.JsonReporter;
import io.github.footprint.report.ReportTarget;
import io.github.footprint.report.SarifReporter;

/**
 * A secret at a random position of a value, in each place a reader learns it is secret, quoted by a finding: no piece
 * of it reaches any report. The secret is written in Greek letters (with digits and {@code % @ / \ '} between), which
 * no report holds otherwise, so a single leaked letter shows.
 */
class SecretsPropertyTest {
    private static final String GREEK = "αβγδεζηθικλμνξοπρστυφχψω";

    /** Where the secret value stands; each case makes a finding quote it. */
    enum Place {
        /** Define DB_PASSWORD v, substituted into processes=. */
        DEFINE,
        /** An INI line {@code password v} without its delimiter (FP001 quotes it). */
        INI_BARE,
        /** An INI secret key whose value holds a bad '%' (the interpolation error quotes from there). */
        INI_PERCENT,
        /** A URL password in a WSGIDaemonProcess option FP204 refuses. */
        URL_OPTION,
        /** export PGPASSWORD=v in envvars, substituted into processes=. */
        ENVVARS
    }

    @Provide
    Arbitrary<String> secrets() {
        Arbitrary<Character> greek = Arbitraries.of(GREEK.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        Arbitrary<String> inner = Arbitraries.strings().withChars((GREEK + "0123456789%@/\\").toCharArray())
                .ofMaxLength(10);
        return Combinators.combine(greek, inner, greek, Arbitraries.integers().between(0, 2))
                .as((a, m, b, k) -> k == 0 ? String.valueOf(a) : k == 1 ? "" + a + b : a + m + b);
    }

    @Provide
    Arbitrary<String> around() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMaxLength(6);
    }

    @Property(tries = 25)
    void noPieceOfASecretReachesAnyReport(@ForAll("secrets") String secret, @ForAll("around") String before,
            @ForAll("around") String after, @ForAll Place place) throws Exception {
        String value = before + secret + after;
        Path base = Files.createTempDirectory("footprint-secret");
        try {
            switch (place) {
                case DEFINE:
                    Trees.deploy(base, "apache/app.conf", "Define DB_PASSWORD " + value + "\n"
                            + "WSGIDaemonProcess app processes=${DB_PASSWORD}\n");
                    break;
                case INI_BARE:
                    Trees.deploy(base, "app/production.ini", "[app:main]\nuse = egg:x\npassword " + value + "\n");
                    break;
                case INI_PERCENT:
                    Trees.deploy(base, "app/production.ini", "[app:main]\nuse = egg:x\ndb.password = "
                            + value + "%x\n");
                    break;
                case URL_OPTION:
                    Trees.deploy(base, "apache/app.conf", "WSGIDaemonProcess app processes=2 db=postgresql://app:"
                            + value + "@db/app\n");
                    break;
                default:
                    Trees.deploy(base, "apache2/envvars", "export PGPASSWORD=" + value.replace("\\", "\\\\") + "\n",
                            "apache2/apache2.conf", "WSGIDaemonProcess app processes=${PGPASSWORD}\n");
                    break;
            }
            CheckResult r = new CheckEngine().run(Trees.request(base).build());
            Path out = base.resolve("target/footprint");
            List<String> texts = new ArrayList<>();
            Trees.Console console = new Trees.Console();
            new ConsoleReporter().write(r.view(), ReportTarget.console(console));
            texts.add(console.text());
            texts.add(read(new JsonReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
            texts.add(read(new SarifReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
            texts.add(read(new JUnitReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
            texts.add(read(new HtmlReporter().write(r.view(), ReportTarget.files(out)).orElseThrow()));
            boolean quoted = false;
            for (String t : texts) {
                for (int i = 0; i < t.length(); i++) {
                    if (GREEK.indexOf(t.charAt(i)) >= 0) {
                        fail("a piece of " + secret + " (" + place + ") in:\n" + t);
                    }
                }
                for (char g : GREEK.toCharArray()) {
                    // as JSON or HTML would escape it
                    assertTrue(!t.contains(String.format("\\u%04x", (int) g)) && !t.contains("&#" + (int) g + ";")
                            && !t.contains(String.format("&#x%x;", (int) g)), t);
                }
                quoted |= t.contains("****");
            }
            assertTrue(quoted, "a finding quotes the value, masked (" + place + ")");
        } finally {
            try (Stream<Path> s = Files.walk(base)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
