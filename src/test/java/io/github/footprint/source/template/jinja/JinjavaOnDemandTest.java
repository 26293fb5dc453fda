package io.github.footprint.source.template.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.testing.ProjectCheck;
import io.github.footprint.testing.WatchingLoader;

/**
 * Cold start: Jinjava (and the expression language inside it) loads only when a template needs more than the fast
 * path renders. The Ansible role of {@code examples/ansible-role}, checked with its pom's settings, is all variables
 * and filters: no Jinjava class loads. A template with a statement does load it.
 */
class JinjavaOnDemandTest {
    private static final String[] JINJAVA = {"com.hubspot.", "jinjava."};

    @TempDir
    Path base;

    /** Runs a check of a folder's {@code src/main/deploy} inside the loader. */
    public static final class TreeDriver {
        public static void run(Path base) throws Exception {
            new CheckEngine().run(new CheckRequest.Builder().baseDirectory(base)
                    .sourceDirectory(base.resolve("src/main/deploy")).outputDirectory(base.resolve("target/footprint"))
                    .build());
        }
    }

    private static List<String> jinjava(WatchingLoader w) {
        List<String> all = new java.util.ArrayList<>();
        for (String p : JINJAVA) {
            all.addAll(w.loaded(p));
        }
        return all;
    }

    @Test
    void theAnsibleExampleLoadsNoJinjavaClass() throws Exception {
        WatchingLoader w = new WatchingLoader("io.github.footprint.", "com.hubspot.", "jinjava.");
        w.run(ProjectCheck.class, new Class<?>[] {Path.class, Path.class}, Path.of("examples/ansible-role").toAbsolutePath(),
                base.resolve("out"));
        assertTrue(w.defined(FastJinja.class.getName()), "the templates went through the fast path");
        assertEquals(List.of(), jinjava(w));
    }

    @Test
    void aStatementLoadsIt() throws Exception {
        Path src = Files.createDirectories(base.resolve("src/main/deploy"));
        Files.writeString(src.resolve("app.conf.j2"), "{% if big %}\nWSGIDaemonProcess app processes=4 threads=2\n"
                + "{% endif %}\n");
        WatchingLoader w = new WatchingLoader("io.github.footprint.", "com.hubspot.", "jinjava.");
        w.run(TreeDriver.class, new Class<?>[] {Path.class}, base);
        assertFalse(jinjava(w).isEmpty(), "Jinjava renders the statement");
    }
}
