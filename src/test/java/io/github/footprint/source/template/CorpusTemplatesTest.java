package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.footprint.source.FileKind;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;

/**
 * The corpus' real templates, loaded as published, without variables: every Jinja2 template renders (no syntax error,
 * no problem), what has no value is an unknown naming its expression and variables, conditions on unknowns are
 * decision points; Mako and Tempita templates are tagged, not read.
 */
class CorpusTemplatesTest {
    private static SourceSet load(Path dir) {
        return Trees.load(dir, new Properties(), true);
    }

    @Test
    void appEnlightsProductionIniRendersWithItsUnknownsNamed() {
        Path dir = Trees.corpus().resolve("pylons-ini/AppEnlight__appenlight/backend/src/appenlight/templates/ini");
        SourceFile f = load(dir).get("production.ini.jinja2").get();
        assertEquals(FileKind.INI, f.kind());
        assertEquals(Dialect.JINJA2, f.dialect());
        assertTrue(f.parseable());
        assertEquals(List.of(), f.problems());
        // the same expression is one unknown (one token) wherever it stands: {{appenlight_domain}} three times
        assertEquals(List.of("{{ appenlight_dbstring }}", "{{appenlight_encryption_secret}}",
                "{{appenlight_authtkt_secret}}", "{{appenlight_redis_session_secret}}", "{{appenlight_domain}}"),
                f.unknowns().values().stream().map(
                        Unknown::written).collect(Collectors.toList()));
        assertEquals(3, Unknowns.find(f.text()).stream().filter(t -> t.id() == 5).count(),
                "its three places carry the one token");
        Unknown db = f.unknown(1);
        assertEquals(List.of("appenlight_dbstring"), db.variables());
        int line = f.renderedIndex(db.templateLine());
        assertEquals("sqlalchemy.url = " + db.token(), f.lines().get(line));
        assertTrue(f.unknown(2).secret(), "a secret-named variable makes a secret unknown");
        assertEquals(f.lineCount(), f.text().split("\n", -1).length - 1, "line for line: no line added or lost");
    }

    @Test
    void theCookiecutterStarterBranchesOnItsBackend() {
        Path dir = Trees.corpus().resolve("pylons-ini/Pylons__pyramid-cookiecutter-starter@main/"
                + "{{cookiecutter.repo_name}}");
        SourceSet s = load(dir);
        for (String name : new String[] {"production.ini", "development.ini", "testing.ini"}) {
            SourceFile f = s.get(name).get();
            assertEquals(Dialect.JINJA2, f.dialect(), name);
            assertEquals(List.of(), f.problems(), name);
            assertTrue(f.parseable(), name);
            List<String> keys = f.decisions().stream().map(DecisionPoint::key).collect(Collectors.toList());
            assertTrue(keys.contains("cookiecutter.backend == 'sqlalchemy'"), name + " " + keys);
            assertFalse(f.text().contains("{%"), name);
            assertTrue(f.unknowns().values().stream().allMatch(u -> u.variables().equals(List.of(
                    "cookiecutter.repo_name"))), name + " " + f.unknowns());
        }
    }

    @Test
    void makoAndTempitaTemplatesAreReadWithoutTheirEngines() {
        SourceFile mako = load(Trees.corpus().resolve("pylons-ini/NexMirror__Kallithea/kallithea/lib/paster_commands"))
                .get("template.ini.mako").get();
        assertEquals(FileKind.INI, mako.kind());
        assertEquals(Dialect.MAKO, mako.dialect());
        assertTrue(mako.parseable());
        assertEquals(List.of(), mako.problems());
        assertFalse(mako.text().contains("<%") || mako.text().contains("${"));
        SourceFile tempita = load(Trees.corpus().resolve("pylons-ini/Pylons__pylons/pylons/templates/default_project"))
                .get("development.ini_tmpl").get();
        assertEquals(Dialect.TEMPITA, tempita.dialect());
        assertTrue(tempita.parseable());
        assertEquals(List.of(), tempita.problems());
        assertFalse(tempita.text().contains("{{"));
        assertTrue(tempita.unknowns().values().stream().anyMatch(u -> u.variables().equals(List.of("package"))),
                tempita.unknowns().toString());
    }
}
