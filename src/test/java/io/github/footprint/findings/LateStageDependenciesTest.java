package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The late stages' direction, read from the compiled classes (what {@code jdeps -verbose:package} shows): mojo ->
 * engine -> findings, report -> findings; findings knows neither the engine, the reports nor the mojo; reports read
 * the masked view only, never the redactor, the engine's result or the source files.
 */
class LateStageDependenciesTest {
    private static final String ROOT = "io/github/footprint/";

    @Test
    void findingsIsALateStageThatKnowsNoReportEngineOrMojo() throws Exception {
        assertEquals(List.of(), references("findings", "report/", "engine/", "mojo/"));
    }

    @Test
    void reportsReadTheMaskedViewOnly() throws Exception {
        assertEquals(List.of(), references("report", "engine/", "mojo/", "source/", "findings/Redactor",
                "findings/Finding", "model/Deployment", "model/Footprint"));
    }

    @Test
    void theHtmlReportReadsTheMaskedViewOnly() throws Exception {
        assertEquals(List.of(), references("report/html", "engine/", "mojo/", "source/", "findings/Redactor",
                "findings/Finding", "model/Deployment", "model/Footprint"));
    }

    @Test
    void theEngineKnowsNoMojo() throws Exception {
        assertEquals(List.of(), references("engine", "mojo/"));
    }

    /**
     * {@code Class -> referenced prefix} for every class of the package that names one of the prefixes (a package,
     * {@code engine/}, or a class, {@code findings/Redactor}).
     */
    private static List<String> references(String pkg, String... prefixes) throws Exception {
        Path classes = Path.of(ReportView.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve(ROOT + pkg);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        assertFalse(files.isEmpty(), dir.toString());
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            // class names in the constant pool are plain modified UTF-8: io/github/footprint/engine/CheckResult
            String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String p : prefixes) {
                // a package prefix, or a class name not followed by more of a name (Finding, not FindingsStage)
                if (Pattern.compile(Pattern.quote(ROOT + p) + (p.endsWith("/") ? "" : "(?![A-Za-z0-9_$])"))
                        .matcher(pool).find()) {
                    out.add(f.getFileName() + " -> " + p);
                }
            }
        }
        return out;
    }
}
