package io.github.footprint.source;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README.md#parameters-of-check "Host paths and project files": the first rule that applies, and which one it was. */
class HostPathMapperTest {
    @TempDir
    Path dir;

    private static String show(HostPathMapper.Mapping m) {
        return m.rule() + " " + m.treePath();
    }

    @Test
    void pathMappingsComeFirstLongestPrefixFirst() {
        SourceSet s = Trees.load(Trees.write(dir, files("deploy/app/app.wsgi", "x\n", "deploy/conf/app.ini", "[a]\n",
                "etc/apache2/apache2.conf", "A 1\n")));
        HostPathMapper m = new HostPathMapper(s, Map.of("/srv/app", "deploy/app", "/srv/app/conf/", "deploy/conf"), "");
        assertEquals("PATH_MAPPINGS deploy/app/app.wsgi", show(m.map("/srv/app/app.wsgi", null, true)));
        assertEquals("PATH_MAPPINGS deploy/conf/app.ini", show(m.map("/srv/app/conf/app.ini", null, true)));
        assertEquals("PATH_MAPPINGS deploy/app", show(m.map("/srv/app/", null, false)));
        // not a prefix of whole components
        assertEquals("OVERLAY srv/apps/x", show(m.map("/srv/apps/x", null, false)));
    }

    @Test
    void anOverlayTreeMirrorsTheHostRoot() {
        SourceSet s = Trees.load(Trees.write(dir, files("etc/apache2/apache2.conf", "A 1\n", "srv/app/app.wsgi", "x\n")));
        HostPathMapper m = new HostPathMapper(s, Map.of(), "etc/apache2");
        assertEquals("OVERLAY srv/app/app.wsgi", show(m.map("/srv/app/app.wsgi", null, true)));
        assertEquals("OVERLAY etc/apache2/mods-enabled/*.load", show(m.map("/etc/apache2/mods-enabled/*.load", null, false)));
        assertEquals("RELATIVE etc/apache2/mods-enabled/*.load", show(m.map("mods-enabled/*.load", null, false)));
    }

    @Test
    void theDeclaredServerRootMapsOntoTheApacheTree() {
        SourceSet s = Trees.load(Trees.write(dir, files("apache/httpd.conf", "A 1\n", "apache/conf.d/app.conf", "B\n")));
        HostPathMapper m = new HostPathMapper(s, Map.of(), "apache");
        assertEquals("SERVER_ROOT apache/conf.d/app.conf", show(m.map("/etc/httpd/conf.d/app.conf", "/etc/httpd", false)));
        assertEquals("SERVER_ROOT apache", show(m.map("/etc/httpd", "/etc/httpd/", false)));
        assertEquals("RELATIVE apache/conf.d/app.conf", show(m.map("conf.d/./x/../app.conf", "/etc/httpd", false)));
    }

    @Test
    void theOnlyFileOfThatNameWhenAllowedAndUnique() {
        SourceSet s = Trees.load(Trees.write(dir, files("apache/app.conf", "A\n", "python/app.wsgi", "x\n",
                "a/production.ini", "[a]\n", "b/production.ini", "[b]\n")));
        HostPathMapper m = new HostPathMapper(s, Map.of(), "apache");
        assertEquals("UNIQUE_NAME python/app.wsgi", show(m.map("/srv/app/app.wsgi", null, true)));
        assertEquals("OUTSIDE null", show(m.map("/srv/app/app.wsgi", null, false)));
        assertEquals("OUTSIDE null", show(m.map("/srv/app/production.ini", null, true)));
        assertFalse(m.map("/etc/other/x.conf", null, false).inside());
        assertEquals("outside the project", HostPathMapper.Rule.OUTSIDE.description());
    }

    @Test
    void aRelativePathClimbingOutOfTheApacheTreeStaysInsideTheProjectWhenItLandsThere() {
        SourceSet s = Trees.load(Trees.write(dir, files("apache/apache2.conf", "A\n", "shared/common.conf", "B\n")));
        HostPathMapper m = new HostPathMapper(s, Map.of(), "apache");
        assertEquals("RELATIVE shared/common.conf", show(m.map("../shared/common.conf", null, false)));
        assertEquals("OUTSIDE null", show(m.map("../../etc/other.conf", null, false)));
        assertEquals("RELATIVE apache/x.conf", show(m.map("sub/../x.conf", null, false)));
    }
}
