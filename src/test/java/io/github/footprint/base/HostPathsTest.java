package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The one normalisation of host paths (the mapping of host paths to the project, and PasteDeploy's
 * {@code config:} paths). Python's {@code os.path.normpath} is the judge: PasteDeploy resolves {@code config:}
 * files with {@code os.path.abspath}, which is {@code normpath} of the joined path.
 */
class HostPathsTest {
    /** Paths normpath and footprint agree on, with what both make of them. */
    private static final String[][] CASES = {
        {"/srv/app/production.ini", "/srv/app/production.ini"},
        {"/srv/app/../app/./production.ini", "/srv/app/production.ini"},
        {"/srv//app/", "/srv/app"},
        {"/srv/app/..", "/srv"},
        // above the root is the root: Linux resolves /.. to /, and so does normpath
        {"/../srv/app.ini", "/srv/app.ini"},
        {"/srv/../../etc/app.ini", "/etc/app.ini"},
        {"/..", "/"},
        {"/", "/"},
        // a relative path keeps the .. it cannot resolve
        {"../x/y", "../x/y"},
        {"a/../../b", "../b"},
        {"a/./b/", "a/b"},
    };

    @Test
    void dotsAndEmptyComponentsGoAndDotDotAboveTheRootIsTheRoot() {
        for (String[] c : CASES) {
            assertEquals(c[1], HostPaths.normalise(c[0]), c[0]);
        }
    }

    @Test
    void pythonsNormpathAgrees() throws Exception {
        String python = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                python = Path.of(dir, "python3").toString();
                break;
            }
        }
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH");
        List<String> cmd = new ArrayList<>(List.of(python, "-c",
                "import os.path, sys\nfor p in sys.argv[1:]: print(os.path.normpath(p))"));
        for (String[] c : CASES) {
            cmd.add(c[0]);
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "python3 did not finish");
        String[] lines = out.split("\n");
        assertEquals(CASES.length, lines.length, out);
        for (int i = 0; i < CASES.length; i++) {
            assertEquals(lines[i], HostPaths.normalise(CASES[i][0]), "os.path.normpath(" + CASES[i][0] + ")");
        }
    }
}
