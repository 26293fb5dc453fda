package io.github.footprint.parse.apache;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * httpd 2.4's Include expansion (server/config.c) and APR's {@code apr_fnmatch_test}/{@code apr_fnmatch}.
 * Cases marked "httpd:" were checked with apache2 2.4.71, whose messages name absolute paths where we name
 * the path as written.
 */
class GlobsTest {
    @TempDir
    Path dir;

    private SourceSet tree;

    @BeforeEach
    void tree() {
        Trees.write(dir, files("sub/b.conf", "B\n", "sub/a.conf", "A\n", "sub/.dot.conf", "D\n", "sub/a-b.conf", "AB\n",
                "sub/a/x.conf", "AX\n", "sub/.hid/y.conf", "HY\n", "sub/d2/z.conf", "Z\n", "etc/apache2/sites/s.conf",
                "S\n"));
        tree = Trees.load(dir);
    }

    private Globs.Expansion expand(String pattern, boolean optional) {
        return Globs.expand(tree, pattern, pattern, optional);
    }

    @Test
    void wildcardTestIsAprFnmatchTest() {
        assertTrue(Globs.hasWildcard("*.conf"));
        assertTrue(Globs.hasWildcard("a?.conf"));
        assertTrue(Globs.hasWildcard("[c]onf.modules.d/*.conf"));
        assertTrue(Globs.hasWildcard("[c]onf"));
        // httpd: "Include sub/a[1.conf" looks for that file
        assertFalse(Globs.hasWildcard("a[1.conf"));
        assertFalse(Globs.hasWildcard("a].conf"));
        assertFalse(Globs.hasWildcard("a\\*.conf"));
        assertFalse(Globs.hasWildcard("a\\"));
    }

    @Test
    void fnmatchWithPeriod() {
        assertTrue(Globs.fnmatch("*.conf", "a.conf"));
        assertFalse(Globs.fnmatch("*.conf", ".dot.conf"));
        assertFalse(Globs.fnmatch("?dot.conf", ".dot.conf"));
        assertFalse(Globs.fnmatch("[.]dot.conf", ".dot.conf"));
        assertTrue(Globs.fnmatch(".*", ".dot.conf"));
        // httpd: "Include sub/\.*.conf" reads sub/.dot.conf
        assertTrue(Globs.fnmatch("\\.*.conf", ".dot.conf"));
        assertTrue(Globs.fnmatch("[a-c].conf", "b.conf"));
        assertTrue(Globs.fnmatch("[!a].conf", "b.conf"));
        assertFalse(Globs.fnmatch("[!a].conf", "a.conf"));
        assertFalse(Globs.fnmatch("[^a].conf", "a.conf"));
        assertTrue(Globs.fnmatch("a\\*b", "a*b"));
        assertFalse(Globs.fnmatch("a\\*b", "axb"));
        assertTrue(Globs.fnmatch("x*", "x"));
        assertFalse(Globs.fnmatch("x?", "x"));
        assertTrue(Globs.fnmatch("*a*b*", "xaybz"));
    }

    @Test
    void aDirectoryIsReadRecursivelyLevelByLevelWithItsDotFiles() {
        // httpd: "Include sub" reads sub/.dot.conf; entries sorted by name at each level ("a" before "a-b.conf")
        assertEquals(List.of("sub/.dot.conf", "sub/.hid/y.conf", "sub/a/x.conf", "sub/a-b.conf", "sub/a.conf",
                "sub/b.conf", "sub/d2/z.conf"), Globs.underDirectory(tree, "sub"));
    }

    @Test
    void wildcardsSkipDotFilesAndReadMatchedDirectories() {
        Globs.Expansion e = expand("sub/*", false);
        assertNull(e.error);
        assertEquals(List.of("sub/a/x.conf", "sub/a-b.conf", "sub/a.conf", "sub/b.conf", "sub/d2/z.conf"), e.files);
        assertEquals(List.of("sub/a-b.conf", "sub/a.conf", "sub/b.conf"), expand("sub/*.conf", false).files);
    }

    @Test
    void aWildcardInsideThePathMatchesDirectoriesOnly() {
        Globs.Expansion e = expand("sub/*/*.conf", false);
        assertNull(e.error);
        assertEquals(List.of("sub/a/x.conf", "sub/d2/z.conf"), e.files);
    }

    @Test
    void noMatchFailsAtTheFirstDirectoryWithoutOne() {
        // httpd: "Include/IncludeOptional: No matches for the wildcard '*.none' in '/tmp/hx/sub', failing"
        assertEquals("Include/IncludeOptional: No matches for the wildcard '*.none' in 'sub', failing",
                expand("sub/*.none", false).error);
        // httpd: "... No matches for the wildcard '*.none' in '/tmp/hx/sub/d1', failing" (its first directory)
        assertEquals("Include/IncludeOptional: No matches for the wildcard '*.none' in 'sub/a', failing",
                expand("sub/*/*.none", false).error);
        assertEquals("Include/IncludeOptional: No matches for the wildcard 'none*' in 'sub', failing",
                expand("sub/none*/x.conf", false).error);
    }

    @Test
    void aMissingDirectoryCannotBeOpened() {
        // httpd: "Include/IncludeOptional: Could not open directory /tmp/hx/nodir: No such file or directory"
        assertEquals("Include/IncludeOptional: Could not open directory nodir: No such file or directory",
                expand("nodir/*.conf", false).error);
    }

    @Test
    void aMissingFileAfterAWildcardDirectoryCannotBeOpened() {
        // httpd: "Could not open configuration file /tmp/hx/sub/d1/nope.conf: No such file or directory"
        Globs.Expansion e = expand("sub/*/nope.conf", false);
        assertEquals("Could not open configuration file sub/a/nope.conf: No such file or directory", e.error);
        assertEquals(List.of("sub/d2/z.conf"), expand("sub/*/z.conf", true).files);
    }

    @Test
    void includeOptionalToleratesAllOfThat() {
        for (String p : List.of("sub/*.none", "sub/*/*.none", "nodir/*.conf", "sub/*/nope.conf", "[n]odir/*.conf")) {
            Globs.Expansion e = expand(p, true);
            assertNull(e.error, p);
            assertEquals(List.of(), e.files, p);
        }
    }

    @Test
    void messagesNameThePathAsWritten() {
        Globs.Expansion e = Globs.expand(tree, "etc/apache2/sites/*.none", "/etc/apache2/sites/*.none", false);
        assertEquals("Include/IncludeOptional: No matches for the wildcard '*.none' in '/etc/apache2/sites', failing",
                e.error);
        Globs.Expansion rel = Globs.expand(tree, "etc/apache2/x/*.conf", "x/*.conf", false);
        assertEquals("Include/IncludeOptional: Could not open directory x: No such file or directory", rel.error);
    }
}
