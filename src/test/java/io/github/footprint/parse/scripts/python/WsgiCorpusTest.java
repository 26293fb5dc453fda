package io.github.footprint.parse.scripts.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 28 real start-up scripts of {@code src/test/resources/wsgi-scripts}: each is read as if installed at its
 * {@code host.script} (mod_wsgi's {@code __file__}); the application loader's INI path must equal {@code ini.path}
 * (python3 computed those, see each DERIVATION.txt), or be unknown where the corpus says {@code unknown}, and its
 * section must equal {@code ini.section}.
 */
class WsgiCorpusTest {
    private static final Path CORPUS = Paths.get("src", "test", "resources", "wsgi-scripts");

    private static List<Path> folders() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    private static Properties expected(Path folder) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve("EXPECTED.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The loader that builds the application: the first load that is not logging. */
    static IniLoad application(List<IniLoad> loads) {
        return loads.stream().filter(l -> l.kind() != IniLoad.Kind.LOGGING).findFirst().orElse(null);
    }

    @Test
    void theCorpusHas28Scripts() throws IOException {
        assertEquals(28, folders().size());
    }

    @TestFactory
    Stream<DynamicTest> everyScriptComputesTheIniPythonComputes() throws IOException {
        return folders().stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Properties p = expected(folder);
            String script = p.getProperty("script");
            String source = new String(Files.readAllBytes(folder.resolve(script)), StandardCharsets.UTF_8);
            PythonScript s = PythonScript.read(source, "wsgi-scripts/" + folder.getFileName() + "/" + script);
            assertFalse(s.refused(), () -> "refused: " + s.problems().get(0).message());
            List<IniLoad> loads = s.loads(p.getProperty("host.script"));
            IniLoad app = application(loads);
            assertNotNull(app, () -> "no loader found; loads: " + loads);
            String kind = p.getProperty("loader");
            if (kind.equals("loadapp")) {
                assertEquals(IniLoad.Kind.LOADAPP, app.kind(), app::toString);
            } else if (kind.equals("get_app")) {
                assertEquals(IniLoad.Kind.GET_APP, app.kind(), app::toString);
            } else {
                assertTrue(app.kind() == IniLoad.Kind.CKAN_CONFIG_LOADER || app.kind() == IniLoad.Kind.CONFIGPARSER,
                        app::toString);
            }
            String path = p.getProperty("ini.path");
            if (path.equals("unknown")) {
                assertFalse(app.path().known(), app::toString);
                assertFalse(app.path().reason().isBlank());
                assertNotNull(app.path().reasonLocation(), app::toString);
                String relative = p.getProperty("ini.relative");
                if (relative != null) {
                    assertEquals(relative, app.relativePath(), app::toString);
                }
            } else {
                assertTrue(app.path().known(), app::toString);
                assertEquals(path, app.path().value(), app::toString);
                assertEquals(p.getProperty("ini.path.raw", path), app.rawPath(), app::toString);
                assertFalse(app.path().steps().isEmpty());
            }
            assertEquals(p.getProperty("ini.section"), app.section().value(), app::toString);
            // the same INI read for logging is the same file
            for (IniLoad l : loads) {
                if (l.kind() == IniLoad.Kind.LOGGING && l.path().known() && app.path().known()) {
                    assertEquals(app.path().value(), l.path().value(), l::toString);
                }
            }
        }));
    }
}
