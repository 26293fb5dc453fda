package io.github.footprint.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.footprint.base.Finding;
import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.model.Deployment;

/**
 * Not a test: runs the check on every real project's {@code tree/} and {@code rendered/} (src/test/resources/projects)
 * as its CURRENT.md describes, and prints what it finds, the platform, the MPM and the connections, one block each.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.github.footprint.tools.ProjectsRun
 * </pre>
 */
public final class ProjectsRun {
    private ProjectsRun() {
    }

    public static void main(String[] args) throws Exception {
        Path projects = Path.of("src/test/resources/projects");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(projects)) {
            dirs = s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
        for (Path p : dirs) {
            for (String sub : new String[] {"tree", "rendered"}) {
                Path tree = p.resolve(sub);
                if (!Files.isDirectory(tree)) {
                    continue;
                }
                CheckRequest.Builder b = new CheckRequest.Builder().baseDirectory(p).sourceDirectory(tree)
                        .outputDirectory(Path.of("target/projects-run")).failOn("never");
                for (String a : args) {
                    int eq = a.indexOf('=');
                    b.host(a.substring(0, eq), a.substring(eq + 1));
                }
                EnvironmentResult r = new CheckEngine().run(b.build()).environments().get(0);
                Deployment d = r.deployment();
                System.out.println("=== " + p.getFileName() + "/" + sub);
                System.out.println("  " + d.parameters().platform().describe() + " applied="
                        + d.parameters().platform().applied());
                System.out.println("  mpm " + d.mpm().kind() + " assumed=" + d.mpm().assumed() + " children "
                        + d.mpm().maxChildren());
                d.daemons().forEach(g -> System.out.println("  daemon " + g.name() + " at " + g.location()));
                System.out.println("  connections " + d.footprint().connections());
                for (Finding f : r.findings()) {
                    String m = f.message();
                    System.out.println("  " + f.ruleId() + " " + f.severity() + " " + f.location() + " "
                            + (m.length() > 170 ? m.substring(0, 170) + "..." : m));
                }
            }
        }
    }
}
