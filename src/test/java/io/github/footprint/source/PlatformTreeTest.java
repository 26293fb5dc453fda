package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Platform;
import io.github.footprint.testing.Trees;

/** Where the project's files stand in the distribution's stock tree, and what its install steps enable. */
class PlatformTreeTest {
    private static final Path PROJECTS = Path.of("src/test/resources/projects");
    private static final String VHOST = "<VirtualHost *:80>\nServerName a\n</VirtualHost>\n";

    @TempDir
    Path dir;

    private static PlatformTree real(String project, String sub, Platform platform) {
        Path t = PROJECTS.resolve(project).resolve(sub);
        SourceSet s = new SourceLoader(t.getParent(), t, List.of(), List.of()).load(new Properties(), true);
        return PlatformTree.assemble(s, Placement.of(s, Map.of(), null, ""), platform);
    }

    private PlatformTree own(Platform platform, String... pathsAndTexts) {
        SourceSet s = Trees.load(Trees.write(dir.resolve(platform.label() + pathsAndTexts[0].hashCode()),
                Trees.files(pathsAndTexts)));
        return PlatformTree.assemble(s, Placement.of(s, Map.of(), null, ""), platform);
    }

    /** The project file standing at a path below the root, or null (a stock file there shows as "stock"). */
    private static String at(PlatformTree t, String path) {
        SourceFile f = t.standing().get(path);
        return f == null ? null : f.treePath().startsWith(PlatformTree.PREFIX) ? "stock" : f.treePath();
    }

    @Test
    void theStockTreeAsDebianInstallsIt() {
        PlatformTree t = own(Platform.DEBIAN, "vhosts/app.conf", VHOST);
        assertEquals("platform:debian/apache2.conf", t.main().displayPath());
        assertEquals("platform:debian", t.root());
        assertEquals("/etc/apache2", t.hostRoot());
        assertEquals("stock", at(t, "mods-enabled/mpm_event.load"));
        assertEquals("stock", at(t, "mods-enabled/wsgi.load"));
        assertEquals("stock", at(t, "sites-enabled/000-default.conf"));
        assertEquals("platform:debian/envvars", t.envvars().displayPath());
        // a vhost file of the project's own: an enabled site
        assertEquals("vhosts/app.conf", at(t, "sites-enabled/app.conf"));
        assertTrue(t.disabled(t.main()), "stock files are read only where the stock main file includes them");
    }

    @Test
    void folderNamesEnvvarsPortsAndIncludedFiles() {
        PlatformTree t = own(Platform.DEBIAN, "deploy/sites-available/off.conf", VHOST, "deploy/conf-enabled/t.conf",
                "MaxRequestWorkers 50\n", "deploy/x.load", "LoadModule x_module x.so\n", "deploy/ports.conf.j2",
                "Listen 8080\n", "deploy/envvars", "export A=1\n", "deploy/main-site.conf",
                "Include /srv/app/common.conf\n" + VHOST, "deploy/common.conf", "WSGIRestrictEmbedded On\n");
        assertEquals("deploy/sites-available/off.conf", at(t, "sites-available/off.conf"));
        assertTrue(t.disabled(t.sources().get("deploy/sites-available/off.conf").orElseThrow()));
        assertEquals("deploy/conf-enabled/t.conf", at(t, "conf-enabled/t.conf"));
        assertEquals("deploy/x.load", at(t, "mods-enabled/x.load"));
        assertEquals("deploy/ports.conf.j2", at(t, "ports.conf"));
        assertEquals("deploy/envvars", at(t, "envvars"));
        assertNull(t.envvars(), "the project's envvars replaces the stock one");
        assertEquals("deploy/main-site.conf", at(t, "sites-enabled/main-site.conf"));
        // a file another project file includes is read where the Include is, not as a site of its own
        assertFalse(t.standing().containsValue(t.sources().get("deploy/common.conf").orElseThrow()));
        assertFalse(t.disabled(t.sources().get("deploy/common.conf").orElseThrow()));
    }

    @Test
    void moduleStepsAsDebiansHelpersDoThem() {
        // a2enmod of a second MPM fails while one is enabled (a2enmod: "Module mpm_worker conflicts with ...")
        PlatformTree refused = own(Platform.DEBIAN, "sites-enabled/a.conf", VHOST, "tasks/main.yml",
                "- command: a2enmod mpm_worker\n");
        assertEquals("stock", at(refused, "mods-enabled/mpm_event.load"));
        assertNull(at(refused, "mods-enabled/mpm_worker.load"));
        PlatformTree worker = own(Platform.DEBIAN, "sites-enabled/a.conf", VHOST, "tasks/main.yml",
                "- command: a2dismod mpm_event\n- command: a2enmod mpm_worker\n- command: a2ensite default-ssl\n"
                        + "- command: a2dissite 000-default\n");
        assertNull(at(worker, "mods-enabled/mpm_event.load"));
        assertEquals("stock", at(worker, "mods-enabled/mpm_worker.load"));
        assertEquals("stock", at(worker, "mods-enabled/mpm_worker.conf"));
        assertEquals("stock", at(worker, "sites-enabled/default-ssl.conf"));
        assertNull(at(worker, "sites-enabled/000-default.conf"));
    }

    @Test
    void httpdsTreeWithConfD() {
        PlatformTree t = own(Platform.HTTPD, "conf.d/app.conf", VHOST, "bare.conf", VHOST);
        assertEquals("platform:httpd/conf/httpd.conf", t.main().displayPath());
        assertEquals("conf.d/app.conf", at(t, "conf.d/app.conf"));
        assertEquals("bare.conf", at(t, "conf.d/bare.conf"));
        assertEquals("event", t.builtInMpm());
        assertEquals(List.of("wsgi_module", "mod_wsgi.c"), t.hostModules());
        assertNull(t.envvars());
    }

    @Test
    void theRealProjectsStandWhereTheirInstallPutsThem() {
        PlatformTree kohakurei = real("kohakurei__ansible-role-ckan", "tree", Platform.DEBIAN);
        assertEquals("files/ckan_default.conf", at(kohakurei, "sites-available/000-ckan_default.conf"));
        assertEquals("files/ckan_default.conf", at(kohakurei, "sites-enabled/000-ckan_default.conf"));
        // the same file's RHEL destination lies outside Debian's tree
        assertFalse(kohakurei.standing().keySet().stream().anyMatch(k -> k.contains("conf.d")));

        PlatformTree oguya = real("oguya__ansible-ckan", "tree", Platform.DEBIAN);
        // the role's vhost replaces the stock 000-default site, which the stock link keeps enabled
        assertEquals("roles/ckan/templates/apache/000-ckan-default.conf.j2", at(oguya, "sites-available/000-default.conf"));
        assertEquals("roles/ckan/templates/apache/000-ckan-default.conf.j2", at(oguya, "sites-enabled/000-default.conf"));
        assertEquals("roles/apache/templates/ports.conf.j2", at(oguya, "ports.conf"));

        PlatformTree keystone = real("openstack__openstack-ansible-os_keystone", "tree", Platform.DEBIAN);
        assertEquals("templates/keystone-httpd-mpm.conf.j2", at(keystone, "mods-available/mpm_event.conf"));
        assertEquals("templates/keystone-httpd-mpm.conf.j2", at(keystone, "mods-enabled/mpm_event.conf"));
        assertEquals("templates/keystone-httpd.conf.j2", at(keystone, "sites-enabled/keystone-httpd.conf"));
        assertNull(at(keystone, "sites-enabled/000-default.conf"));

        PlatformTree graphite = real("echocat__puppet-graphite", "tree", Platform.DEBIAN);
        assertEquals("templates/etc/apache2/sites-available/graphite.conf.erb",
                at(graphite, "sites-enabled/graphite.conf"));
        assertEquals("stock", at(graphite, "mods-enabled/headers.load"));
        assertNull(at(graphite, "sites-enabled/000-default.conf"));

        PlatformTree identity = real("openstack-archive__cookbook-openstack-identity", "tree", Platform.DEBIAN);
        assertEquals("templates/default/wsgi-keystone.conf.erb", at(identity, "sites-enabled/identity.conf"));

        // the rendered trees' links: a2ensite's sites-enabled/x.conf -> ../sites-available/x.conf
        PlatformTree rendered = real("openstack__devstack", "rendered", Platform.DEBIAN);
        assertEquals("etc/apache2/sites-available/keystone.conf", at(rendered, "sites-enabled/keystone.conf"));
        assertEquals("etc/apache2/sites-available/horizon.conf", at(rendered, "sites-enabled/horizon.conf"));
    }
}
