package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Platform;
import io.github.footprint.testing.Trees;

/** {@code platform=auto}: the distribution a project without a main httpd file is read in, from its layout. */
class PlatformChoiceTest {
    private static final Path PROJECTS = Path.of("src/test/resources/projects");

    @TempDir
    Path dir;

    private PlatformChoice auto(String... pathsAndTexts) {
        SourceSet s = Trees.load(Trees.write(dir.resolve(String.valueOf(pathsAndTexts.length + pathsAndTexts[0]
                .hashCode())), Trees.files(pathsAndTexts)));
        return PlatformChoice.decide(Optional.empty(), s, Placement.of(s, Map.of(), null, ""), "2.4");
    }

    private static final String VHOST = "<VirtualHost *:80>\nServerName a\n</VirtualHost>\n";

    @Test
    void debianFromItsFoldersVariablesPathsAndSteps() {
        assertEquals("platform=debian (auto: folder apache/sites-available/)",
                auto("apache/sites-available/app.conf", VHOST).describe());
        assertEquals("platform=debian (auto: folder mods-enabled/)", auto("mods-enabled/x.load", "A 1\n").describe());
        assertEquals("platform=debian (auto: ${APACHE_LOG_DIR} at app.conf:2)",
                auto("app.conf", "<VirtualHost *:80>\nErrorLog ${APACHE_LOG_DIR}/e.log\n</VirtualHost>\n").describe());
        assertEquals("platform=debian (auto: /var/log/apache2/ at app.conf:1)",
                auto("app.conf", "ErrorLog /var/log/apache2/e.log\n").describe());
        assertEquals("platform=debian (auto: Ansible step at tasks/main.yml:1 (/etc/apache2/sites-available/x.conf))",
                auto("files/x.conf", VHOST, "tasks/main.yml", "- name: vhost\n  copy: src=x.conf"
                        + " dest=/etc/apache2/sites-available/x.conf\n").describe());
        // a commented line says nothing
        assertEquals(Platform.NONE, auto("app.conf", "# ErrorLog ${APACHE_LOG_DIR}/e.log\n" + VHOST).platform());
    }

    @Test
    void httpdFromRhelsFoldersAndPaths() {
        assertEquals("platform=httpd (auto: folder conf.d/)", auto("conf.d/app.conf", VHOST).describe());
        assertEquals("platform=httpd (auto: /var/log/httpd/ at app.conf:1)",
                auto("app.conf", "ErrorLog /var/log/httpd/e.log\n").describe());
        // folders first, Debian's before RHEL's
        assertEquals(Platform.DEBIAN, auto("conf.d/a.conf", VHOST, "sites-enabled/b.conf", VHOST).platform());
        assertEquals(Platform.HTTPD, auto("conf.d/a.conf", "ErrorLog /var/log/apache2/e.log\n").platform());
    }

    @Test
    void noneWithoutLayoutTheParameterAndHttpd22() {
        PlatformChoice none = auto("vhosts/app.conf", VHOST);
        assertEquals("platform=none (auto: no distribution's layout in the project)", none.describe());
        SourceSet s = Trees.load(Trees.write(dir.resolve("p"), Trees.files("sites-enabled/a.conf", VHOST)));
        Placement p = Placement.of(s, Map.of(), null, "");
        assertEquals("platform=httpd", PlatformChoice.decide(Optional.of(Platform.HTTPD), s, p, "2.4").describe());
        assertEquals("platform=none (auto: apacheVersion 2.2: the stock trees are httpd 2.4's)",
                PlatformChoice.decide(Optional.empty(), s, p, "2.2").describe());
    }

    @Test
    void theRealProjectsAsPublishedAndRendered() {
        Map<String, String> got = new TreeMap<>();
        for (String project : List.of("NexMirror__Kallithea", "echocat__puppet-graphite", "fedora-infra__bodhi",
                "kohakurei__ansible-role-ckan", "oguya__ansible-ckan", "openstack-archive__cookbook-openstack-identity",
                "openstack__devstack", "openstack__keystone", "openstack__openstack-ansible-os_horizon",
                "openstack__openstack-ansible-os_keystone")) {
            for (String sub : List.of("tree", "rendered")) {
                Path t = PROJECTS.resolve(project).resolve(sub);
                SourceSet s = new SourceLoader(t.getParent(), t, List.of(), List.of()).load(new Properties(), true);
                got.put(project + "/" + sub, PlatformChoice.decide(Optional.empty(), s, Placement.of(s, Map.of(),
                        null, ""), "2.4").describe());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        String none = "platform=none (auto: no distribution's layout in the project)";
        expected.put("NexMirror__Kallithea/tree", none);
        expected.put("NexMirror__Kallithea/rendered", none);
        expected.put("echocat__puppet-graphite/tree", "platform=debian (auto: folder tree/templates/etc/apache2/"
                + "sites-available/)");
        expected.put("echocat__puppet-graphite/rendered", "platform=debian (auto: folder rendered/etc/apache2/"
                + "sites-available/)");
        // Fedora's spec installs into /etc/httpd, but nothing the plugin reads says so as published
        expected.put("fedora-infra__bodhi/tree", none);
        expected.put("fedora-infra__bodhi/rendered", "platform=httpd (auto: folder rendered/etc/httpd/conf.d/)");
        expected.put("kohakurei__ansible-role-ckan/tree", "platform=debian (auto: Ansible step at"
                + " tree/tasks/configure-wsgi.yml:2 (/etc/apache2/sites-available/000-ckan_default.conf))");
        expected.put("kohakurei__ansible-role-ckan/rendered", "platform=debian (auto: folder rendered/etc/apache2/"
                + "sites-available/)");
        expected.put("oguya__ansible-ckan/tree", "platform=debian (auto: Ansible step at"
                + " tree/roles/apache/tasks/main.yml:16 (/etc/apache2/ports.conf))");
        expected.put("oguya__ansible-ckan/rendered", "platform=debian (auto: folder rendered/etc/apache2/"
                + "sites-available/)");
        expected.put("openstack-archive__cookbook-openstack-identity/tree", "platform=debian (auto: Chef step at"
                + " tree/recipes/server-apache.rb:93 (a2dissite keystone))");
        expected.put("openstack-archive__cookbook-openstack-identity/rendered", "platform=debian (auto: folder"
                + " rendered/etc/apache2/sites-available/)");
        // sed templates (*.template) are no httpd files as published
        expected.put("openstack__devstack/tree", none);
        expected.put("openstack__devstack/rendered", "platform=debian (auto: folder rendered/etc/apache2/"
                + "sites-available/)");
        expected.put("openstack__keystone/tree", "platform=debian (auto: /var/log/apache2/ at"
                + " tree/httpd/wsgi-keystone.conf:14)");
        expected.put("openstack__keystone/rendered", none);
        expected.put("openstack__openstack-ansible-os_horizon/tree", "platform=debian (auto: Ansible step at"
                + " tree/tasks/horizon_apache.yml:38 (/etc/apache2/ports.conf))");
        expected.put("openstack__openstack-ansible-os_horizon/rendered", "platform=debian (auto: folder"
                + " rendered/etc/apache2/sites-available/)");
        expected.put("openstack__openstack-ansible-os_keystone/tree", "platform=debian (auto: Ansible step at"
                + " tree/tasks/keystone_apache.yml:35 (/etc/apache2/ports.conf))");
        expected.put("openstack__openstack-ansible-os_keystone/rendered", "platform=debian (auto: folder"
                + " rendered/etc/apache2/mods-available/)");
        assertEquals(expected, got);
    }
}
