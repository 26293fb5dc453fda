package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.footprint.base.Secrets;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.template.Unknowns;

/**
 * With each real project's own variable values ({@code vars/}), the plugin's engine renders the project's templates
 * to exactly the text the project's own tool rendered ({@code rendered/}, made as its {@code HOW.md} says): the
 * Ansible roles' Jinja2 templates against ansible-core 2.14, devstack's {@code %NAME%} tokens against its
 * {@code sed} commands. Which template went to which host path is the table of {@code HOW.md} (the project's install
 * steps, as its tool ran them). Mako (Kallithea) and ERB (the Puppet and Chef projects) are read without an engine
 * by design, so their renderings are not compared.
 */
class RealProjectsRenderTest {
    private static final Path PROJECTS = Paths.get("src", "test", "resources", "projects");
    /** A row of HOW.md's table: {@code | `template` ... | `host path` ... |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`[^|]*\\|\\s*`([^`]+)`.*\\|\\s*$");

    @TempDir
    Path out;

    /** Template tree path to rendered file, from the project's {@code rendered/HOW.md}. */
    private static Map<String, Path> table(Path project) throws Exception {
        Map<String, Path> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(project.resolve("rendered/HOW.md"), StandardCharsets.UTF_8)) {
            Matcher x = ROW.matcher(line);
            if (x.matches() && !x.group(1).equals("template")) {
                m.put(x.group(1), project.resolve("rendered").resolve(x.group(2)));
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"oguya__ansible-ckan", "kohakurei__ansible-role-ckan",
            "openstack__openstack-ansible-os_keystone", "openstack__openstack-ansible-os_horizon"})
    void ansibleRolesRenderAsAnsibleDoes(String project) throws Exception {
        Path base = PROJECTS.resolve(project).toAbsolutePath();
        compare(base, new CheckRequest.Builder().variables(base.resolve("vars/effective.yml").toString()), false);
    }

    @org.junit.jupiter.api.Test
    void devstackSedTokensRenderAsSedDoes() throws Exception {
        Path base = PROJECTS.resolve("openstack__devstack").toAbsolutePath();
        // the sed reader keeps a file as its lines (sed's are the template's, one for one), without the newline that
        // ends the last one: compared line for line, each byte for byte
        compare(base, new CheckRequest.Builder().variables(base.resolve("vars/sed-tokens.properties").toString()),
                true);
    }

    private void compare(Path base, CheckRequest.Builder builder, boolean byLines) throws Exception {
        Map<String, Path> table = table(base);
        assertFalse(table.isEmpty(), base + "/rendered/HOW.md has no table");
        CheckRequest request = builder.baseDirectory(base).sourceDirectory(base.resolve("tree")).outputDirectory(out)
                .toolVersion("test").build();
        EnvironmentResult r = new CheckEngine().run(request).environments().get(0);
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Path> e : table.entrySet()) {
            SourceFile f = r.deployment().sources().get(e.getKey()).orElse(null);
            assertTrue(f != null, e.getKey() + " is read");
            assertTrue(Files.isRegularFile(e.getValue()), e.getValue().toString());
            String ours = Secrets.strip(f.text());
            assertFalse(Unknowns.contains(ours), e.getKey() + " still holds unknowns: " + f.unknowns());
            String theirs = new String(Files.readAllBytes(e.getValue()), StandardCharsets.UTF_8);
            if (byLines) {
                assertTrue(theirs.endsWith("\n"), e.getValue().toString());
                theirs = theirs.substring(0, theirs.length() - 1);
            }
            if (!ours.equals(theirs)) {
                differ.add(e.getKey());
                assertEquals(theirs, ours, e.getKey() + " rendered as " + e.getValue());
            }
        }
        assertEquals(List.of(), differ);
    }
}
