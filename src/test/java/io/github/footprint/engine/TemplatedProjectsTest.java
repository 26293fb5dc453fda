package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.model.wsgi.DaemonGroup;

/**
 * The real templated deploy projects of {@code src/test/resources/projects}, checked as published (no variables of
 * the user's): the findings their {@code EXPECTED.md} lists, and none caused by template syntax (an unknown value
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

    /** {@code FP202@templates/keystone-httpd.conf.j2:5}, without the FP006/FP505 every project has. */
    private static List<String> findings(EnvironmentResult r) {
        return r.findings().stream().filter(f -> !f.ruleId().equals("FP006") && !f.ruleId().equals("FP505"))
                .map(f -> f.ruleId() + "@" + f.location().toString().replaceFirst("^tree/", ""))
                .collect(Collectors.toList());
    }

    private static void noTemplateSyntax(EnvironmentResult r) {
        List<Finding> bad = r.findings().stream().filter(f -> TEMPLATE_SYNTAX.contains(f.ruleId()))
                .collect(Collectors.toList());
        assertEquals(List.of(), bad);
    }

    @Test
    void openstackAnsibleKeystone() throws Exception {
        EnvironmentResult r = check("openstack__openstack-ansible-os_keystone");
        noTemplateSyntax(r);
        assertEquals(List.of("FP202@templates/keystone-httpd.conf.j2:5", "FP209@templates/keystone-httpd.conf.j2:5",
                "FP202@templates/keystone-httpd.conf.j2:74"), findings(r));
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
        assertEquals(List.of("FP202@files/apache-horizon.template:3", "FP202@files/apache-keystone.template:10",
                "FP214@files/apache-keystone.template:10", "FP202@files/apache-keystone.template:24",
                "FP214@files/apache-keystone.template:24"), findings(r));
        List<String> daemons = r.deployment().daemons().stream().map(g -> g.name() + " " + g.processes() + "x"
                + g.threads()).collect(Collectors.toList());
        assertEquals(List.of("horizon 3x10", "keystone-public 3x1", "keystone-admin 3x1"), daemons);
    }

    @Test
    void kohakureiCkanRole() throws Exception {
        EnvironmentResult r = check("kohakurei__ansible-role-ckan");
        noTemplateSyntax(r);
        List<String> f = findings(r);
        assertEquals(2, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("FP202@files/") && f.get(0).endsWith(".conf:9"), f.toString());
        assertTrue(f.get(1).startsWith("FP209@files/") && f.get(1).endsWith(".conf:9"), f.toString());
    }

    @Test
    void oguyaAndHorizonReadTheirUnknownDaemonValuesWithoutRefusal() throws Exception {
        for (String p : List.of("oguya__ansible-ckan", "openstack__openstack-ansible-os_horizon")) {
            EnvironmentResult r = check(p);
            noTemplateSyntax(r);
            List<String> f = findings(r);
            assertTrue(f.stream().anyMatch(s -> s.startsWith("FP202@")), p + " " + f);
            assertTrue(f.stream().anyMatch(s -> s.startsWith("FP209@")), p + " " + f);
            assertFalse(r.deployment().daemons().isEmpty(), p);
        }
    }
}
