package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.source.install.InstallStep;
import io.github.footprint.base.Location;
import io.github.footprint.testing.Trees;

/**
 * Where a project's files lie on the host, from the install steps the real projects declare
 * (src/test/resources/projects: Ansible roles and playbooks, a Puppet module, a Chef cookbook), and how the
 * configuration's host paths reach them through {@link HostPathMapper}.
 */
class PlacementTest {
    @Test
    void theRenderedVhostsUnknownTokenIsNamedThroughItsFilesTableAndReachesTheInstalledScript() {
        SourceSet s = tree("oguya__ansible-ckan");
        Placement p = Placement.of(s, Map.of(), null, "");
        HostPathMapper m = new HostPathMapper(s, Map.of(), "", p, null);
        // the vhost as the Jinja2 engine rendered it without the play's variables: WSGIScriptAlias / <token>/apache.wsgi
        SourceFile vhost = s.get("roles/ckan/templates/apache/000-ckan-default.conf.j2").get();
        String line = vhost.lines().stream().filter(l -> l.trim().startsWith("WSGIScriptAlias")).findFirst().get();
        String path = line.trim().split("\\s+")[2];
        assertTrue(io.github.footprint.source.template.Unknowns.isToken(path.substring(0, path.indexOf('/'))), path);
        io.github.footprint.source.template.Unknown u = vhost.unknowns().get(
                io.github.footprint.source.template.Unknowns.find(path).get(0).id());
        assertEquals("{{ ckan_conf_dir }}", u.written());
        Location at = new Location(vhost.displayPath(), 23);
        HostPathMapper.Mapping wsgi = m.map(path, null, true, at);
        assertEquals("roles/ckan/templates/apache/ckan-apache.wsgi.j2", wsgi.treePath());
        assertEquals(HostPathMapper.Rule.INSTALL_STEP, wsgi.rule());
        // the script's computed INI next to it, still holding the vhost's token
        assertEquals("roles/ckan/templates/production-2.3.ini.j2",
                m.map(path.replace("apache.wsgi", "production.ini"), null, true, at).treePath());
        // without the file's table the token names nothing the install steps know
        assertFalse(m.map(path, null, false).inside());
    }

    private static final Path PROJECTS = Path.of("src/test/resources/projects");

    @TempDir
    Path dir;

    private static SourceSet tree(String project) {
        Path tree = PROJECTS.resolve(project).resolve("tree");
        return new SourceLoader(tree.getParent(), tree, List.of(), List.of()).load(new Properties(), true);
    }

    /** Each step as {@code tool line: what}, unknowns written {@code {{ name }}}. */
    private static List<String> steps(Placement p) {
        List<String> out = new ArrayList<>();
        for (InstallStep s : p.steps()) {
            String at = s.location().file().substring(s.location().file().lastIndexOf('/') + 1) + ":"
                    + s.location().line();
            String paths = s.paths().stream().map(HostPattern::display).collect(Collectors.joining(" | "));
            switch (s.kind()) {
                case FILE:
                    out.add(at + " " + s.source() + " -> " + paths);
                    break;
                case LINK:
                    out.add(at + " link " + paths + " -> " + s.target().stream().map(HostPattern::display)
                            .collect(Collectors.joining(" | ")));
                    break;
                case REMOVE:
                    out.add(at + " rm " + paths);
                    break;
                default:
                    out.add(at + " " + (s.kind() == InstallStep.Kind.ENABLE ? "enable " : "disable ")
                            + s.unit().folder() + " " + s.name());
                    break;
            }
        }
        return out;
    }

    @Test
    void ansibleTemplateTasksInKeyValueFormAndRoleTemplateFolders() {
        Placement p = Placement.of(tree("oguya__ansible-ckan"), Map.of(), null, "");
        assertEquals(List.of(
                "main.yml:16 roles/apache/templates/ports.conf.j2 -> /etc/apache2/ports.conf",
                "main.yml:20 enable mods wsgi",
                "main.yml:20 enable mods rpaf",
                // src="production-{{ ckan_version }}.ini.j2": the role's defaults give 2.3, the only such template
                "main.yml:42 roles/ckan/templates/production-2.3.ini.j2 -> {{ ckan_conf_dir }}/production.ini",
                "main.yml:65 link {{ ckan_conf_dir }}/who.ini -> {{ ckan_virtualenv }}/src/ckan/who.ini",
                "main.yml:84 roles/ckan/templates/apache/000-ckan-default.conf.j2"
                        + " -> /etc/apache2/sites-available/000-default.conf",
                "main.yml:91 link /etc/apache2/sites-enabled/000-default.conf"
                        + " -> /etc/apache2/sites-available/000-default.conf",
                "main.yml:98 roles/ckan/templates/apache/ckan-apache.wsgi.j2 -> {{ ckan_conf_dir }}/apache.wsgi"),
                steps(p));
    }

    @Test
    void theWsgiScriptAliasOfATemplatedVhostReachesTheScriptItsTaskInstalls() {
        SourceSet s = tree("oguya__ansible-ckan");
        Placement p = Placement.of(s, Map.of(), null, "");
        HostPathMapper m = new HostPathMapper(s, Map.of(), "", p, null);
        // the vhost's raw template text (000-ckan-default.conf.j2:23), the task's dest="{{ ckan_conf_dir }}/apache.wsgi"
        HostPathMapper.Mapping wsgi = m.map("{{ ckan_conf_dir }}/apache.wsgi", null, true);
        assertEquals("roles/ckan/templates/apache/ckan-apache.wsgi.j2", wsgi.treePath());
        assertEquals(HostPathMapper.Rule.INSTALL_STEP, wsgi.rule());
        assertEquals("installed there by an install step of the project (Ansible step at"
                + " tree/roles/ckan/tasks/main.yml:98)", wsgi.describe());
        // the same variable written without blanks, or by a template engine's unknown token, is the same path
        assertEquals(wsgi.treePath(), m.map("{{ckan_conf_dir}}/apache.wsgi", null, true).treePath());
        assertEquals(wsgi.treePath(), m.map(HostPattern.OPEN + "ckan_conf_dir" + HostPattern.CLOSE + "/apache.wsgi",
                null, true).treePath());
        // ... and the INI the script computes next to itself is the template installed at {{ ckan_conf_dir }}
        assertEquals("roles/ckan/templates/production-2.3.ini.j2",
                m.map("{{ ckan_conf_dir }}/production.ini", null, true).treePath());
        // another variable may hold another folder: no link
        assertFalse(m.map("{{ ckan_home }}/apache.wsgi", null, false).inside());
        // a literal path: the unknown folder can be any, the name is the task's
        assertEquals(wsgi.treePath(), m.map("/etc/ckan/site/apache.wsgi", null, false).treePath());
    }

    @Test
    void ansibleYamlTasksWithVariablesFromTheRolesOwnDefaults() {
        SourceSet s = tree("kohakurei__ansible-role-ckan");
        Placement p = Placement.of(s, Map.of(), null, "");
        List<String> got = steps(p);
        assertTrue(got.contains("Debian.yml:75 templates/apache.wsgi.j2 -> {{ ckan_ini_directory }}/apache.wsgi"
                + " | /etc/ckan/default/apache.wsgi"), got.toString());
        // one vhost file copied into Debian's and RHEL's folders (tasks/configure-wsgi.yml, CRLF line ends)
        assertTrue(got.contains("configure-wsgi.yml:2 files/ckan_default.conf"
                + " -> /etc/apache2/sites-available/000-ckan_default.conf"), got.toString());
        assertTrue(got.contains("configure-wsgi.yml:26 files/ckan_default.conf -> /etc/httpd/conf.d/ckan_default.conf"),
                got.toString());
        assertTrue(got.contains("configure-wsgi.yml:9 link /etc/apache2/sites-enabled/000-ckan_default.conf"
                + " -> /etc/apache2/sites-available/000-ckan_default.conf"), got.toString());
        // the vhost names the literal path (files/ckan_default.conf:6): the task installed the template there
        HostPathMapper m = new HostPathMapper(s, Map.of(), "", p, null);
        assertEquals("templates/apache.wsgi.j2", m.map("/etc/ckan/default/apache.wsgi", null, false).treePath());
        assertEquals("templates/production.ini.j2", m.map("/etc/ckan/default/production.ini", null, false)
                .treePath());
    }

    @Test
    void ansibleLoopItemsFromALiteralListAndFromAVariable() {
        Placement keystone = Placement.of(tree("openstack__openstack-ansible-os_keystone"), Map.of(), null, "");
        // with_items: "{{ keystone_apache_configs }}" (vars/ubuntu-16.04.yml), a dest with the MPM's name in it
        assertEquals(List.of(
                "keystone_apache.yml:35 templates/keystone-ports.conf.j2 -> /etc/apache2/ports.conf",
                "keystone_apache.yml:35 templates/keystone-httpd.conf.j2"
                        + " -> /etc/apache2/sites-available/keystone-httpd.conf",
                "keystone_apache.yml:35 templates/keystone-httpd-mpm.conf.j2"
                        + " -> /etc/apache2/mods-available/mpm_{{ keystone_httpd_mpm_backend }}.conf"
                        + " | /etc/apache2/mods-available/mpm_event.conf",
                "keystone_apache.yml:45 rm /etc/apache2/sites-enabled/000-default.conf",
                "keystone_apache.yml:53 link {{ keystone_apache_site_enabled }}"
                        + " | /etc/apache2/sites-enabled/keystone-httpd.conf -> {{ keystone_apache_site_available }}"
                        + " | /etc/apache2/sites-available/keystone-httpd.conf"),
                steps(keystone));
        SourceSet s = tree("openstack__openstack-ansible-os_horizon");
        Placement horizon = Placement.of(s, Map.of(), null, "");
        List<String> got = steps(horizon);
        assertTrue(got.contains("horizon_apache.yml:38 templates/openstack_dashboard.conf.j2"
                + " -> /etc/apache2/sites-available/openstack-dashboard.conf"), got.toString());
        // one file task, two items: a link and a removal
        assertTrue(got.contains("horizon_apache.yml:49 link /etc/apache2/sites-enabled/openstack-dashboard.conf"
                + " -> /etc/apache2/sites-available/openstack-dashboard.conf"), got.toString());
        assertTrue(got.contains("horizon_apache.yml:49 rm /etc/apache2/sites-enabled/000-default.conf"), got.toString());
        HostPathMapper m = new HostPathMapper(s, Map.of(), "", horizon, null);
        // WSGIScriptAlias / {{ horizon_lib_wsgi_file }}: the task's dest is that whole expression
        assertEquals("templates/horizon_django.wsgi.j2", m.map("{{ horizon_lib_wsgi_file }}", null, true).treePath());
        // a destination that is one unknown is no literal path's
        assertFalse(m.map("/usr/share/whatever/django.wsgi", null, false).inside());
    }

    @Test
    void puppetFileResourcesWithTemplatesLinksAndExecs() {
        SourceSet s = tree("echocat__puppet-graphite");
        Placement p = Placement.of(s, Map.of(), null, "");
        List<String> got = steps(p);
        // the title's ${::graphite::params::apacheconf_dir}, params.pp's two values per osfamily as alternatives;
        // the content's template($::graphite::gr_apache_conf_template), init.pp's default
        assertTrue(got.contains("config_apache.pp:122 templates/etc/apache2/sites-available/graphite.conf.erb"
                + " -> {{ apacheconf_dir }}/graphite.conf | /etc/apache2/sites-available/graphite.conf"
                + " | /etc/httpd/conf.d/graphite.conf"), got.toString());
        assertTrue(got.contains("config_apache.pp:31 enable mods headers"), got.toString());
        assertTrue(got.contains("config_apache.pp:40 disable sites 000-default"), got.toString());
        assertTrue(got.stream().anyMatch(l -> l.startsWith("config_apache.pp:137 link /etc/apache2/sites-enabled/"
                + "{{ gr_apache_conf_prefix }}graphite.conf | /etc/apache2/sites-enabled/graphite.conf -> ")),
                got.toString());
        // the vhost's ERB names the script as the manifest's title does: the same variable
        HostPathMapper m = new HostPathMapper(s, Map.of(), "", p, null);
        HostPathMapper.Mapping wsgi = m.map("<%= scope.lookupvar('graphite::graphiteweb_conf_dir_REAL')"
                + " %>/graphite_wsgi.py", null, true);
        assertEquals("templates/opt/graphite/conf/graphite.wsgi.erb", wsgi.treePath());
        assertEquals(HostPathMapper.Rule.INSTALL_STEP, wsgi.rule());
        // templates/etc/apache2/... mirrors the host's root: the overlay rule places what no step writes
        assertTrue(p.places("templates/opt/graphite/conf/graphite.wsgi.erb").stream().anyMatch(pl ->
                pl.rule() == Placement.Rule.OVERLAY && pl.hostPath().equals("/opt/graphite/conf/graphite.wsgi")));
    }

    @Test
    void chefTemplatesAndTheApache2CookbooksSiteAndModuleResources() {
        Placement p = Placement.of(tree("openstack-archive__cookbook-openstack-identity"), Map.of(), null, "");
        assertEquals(List.of(
                "server-apache.rb:93 disable sites keystone",
                "server-apache.rb:149 templates/default/keystone-paste.ini.erb -> /etc/keystone/keystone-paste.ini",
                "server-apache.rb:231 enable mods wsgi",
                "server-apache.rb:243 templates/default/wsgi-keystone.conf.erb"
                        + " -> {{ apache_dir }}/sites-available/identity.conf",
                "server-apache.rb:259 enable sites identity"), steps(p));
    }

    @Test
    void pathMappingsOverlayAndServerRoot() {
        SourceSet s = Trees.load(Trees.write(dir, Trees.files("deploy/app/app.wsgi", "x\n",
                "conf/httpd.conf", "ServerRoot \"/etc/httpd\"\n", "conf.d/app.conf", "A 1\n")));
        Placement p = Placement.of(s, Map.of("/srv/app", "deploy/app"), s.get("conf/httpd.conf").orElseThrow(), "");
        assertEquals("/srv/app/app.wsgi", p.places("deploy/app/app.wsgi").get(0).hostPath());
        assertEquals(Placement.Rule.PATH_MAPPINGS, p.places("deploy/app/app.wsgi").get(0).rule());
        assertEquals("/etc/httpd/conf.d/app.conf", p.places("conf.d/app.conf").get(0).hostPath());
        assertEquals(Placement.Rule.SERVER_ROOT, p.places("conf.d/app.conf").get(0).rule());
        SourceSet overlay = Trees.load(Trees.write(dir.resolve("o"), Trees.files(
                "rendered/etc/apache2/sites-available/x.conf.j2", "A 1\n", "rendered/srv/app/app.wsgi", "x\n")));
        Placement o = Placement.of(overlay, Map.of(), null, "");
        // the template suffix is not part of the host's name
        assertEquals("/etc/apache2/sites-available/x.conf",
                o.places("rendered/etc/apache2/sites-available/x.conf.j2").get(0).hostPath());
        assertEquals("/srv/app/app.wsgi", o.places("rendered/srv/app/app.wsgi").get(0).hostPath());
        assertEquals(Placement.Rule.OVERLAY, o.places("rendered/srv/app/app.wsgi").get(0).rule());
    }
}
