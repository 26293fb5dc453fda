package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.footprint.testing.PythonJudge;

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
        List<String> paths = new ArrayList<>();
        for (String[] c : CASES) {
            paths.add(c[0]);
        }
        List<String> lines = python("print(os.path.normpath(p))", paths);
        for (int i = 0; i < CASES.length; i++) {
            assertEquals(lines.get(i), HostPaths.normalise(CASES[i][0]), "os.path.normpath(" + CASES[i][0] + ")");
        }
    }

    /** posixpath's dirname and basename, which start-up scripts and Jinja2's filters both use. */
    @Test
    void pythonsDirnameAndBasenameAgree() throws Exception {
        List<String> paths = List.of("/a//b", "//b", "b", "/", "a/", "///", "/a/b/", "a//b//c", "/srv/app/x.ini",
                "srv//", "x/y");
        List<String> lines = python("print(repr(os.path.dirname(p)), repr(os.path.basename(p)))", paths);
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            assertEquals(lines.get(i), "'" + HostPaths.dirname(p) + "' '" + HostPaths.basename(p) + "'", p);
        }
    }

    /** One line of python3's output per path: {@code statement} run with each path as {@code p}. */
    private static List<String> python(String statement, List<String> paths) throws Exception {
        String out = PythonJudge.run("import os.path, sys\nfor p in sys.argv[1:]: " + statement,
                paths.toArray(new String[0]));
        List<String> lines = List.of(out.split("\n"));
        assertEquals(paths.size(), lines.size(), out);
        return lines;
    }
}
