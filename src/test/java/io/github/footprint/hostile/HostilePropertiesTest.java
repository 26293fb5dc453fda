package io.github.footprint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the whole check under nesting depth and expansion: any depth of nested sections or property chains,
 * any number of doubling levels, ends with whole reports, and what it renders is either the exact value or one
 * located refusal.
 */
class HostilePropertiesTest {
    private static Path tree(String conf) throws Exception {
        Path base = Files.createTempDirectory("footprint-hostile");
        HostileCases.write(base.resolve("src/main/deploy/apache/app.conf"), conf);
        return base;
    }

    @Property(tries = 12)
    void anyNestingDepthOfSectionsIsRead(@ForAll @IntRange(min = 1, max = 20000) int depth,
            @ForAll boolean trueCondition) throws Exception {
        String open = trueCondition ? "<IfModule !x.c>" : "<IfModule x.c>";
        // a main file of its own (the server footprint assumes without one is another question)
        Path base = Files.createTempDirectory("footprint-hostile");
        HostileCases.write(base.resolve("src/main/deploy/apache/httpd.conf"), "LoadModule mpm_event_module"
                + " modules/mod_mpm_event.so\nLoadModule wsgi_module modules/mod_wsgi.so\n"
                + HostileCases.nested(open, "</IfModule>", HostileCases.DAEMON, depth));
        HostileRun.Outcome o = HostileRun.run(base, b -> { });
        HostileRun.parseReports(o);
        // the daemon inside counts exactly when the sections are true
        assertEquals(trueCondition, o.consoleText().contains("daemon groups: app ("), "depth " + depth);
        assertFalse(o.everything().contains("StackOverflowError"));
    }

    @Property(tries = 12)
    void propertyChainsOfAnyLengthRender(@ForAll @IntRange(min = 1, max = 6000) int length) throws Exception {
        Path base = tree("Timeout ${p" + (length - 1) + "}\n" + HostileCases.DAEMON);
        Properties p = new Properties();
        p.setProperty("p0", "37");
        for (int i = 1; i < length; i++) {
            p.setProperty("p" + i, "${p" + (i - 1) + "}");
        }
        HostileRun.Outcome o = HostileRun.run(base, b -> b.properties(p));
        HostileRun.parseReports(o);
        assertFalse(o.files.get("footprint.json").contains("internal error"), "length " + length);
        assertFalse(o.files.get("footprint.json").contains("FP002"), "the chain resolves: " + length);
    }

    @Property(tries = 15)
    void doublingPropertiesRenderExactlyOrAreRefusedAtTheLine(@ForAll @IntRange(min = 0, max = 60) int levels)
            throws Exception {
        Path base = tree("<VirtualHost *:80>\nServerAlias ${p" + levels + "}\n</VirtualHost>\n"
                + HostileCases.DAEMON);
        Properties p = new Properties();
        p.setProperty("p0", "ab");
        for (int i = 1; i <= levels; i++) {
            p.setProperty("p" + i, "${p" + (i - 1) + "}${p" + (i - 1) + "}");
        }
        long started = System.nanoTime();
        HostileRun.Outcome o = HostileRun.run(base, b -> b.properties(p));
        HostileRun.parseReports(o);
        long rendered = 2L << levels;
        boolean refused = o.files.get("footprint.json").contains("renders to more than 1048576 characters");
        // the line as written counts too: "ServerAlias ${pN}" and the value must fit in 1 MiB
        long line = rendered + ("ServerAlias ${p" + levels + "}").length();
        assertEquals(line > (1 << 20), refused, levels + " levels render " + rendered + " characters");
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "within 10 s");
    }
}
