package io.github.footprint.parse.apache;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;

import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the httpd tree is: the main file and the root relative paths resolve against. */
class ApacheLayoutTest {
    @TempDir
    Path dir;

    private ApacheLayout find(String explicitMain, String explicitRoot, String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        return ApacheLayout.find(Trees.load(dir), explicitMain, explicitRoot);
    }

    @Test
    void theShallowestApache2ConfOrHttpdConf() {
        ApacheLayout l = find(null, null, "etc/apache2/apache2.conf", "A\n", "etc/apache2/x/apache2.conf", "B\n");
        assertEquals("etc/apache2/apache2.conf", l.main().treePath());
        assertEquals("etc/apache2", l.root());
    }

    @Test
    void confHttpdConfIsRootedAtItsParent() {
        ApacheLayout l = find(null, null, "etc/httpd/conf/httpd.conf", "A\n", "etc/httpd/conf.d/app.conf", "B\n");
        assertEquals("etc/httpd/conf/httpd.conf", l.main().treePath());
        assertEquals("etc/httpd", l.root());
    }

    @Test
    void aFolderMerelyEndingInConfIsNotConf() {
        // "myconf/httpd.conf" is as deep as "site/apache2.conf"; only a folder named conf counts one level less
        ApacheLayout l = find(null, null, "myconf/httpd.conf", "A\n", "a/apache2.conf", "B\n");
        assertEquals("a/apache2.conf", l.main().treePath());
        assertEquals("a", l.root());
    }

    @Test
    void noMainFileMeansVhostOnly() {
        ApacheLayout l = find(null, null, "sites/app.conf", "A\n");
        assertNull(l.main());
        assertEquals("", l.root());
    }

    @Test
    void explicitMainAndRoot() {
        ApacheLayout l = find("conf/httpd.conf.in", "srv", "conf/httpd.conf.in", "A\n", "apache2.conf", "B\n");
        assertEquals("conf/httpd.conf.in", l.main().treePath());
        assertEquals("srv", l.root());
        assertNull(ApacheLayout.find(Trees.load(dir), "nope.conf", null).main());
    }
}
