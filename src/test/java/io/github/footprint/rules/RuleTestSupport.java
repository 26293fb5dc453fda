package io.github.footprint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.footprint.base.Sizes;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.RequestException;
import io.github.footprint.base.Finding;
import io.github.footprint.model.Host;

/**
 * Runs the real {@link CheckEngine} on a deploy tree, as the rule tests, page tests and fixture tests do:
 * the tree is both the project base directory and the source directory, so finding paths are tree paths
 * ({@code apache/app.conf}) and the source directory itself shows as {@code .}.
 */
public final class RuleTestSupport {
    private RuleTestSupport() {
    }

    /** Writes one file of the tree (parent folders created): the lines joined with {@code \n}, with a final newline. */
    public static Path write(Path root, String treePath, String... lines) throws IOException {
        Path file = root.resolve(treePath);
        Files.createDirectories(file.getParent());
        String text = lines.length == 0 ? "" : String.join("\n", lines) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A Pylons app served by a daemon: {@code apache/app.conf} defines daemon {@code app} with these options and
     * mounts {@code /srv/app/app.wsgi}, whose {@code loadapp} names {@code app/production.ini}; the INI holds
     * {@code [app:main]}, {@code use = egg:myapp} and the given lines.
     */
    public static void writeLinkedApp(Path root, String daemonOptions, String... iniLines) throws IOException {
        write(root, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName app.example.com",
                "    WSGIDaemonProcess app " + daemonOptions,
                "    WSGIProcessGroup app",
                "    WSGIScriptAlias / /srv/app/app.wsgi",
                "</VirtualHost>");
        write(root, "app/app.wsgi",
                "from paste.deploy import loadapp",
                "application = loadapp('config:/srv/app/production.ini')");
        String[] ini = new String[iniLines.length + 2];
        ini[0] = "[app:main]";
        ini[1] = "use = egg:myapp";
        System.arraycopy(iniLines, 0, ini, 2, iniLines.length);
        write(root, "app/production.ini", ini);
    }

    /**
     * Writes {@code apache2/apache2.conf}: a LoadModule of the given MPM, {@code Listen 80}, then the lines. The
     * LoadModule path is outside the project; footprint only records which module it names.
     */
    public static Path writeApacheMain(Path root, String mpm, String... lines) throws IOException {
        List<String> all = new java.util.ArrayList<>();
        all.add("LoadModule mpm_" + mpm + "_module /usr/lib/apache2/modules/mod_mpm_" + mpm + ".so");
        all.add("Listen 80");
        all.addAll(List.of(lines));
        return write(root, "apache2/apache2.conf", all.toArray(new String[0]));
    }

    public static CheckResult check(Path root) throws RequestException {
        return check(root, Map.of(), 0, List.of());
    }

    /**
     * Checks the tree.
     *
     * @param rules the {@code rules} parameter: {@code FPnnn -> severity} and {@code FPnnn.option -> number}
     * @param requestGrowth bytes per request, 0 for unknown
     * @param excludes Ant-style globs under the tree that are not part of the deployment
     */
    public static CheckResult check(Path root, Map<String, String> rules, long requestGrowth, List<String> excludes)
            throws RequestException {
        return run(request(root).rules(rules).host("requestGrowth", requestGrowth).excludes(excludes));
    }

    /** A request for the tree with the catalogue's defaults, for a test to add parameters to. */
    public static CheckRequest.Builder request(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        return new CheckRequest.Builder()
                .baseDirectory(dir)
                .sourceDirectory(dir)
                // the engine never writes; reporters do, and no test here runs one
                .outputDirectory(dir.resolveSibling(dir.getFileName() + "-reports"));
    }

    /**
     * The budget and host parameters a fixture case ({@code parameters.properties}) or a page example (an
     * {@code xml configuration} block) may give, as a pom writes them.
     */
    public static final List<String> PARAMETERS = Arrays.stream(Host.Parameter.values()).map(Host.Parameter::pomName)
            .collect(Collectors.toUnmodifiableList());

    /**
     * Adds parameters written as a pom writes them ({@code memory -> 512M}, {@code databaseConnections -> 40}) to a
     * request; an unknown name fails here, a value that is not a size or a count when the request is built.
     */
    public static CheckRequest.Builder parameters(CheckRequest.Builder request, Map<String, String> parameters) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            String name = e.getKey();
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a parameter tests can give; known: "
                        + PARAMETERS);
            }
            request.host(name, e.getValue().trim());
        }
        return request;
    }

    /** Builds the request and runs the engine. */
    public static CheckResult run(CheckRequest.Builder request) throws RequestException {
        return new CheckEngine().run(request.build());
    }

    /** The findings of one rule in the (only) environment, in report order. */
    public static List<Finding> findings(CheckResult result, String ruleId) {
        return result.environments().get(0).findings().stream()
                .filter(f -> f.ruleId().equals(ruleId))
                .collect(Collectors.toList());
    }

    /** The single finding of one rule; fails, listing what was found, when there is not exactly one. */
    public static Finding only(CheckResult result, String ruleId) {
        List<Finding> fs = findings(result, ruleId);
        assertEquals(1, fs.size(), () -> "expected exactly one " + ruleId + " finding, got " + describe(fs));
        return fs.get(0);
    }

    /** Findings one per line, for assertion messages. */
    public static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "none";
        }
        return findings.stream().map(Finding::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
