package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.template.Dialect;

/**
 * {@code variables} (every environment), an environment's {@code <variables>}, {@code sedPlaceholders} and
 * {@code fileTypes}: read once by the request parser, and what they change in the check.
 */
class TemplateParametersTest {
    @TempDir
    Path base;

    private static final String VHOST = "WSGIDaemonProcess app threads={{ threads | default(2) }}\n";

    private List<DaemonGroup> daemons(CheckRequest.Builder b, int environment) throws RequestException {
        return new CheckEngine().run(b.build()).environments().get(environment).deployment().daemons();
    }

    @Test
    void theGoalsFilesServeEveryEnvironmentAnEnvironmentsOwnBeatThem() throws Exception {
        Trees.deploy(base, "app.conf.j2", VHOST);
        Files.writeString(base.resolve("all.yml"), "threads: 4\n");
        Files.writeString(base.resolve("prod.json"), "{\"threads\": 16}\n");
        assertEquals(2, daemons(Trees.request(base), 0).get(0).threads());
        CheckRequest.Builder b = Trees.request(base).variables("all.yml")
                .environment("dev", null, new Properties(), Map.of())
                .environment("prod", null, new Properties(), Map.of(), List.of("prod.json"));
        assertEquals(4, daemons(b, 0).get(0).threads());
        assertEquals(16, daemons(b, 1).get(0).threads());
        assertEquals(List.of(base.resolve("all.yml"), base.resolve("prod.json")),
                b.build().environments().get(1).variableFiles());
    }

    @Test
    void aVariablesFileThatIsMissingAFolderOrOfAnotherTypeStopsTheCheck() throws Exception {
        Trees.deploy(base, "app.conf.j2", VHOST);
        RequestException e = assertThrows(RequestException.class, () -> Trees.request(base).variables("nope.yml")
                .build());
        assertEquals("variables: nope.yml does not exist or cannot be read", e.getMessage());
        Files.createDirectories(base.resolve("vars"));
        e = assertThrows(RequestException.class, () -> Trees.request(base).environment("prod", null, null, Map.of(),
                List.of("vars")).build());
        assertTrue(e.getMessage().startsWith("environment prod: variables: vars is a directory"), e.getMessage());
        Files.writeString(base.resolve("vars.txt"), "threads: 4\n");
        e = assertThrows(RequestException.class, () -> Trees.request(base).variables("vars.txt").build());
        assertEquals("variables: vars.txt is no .yml, .yaml, .json or .properties file", e.getMessage());
        Files.writeString(base.resolve("bad.yml"), "threads: [4\n");
        e = assertThrows(RequestException.class, () -> new CheckEngine().run(Trees.request(base).variables("bad.yml")
                .build()));
        assertTrue(e.getMessage().startsWith("environment default: variables file bad.yml"), e.getMessage());
    }

    @Test
    void sedPlaceholdersAndFileTypes() throws Exception {
        Trees.deploy(base, "site.cfg.tpl", "WSGIDaemonProcess app threads=3 processes=%WORKERS%\n");
        CheckRequest.Builder b = Trees.request(base).fileType("**/*.cfg.tpl", "apache", "sed");
        CheckRequest r = b.build();
        assertEquals(FileKind.APACHE, r.fileTypes().match("x/site.cfg.tpl").kind());
        assertEquals(Dialect.SED, r.fileTypes().match("x/site.cfg.tpl").dialect());
        assertEquals(3, daemons(b, 0).get(0).threads());
        RequestException e = assertThrows(RequestException.class, () -> Trees.request(base).sedPlaceholders("NAME")
                .build());
        assertTrue(e.getMessage().startsWith("sedPlaceholders: 'NAME' needs text on both sides"), e.getMessage());
        e = assertThrows(RequestException.class, () -> Trees.request(base).fileType("*.x", "nginx", null).build());
        assertEquals("fileTypes: <kind>nginx</kind> of *.x is not one of apache, ini, shell, systemd, python, other",
                e.getMessage());
        assertEquals("%NAME%,{{NAME}}", Trees.request(base).sedPlaceholders("%NAME%, {{NAME}}").build().sedForms()
                .toString());
    }

    /**
     * A placeholder is one wherever it stands in a file: a {@code $NAME} in an httpd file, or a form the user sets,
     * in a file that holds no other sign of a template (no {@code @}, no {@code ${}) is a value not known yet, not
     * the text httpd would refuse. (Read as written, {@code processes=$PROCS} was FP204, "httpd refuses to start".)
     */
    @Test
    void placeholdersInAFileWithNoOtherSign() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=3 processes=$PROCS\n");
        assertTrue(daemons(Trees.request(base), 0).get(0).unknown("processes"));
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=3 processes=#PROCS#\n");
        assertTrue(daemons(Trees.request(base).sedPlaceholders("#NAME#"), 0).get(0).unknown("processes"));
        // without the form, #PROCS# is what httpd reads, and refuses
        assertEquals(List.of("FP204"), rules(Trees.request(base), "FP204"));
        // a single @ on a line renders nothing: the file is read as written, whatever the properties hold
        Properties p = new Properties();
        p.setProperty("example.com", "x");
        Trees.deploy(base, "app.conf", "ServerAdmin webmaster@example.com\nWSGIDaemonProcess app threads=3\n");
        assertEquals(3, daemons(Trees.request(base).properties(p), 0).get(0).threads());
        assertEquals(List.of(), rules(Trees.request(base).properties(p), "FP002"));
    }

    private List<String> rules(CheckRequest.Builder b, String id) throws RequestException {
        List<String> out = new java.util.ArrayList<>();
        new CheckEngine().run(b.build()).environments().get(0).findings().forEach(f -> {
            if (f.ruleId().equals(id)) {
                out.add(id);
            }
        });
        return out;
    }
}
