package io.github.footprint.source.template;

import io.github.footprint.base.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.footprint.source.template.jinja.JinjaEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ansible is the judge of Jinja2 rendering: {@link AnsibleTemplates} generates Ansible-style templates and
 * variables files (fixed seed); {@code src/test/resources/python/render_jinja.py} renders each with ansible-core's
 * own Templar, as the template module does, and finds the template line of every rendered line with Jinja2's own
 * lexer. {@link JinjaEngine} must give the same text, byte for byte, and the same line for every line. The text must
 * also be the same with and without the line markers, on both sides.
 */
class JinjaAgreementTest {
    /** How many generated templates are compared. */
    static final int CASES = 400;

    private static List<AnsibleTemplates.Case> cases;
    private static JsonNode verdicts;

    @BeforeAll
    static void askAnsible() throws Exception {
        String python = pythonWith("ansible.template", "jinja2");
        Assumptions.assumeTrue(python != null, "no python3 with ansible-core (ansible.template) and jinja2: the"
                + " Jinja2 agreement test cannot run here (.ci/run installs ansible-core)");
        // another seed or count (-Dfootprint.jinja.seed=..., -Dfootprint.jinja.cases=...) explores further
        cases = new ArrayList<>(new AnsibleTemplates(Long.getLong("footprint.jinja.seed", 20261207L))
                .cases(Integer.getInteger("footprint.jinja.cases", CASES)));
        cases.addAll(corpusCases());
        verdicts = judge(python, cases);
    }

    /** What render_jinja.py (ansible-core's Templar, python3's jinja2) makes of each case, by case name. */
    static JsonNode judge(String python, List<AnsibleTemplates.Case> cases) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode json = mapper.createArrayNode();
        for (AnsibleTemplates.Case c : cases) {
            ObjectNode o = json.addObject();
            o.put("name", c.name);
            o.put("template", c.template);
            o.put("vars", c.vars);
        }
        Path work = Files.createTempDirectory("footprint-jinja-judge");
        Path input = work.resolve("cases.json");
        Files.write(input, mapper.writeValueAsBytes(json));
        Process p = new ProcessBuilder(python, Paths.get("src", "test", "resources", "python", "render_jinja.py")
                .toAbsolutePath().toString(), input.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "render_jinja.py did not finish");
        assertEquals(0, p.exitValue(), "render_jinja.py failed");
        Files.delete(input);
        Files.delete(work);
        return mapper.readTree(new String(out.toByteArray(), StandardCharsets.UTF_8));
    }

    /** The corpus' real Jinja2 templates, with variables for each of their branches. */
    static List<AnsibleTemplates.Case> corpusCases() throws IOException {
        List<AnsibleTemplates.Case> out = new ArrayList<>();
        Path ini = io.github.footprint.testing.Trees.corpus().resolve("pylons-ini");
        String appenlight = "AppEnlight__appenlight/backend/src/appenlight/templates/ini/production.ini.jinja2";
        out.add(new AnsibleTemplates.Case("corpus " + appenlight, read(ini.resolve(appenlight)),
                "appenlight_dbstring: 'postgresql://app:pw@db/app'\nappenlight_encryption_secret: e\n"
                        + "appenlight_authtkt_secret: a\nappenlight_redis_session_secret: r\n"
                        + "appenlight_domain: errors.example.org\n"));
        String starter = "Pylons__pyramid-cookiecutter-starter@main/{{cookiecutter.repo_name}}/";
        for (String file : new String[] {"production.ini", "development.ini", "testing.ini"}) {
            for (String backend : new String[] {"sqlalchemy", "zodb", "none"}) {
                out.add(new AnsibleTemplates.Case("corpus " + starter + file + " backend=" + backend,
                        read(ini.resolve(starter + file)), "cookiecutter:\n  repo_name: shop\n  backend: " + backend
                                + "\n"));
            }
        }
        String ckan = "ckan__ckan/contrib/cookiecutter/ckan_extension/{{cookiecutter.project}}/test.ini";
        out.add(new AnsibleTemplates.Case("corpus " + ckan, read(ini.resolve(ckan)),
                "cookiecutter: {project_shortname: hello}\n"));
        return out;
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /** A python3 (Debian's first: ansible-core lives there) that imports every module named, or null. */
    static String pythonWith(String... modules) throws InterruptedException {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add("/usr/bin/python3");
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Paths.get(dir, "python3").toString());
            }
        }
        for (String c : candidates) {
            if (!Files.isExecutable(Paths.get(c))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(c, "-c", "import " + String.join(", ", modules))
                        .redirectErrorStream(true).start();
                p.getInputStream().transferTo(new ByteArrayOutputStream());
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return c;
                }
            } catch (IOException e) {
                // not this one
            }
        }
        return null;
    }

    private static TemplateInput input(AnsibleTemplates.Case c) {
        VarsFiles.Parsed vars = VarsFiles.read("vars.yml", c.vars);
        assertEquals(null, vars.problem(), c.name + ": the generated variables must read");
        Map<String, Object> values = vars.values();
        return new TemplateInput(c.name + ".j2", c.template, Dialect.JINJA2, Choices.DEFAULT,
                () -> Variables.of(values));
    }

    private static String show(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n\n").replace("\t", "\\t");
    }

    @Test
    void everyGeneratedTemplateRendersAsAnsibleRendersIt() {
        JinjaEngine engine = new JinjaEngine();
        List<String> failures = new ArrayList<>();
        int agreeText = 0;
        int agreeLines = 0;
        int judged = 0;
        int refusedByAnsible = 0;
        int markerFree = 0;
        for (AnsibleTemplates.Case c : cases) {
            JsonNode v = verdicts.get(c.name);
            TemplateInput in = input(c);
            RenderedTemplate ours = engine.render(in);
            if (v.has("error")) {
                refusedByAnsible++;
                failures.add(c.name + ": Ansible refuses it (" + v.get("error").asText() + ": " + v.get("message")
                        .asText() + "), a generator bug\n" + c.template);
                continue;
            }
            judged++;
            assertTrue(v.get("marked_equal").asBoolean(), c.name + ": the judge's markers changed its text");
            String expected = v.get("text").asText();
            RenderedTemplate plain = engine.renderWithoutMarkers(in);
            if (plain.text().equals(ours.text())) {
                markerFree++;
            } else {
                failures.add(c.name + ": our text differs with and without markers");
            }
            if (!ours.problems().isEmpty()) {
                failures.add(c.name + ": problems " + ours.problems());
            }
            // secret values carry the markers that mask them in reports: the text is what is between
            if (expected.equals(Secrets.strip(ours.text()))) {
                agreeText++;
            } else {
                failures.add(c.name + ": text differs\n--- template\n" + show(c.template) + "\n--- vars\n" + c.vars
                        + "--- Ansible\n" + show(expected) + "\n--- ours\n" + show(ours.text()));
                continue;
            }
            List<Integer> lines = new ArrayList<>();
            v.get("lines").forEach(n -> lines.add(n.asInt()));
            List<Integer> mine = new ArrayList<>();
            for (int l : ours.lineMap()) {
                mine.add(l);
            }
            if (lines.equals(mine)) {
                agreeLines++;
            } else {
                failures.add(c.name + ": line map differs: Jinja2 " + lines + ", ours " + mine + "\n"
                        + show(c.template));
            }
        }
        System.out.printf("Jinja2 agreement: %d templates (%d from the corpus), %d rendered by Ansible; text equal in %d"
                + " (%.1f %%), line map equal in %d, marker-free text equal in %d%n", cases.size(),
                cases.stream().filter(c -> c.name.startsWith("corpus ")).count(), judged, agreeText,
                100.0 * agreeText / Math.max(1, judged), agreeLines, markerFree);
        assertEquals(0, refusedByAnsible, "generated templates Ansible refuses:\n" + String.join("\n\n", failures));
        assertEquals(List.of(), failures, failures.size() + " disagreements:\n" + String.join("\n\n", failures));
        assertTrue(judged >= Math.min(300, cases.size()), "at least 300 templates judged");
        assertTrue(cases.stream().filter(c -> c.name.startsWith("corpus ")).count() >= 11);
    }
}
