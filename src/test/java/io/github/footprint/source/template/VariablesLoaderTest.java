package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Variables of an Ansible layout, with Ansible's precedence, and the files the user names. */
class VariablesLoaderTest {
    @TempDir
    Path dir;

    private static List<String> paths(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            return s.filter(java.nio.file.Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\',
                    '/')).sorted().collect(Collectors.toList());
        }
    }

    /** A role with defaults and vars, an inventory with group_vars for all and production, a user file. */
    private Path role() {
        return Trees.write(dir, Trees.files(
                "roles/web/defaults/main.yml", "layer: role defaults\nd_only: from defaults\nworkers: 2\n"
                        + "nested: {a: 1, b: [x, y]}\n",
                "roles/web/vars/main.yml", "layer: role vars\nv_only: from vars\n",
                "roles/web/templates/app.ini.j2", "x = {{ layer }}\n",
                "roles/other/defaults/main.yml", "layer: other role\nother_only: 1\n",
                "group_vars/all.yml", "layer: group all\nall_only: from all\nworkers: 4\n",
                "group_vars/production/main.yml", "layer: group production\nprod_only: yes\n",
                "group_vars/production/zz.yml", "prod_only: second file wins\n",
                "group_vars/staging.yml", "layer: staging\nstaging_only: 1\n",
                "user.yml", "layer: user file\nuser_only: 1\n",
                "user.json", "{\"json_only\": [1, 2.5, null]}",
                "user.properties", "db.host=props\nprops_only=1\n"));
    }

    @Test
    void ansiblePrecedenceFromRoleDefaultsUpToExtraVariables() throws Exception {
        role();
        TemplateOptions base = TemplateOptions.defaults("production");
        Variables v = VariablesLoader.load(dir, paths(dir), base);
        Map<String, Object> seen = v.scopeFor("roles/web/templates/app.ini.j2").values();
        // role vars beat group_vars, which beat role defaults
        assertEquals("role vars", seen.get("layer"));
        assertEquals(4, seen.get("workers"));
        assertEquals("from defaults", seen.get("d_only"));
        assertEquals("from all", seen.get("all_only"));
        assertEquals("second file wins", seen.get("prod_only"));
        assertFalse(seen.containsKey("staging_only"), "the environment id names the group: staging is not read");
        assertEquals(Map.of("a", 1, "b", List.of("x", "y")), seen.get("nested"));
        // the other role's defaults are seen, under the template's own role
        assertEquals(1, seen.get("other_only"));
        List<String> kinds = new ArrayList<>();
        for (Variables.Layer l : v.layers()) {
            kinds.add(l.kind() + " " + l.origin());
        }
        assertEquals(List.of("role defaults roles/other/defaults/main.yml", "role defaults roles/web/defaults/main.yml",
                "group_vars/all group_vars/all.yml", "group_vars/<environment> group_vars/production/main.yml",
                "group_vars/<environment> group_vars/production/zz.yml", "role vars roles/web/vars/main.yml"), kinds);
        // a template of the other role sees its own defaults above web's
        assertEquals("role vars", v.scopeFor("roles/other/templates/x.j2").values().get("layer"));
        // a template outside every role (a playbook's) sees every role's layers, as a play's tasks do
        assertEquals("role vars", v.scopeFor("templates/outside.j2").values().get("layer"));
    }

    @Test
    void theUsersFilesBeatTheLayoutInTheirOrderAndExtraVariablesBeatThem() throws Exception {
        role();
        TemplateOptions o = TemplateOptions.defaults("production").withVariableFiles(List.of(dir.resolve(
                "user.properties"), dir.resolve("user.json"), dir.resolve("user.yml")))
                .withExtraVariables(Map.of("layer", "extra"));
        Variables v = VariablesLoader.load(dir, paths(dir), o);
        Map<String, Object> seen = v.scopeFor("roles/web/templates/app.ini.j2").values();
        assertEquals("extra", seen.get("layer"));
        assertEquals(1, seen.get("user_only"));
        assertEquals(java.util.Arrays.asList(1, 2.5, null), seen.get("json_only"));
        assertEquals("1", seen.get("props_only"));
        assertEquals(Map.of("host", "props"), seen.get("db"), "dotted properties read as {{ db.host }} too");
        assertEquals("props", seen.get("db.host"));
        o = TemplateOptions.defaults("production").withVariableFiles(List.of(dir.resolve("user.yml")));
        assertEquals("user file", VariablesLoader.load(dir, paths(dir), o).scopeFor("roles/web/templates/a.j2")
                .values().get("layer"));
    }

    @Test
    void theLayoutCanBeSwitchedOff() throws Exception {
        role();
        Variables v = VariablesLoader.load(dir, paths(dir), TemplateOptions.defaults("production")
                .withAnsibleLayout(false));
        assertEquals(List.of(), v.layers());
    }

    @Test
    void folderFormsExtensionlessFilesAndOneInventoryPerEnvironment() throws Exception {
        Trees.write(dir, Trees.files(
                "defaults/main/a.yml", "from_a: 1\nshared: a\n",
                "defaults/main/b.yaml", "shared: b\n",
                "templates/app.ini.j2", "",
                "inventories/production/group_vars/all", "inv: production all\n",
                "inventories/production/group_vars/production.yml", "inv_env: production group\n",
                "inventories/staging/group_vars/all", "inv: staging all\n",
                "inventories/staging/group_vars/README.md", "not: read\n"));
        Variables v = VariablesLoader.load(dir, paths(dir), TemplateOptions.defaults("production"));
        Map<String, Object> seen = v.scopeFor("templates/app.ini.j2").values();
        assertEquals(1, seen.get("from_a"));
        assertEquals("b", seen.get("shared"), "the files of a main/ folder in name order, the later winning");
        assertEquals("production all", seen.get("inv"));
        assertEquals("production group", seen.get("inv_env"));
        // no inventory named after the environment: two equally near, none is guessed
        Variables d = VariablesLoader.load(dir, paths(dir), TemplateOptions.defaults("default"));
        assertFalse(d.scopeFor("templates/app.ini.j2").values().containsKey("inv"));
        assertTrue(d.notes().get(0).contains("several inventories"), d.notes().toString());
    }

    @Test
    void yamlIsReadAsAnsibleReadsIt() {
        Map<String, Object> v = Jinja.yaml("a: yes\nb: off\nc: 0755\nd: 1e3\ne: 1.5e+3\nf: 1_000\ng: ~\nh: 1:30\n"
                + "i: 0x1F\nk: 2001-12-14\nm: True\no: 0o17\np: .inf\nq: !unsafe '{{ not rendered }}'\n");
        assertEquals(Boolean.TRUE, v.get("a"));
        assertEquals(Boolean.FALSE, v.get("b"));
        assertEquals(493, v.get("c"));
        assertEquals("1e3", v.get("d"), "PyYAML: a float needs a dot");
        assertEquals(1500.0, v.get("e"));
        assertEquals(1000, v.get("f"));
        assertEquals(null, v.get("g"));
        assertEquals(90, v.get("h"));
        assertEquals(31, v.get("i"));
        assertEquals("2001-12-14", v.get("k"));
        assertEquals("0o17", v.get("o"));
        assertEquals(Double.POSITIVE_INFINITY, v.get("p"));
        assertEquals("{{ not rendered }}", v.get("q").toString());
        assertEquals("{{ not rendered }}", Jinja.render("{{ q }}", "q: !unsafe '{{ not rendered }}'").text());
    }

    @Test
    void aBrokenVariablesFileIsALocatedProblem() throws Exception {
        Trees.write(dir, Trees.files("defaults/main.yml", "a: 1\nb: [unclosed\nc: 2\n", "templates/t.j2", ""));
        Variables v = VariablesLoader.load(dir, paths(dir), TemplateOptions.defaults(null));
        TemplateProblem p = v.problems().get("defaults/main.yml").get(0);
        assertTrue(p.message().startsWith("not valid YAML"), p.message());
        assertTrue(p.line() >= 2, p.toString());
        VarsFiles.Parsed list = VarsFiles.read("x.yml", "- a\n- b\n");
        assertTrue(list.problem().message().contains("mapping"), list.problem().message());
        Variables missing = VariablesLoader.load(dir, paths(dir), TemplateOptions.defaults(null)
                .withVariableFiles(List.of(dir.resolve("nope.yml"))));
        // named relative to the source folder, never by its absolute (machine) path
        assertEquals(1, missing.problems().get("nope.yml").size());
        assertEquals(java.util.Set.of("defaults/main.yml", "nope.yml"), missing.problems().keySet());
    }
}
