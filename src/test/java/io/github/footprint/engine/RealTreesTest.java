package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;

/**
 * Whole checks of real trees (src/test/resources/corpus, origins in its SOURCES.tsv): what users run the plugin on
 * gives the effective values httpd runs with, and no false error or warning.
 */
class RealTreesTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");

    private static EnvironmentResult check(Path tree) throws Exception {
        return new CheckEngine().run(new CheckRequest.Builder().baseDirectory(CORPUS).sourceDirectory(tree)
                .outputDirectory(Path.of("target/real-trees")).build()).environments().get(0);
    }

    @Test
    void debianTreeRunsEventWithMaxRequestWorkers150AndRaisesNothing() throws Exception {
        EnvironmentResult r = check(CORPUS.resolve("apache/debian12-etc-apache2"));
        Mpm mpm = r.deployment().mpm();
        assertEquals(Mpm.Kind.EVENT, mpm.kind());
        assertEquals(150, mpm.effective(MpmDirective.MAX_REQUEST_WORKERS));
        assertEquals(25, mpm.effective(MpmDirective.THREADS_PER_CHILD));
        assertEquals(16, mpm.effective(MpmDirective.SERVER_LIMIT));
        assertEquals(6, mpm.maxChildren());
        assertEquals("apache/debian12-etc-apache2/mods-available/mpm_event.conf:13",
                mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElseThrow().location().toString());
        assertTrue(mpm.adjustments().isEmpty(), mpm.adjustments().toString());
        List<Finding> loud = r.findings().stream().filter(f -> f.severity() != Severity.INFO)
                .collect(Collectors.toList());
        assertEquals(List.of(), loud);
    }

    @Test
    void modWsgiVhostsOfRealProjectsGiveNoFalseSyntaxErrors() throws Exception {
        EnvironmentResult r = check(CORPUS.resolve("wsgi-vhosts"));
        List<Finding> syntax = r.findings().stream()
                .filter(f -> f.ruleId().equals("FP001") && f.severity() == Severity.ERROR)
                .collect(Collectors.toList());
        assertEquals(List.of(), syntax);
        assertTrue(r.deployment().daemons().size() >= 8, r.deployment().daemons().toString());
    }
}
