package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.footprint.base.Finding;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.wsgi.DaemonGroup;

/**
 * The real templated deploy projects of {@code src/test/resources/projects}, checked as published (no variables of
 * the user's): exactly the findings their {@code EXPECTED.findings} lists (rule, file, line; judged by hand in {@code EXPECTED.md}), and none caused by template syntax (an unknown value
 * read as a syntax error, a refused option, a number or an undefined group), with the plugin's own engines (Jinja2
 * rendered, devstack's {@code %NAME%} placeholders read as unknowns).
 */
class TemplatedProjectsTest {
    private static final Path PROJECTS = Paths.get("src", "test", "resources", "projects");
    /** What an unknown value misread would cause: a syntax error, a refused or misread option, an undefined group. */
    private static final Set<String> TEMPLATE_SYNTAX = Set.of("FP001", "FP002", "FP204", "FP205", "FP207", "FP210");

    @TempDir
    Path out;

    private EnvironmentResult check(String project) throws Exception {
        Path base = PROJECTS.resolve(project).toAbsolutePath();
        assertTrue(Files.isDirectory(base.resolve("tree")), base.toString());
        CheckRequest request = new CheckRequest.Builder().baseDirectory(base).sourceDirectory(base.resolve("tree"))
                .outputDirectory(out).toolVersion("test").build();
        return new CheckEngine().run(request)
                .environments().get(0);
    }

    /** Every project folder of {@code src/test/resources/projects}, sorted. */
    static Stream<String> projects() throws IOException {
        try (Stream<Path> s = Files.list(PROJECTS)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList()).stream();
        }
    }

    /** {@code FP202 templates/keystone-httpd.conf.j2:5}, {@code FP505 -} for a project-wide finding; sorted. */
    private static List<String> findings(EnvironmentResult r) {
        return r.findings().stream().map(f -> f.ruleId() + " " + (f.location().file().isEmpty() ? "-"
                : f.location().toString().replaceFirst("^tree/", ""))).sorted().collect(Collectors.toList());
    }

    /** The lines of {@code EXPECTED.findings} that start with the prefix (comments skipped), prefix removed, sorted. */
    private static List<String> listed(String project, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        Path file = PROJECTS.resolve(project).resolve("EXPECTED.findings");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            assertTrue(t.matches("(missed )?FP\\d{3} (-|\\S+:\\d+)"), file + ": " + line);
            if (prefix.isEmpty() ? !t.startsWith("missed ") : t.startsWith(prefix)) {
                out.add(t.substring(prefix.length()));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static void noTemplateSyntax(EnvironmentResult r) {
        List<Finding> bad = r.findings().stream().filter(f -> TEMPLATE_SYNTAX.contains(f.ruleId()))
                .collect(Collectors.toList());
        assertEquals(List.of(), bad);
    }

    /**
     * As published, without variables: exactly the findings {@code EXPECTED.findings} lists (rule, file, line), none
     * caused by template syntax, and none of those it lists as still missed.
     */
    @ParameterizedTest
    @MethodSource("projects")
    void asPublishedTheFindingsAreExactlyTheExpectedOnes(String project) throws Exception {
        EnvironmentResult r = check(project);
        noTemplateSyntax(r);
        List<String> got = findings(r);
        assertEquals(listed(project, ""), got, project);
        for (String missed : listed(project, "missed ")) {
            assertFalse(got.contains(missed), project + ": " + missed + " is found now; list it as expected");
        }
    }

    @Test
    void openstackAnsibleKeystone() throws Exception {
        EnvironmentResult r = check("openstack__openstack-ansible-os_keystone");
        noTemplateSyntax(r);
        // processes={{ keystone_wsgi_processes }}: a host fact, unknown; threads from the role's defaults
        for (DaemonGroup g : r.deployment().daemons()) {
            assertTrue(g.unknown("processes"), g.toString());
            assertEquals(1, g.processes(), "mod_wsgi's default stands for the unknown");
            assertEquals(1, g.threads(), "keystone_wsgi_threads is 1 in the role's defaults");
        }
        // the MPM template's sizes come from the role's defaults: 150 / 25 = 6 children
        assertEquals(6, r.deployment().mpm().maxChildren());
    }

    @Test
    void devstackSedTemplates() throws Exception {
        EnvironmentResult r = check("openstack__devstack");
        noTemplateSyntax(r);
        List<String> daemons = r.deployment().daemons().stream().map(g -> g.name() + " " + g.processes() + "x"
                + g.threads()).collect(Collectors.toList());
        assertEquals(List.of("horizon 3x10", "keystone-public 3x1", "keystone-admin 3x1"), daemons);
    }

    @Test
    void ckanRolesLinkTheirInstalledIniToTheDaemon() throws Exception {
        // kohakurei: WSGIScriptAlias / /etc/ckan/default/apache.wsgi; oguya: {{ ckan_conf_dir }}/apache.wsgi. Both
        // scripts load the production.ini next to them, which a template task installs there from production*.ini.j2
        for (String p : List.of("kohakurei__ansible-role-ckan", "oguya__ansible-ckan")) {
            EnvironmentResult r = check(p);
            List<PylonsApp> apps = r.deployment().apps();
            assertEquals(1, apps.size(), p);
            PylonsApp app = apps.get(0);
            assertTrue(app.ini().file().treePath().matches("roles/ckan/templates/production-2\\.3\\.ini\\.j2"
                    + "|templates/production\\.ini\\.j2"), app.ini().file().treePath());
            assertTrue(app.servedBy() != null, p + ": the app is served by the daemon");
            assertEquals(15, app.servedBy().threads(), p);
            // 2 processes x (pool_size 5 + max_overflow 10)
            assertEquals(30, r.deployment().footprint().connections().getAsLong(), p);
        }
    }

    @Test
    void aVhostItsInstallStepLinksIntoSitesEnabledIsReadOnce() throws Exception {
        // the template stands in sites-available (the step's dest) and sites-enabled (the step's link to it): one
        // virtual host, one daemon, no FP206
        for (String p : List.of("oguya__ansible-ckan", "openstack__openstack-ansible-os_horizon",
                "openstack-archive__cookbook-openstack-identity")) {
            EnvironmentResult r = check(p);
            noTemplateSyntax(r);
            assertEquals(1, r.deployment().daemons().size(), p + " " + r.deployment().daemons());
            assertEquals(1, r.deployment().mounts().size(), p + " " + r.deployment().mounts());
        }
    }
}
