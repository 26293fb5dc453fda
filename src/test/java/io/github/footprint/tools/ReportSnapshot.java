package io.github.footprint.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.CheckResult;
import io.github.footprint.report.ConsoleSink;
import io.github.footprint.report.Format;
import io.github.footprint.report.ReportTarget;

/**
 * A refactoring's witness, not a test: runs the whole check on many trees (the real corpus, every rule fixture,
 * the examples, the ITs' deploy folders), once without and once with budgets, and writes every report of each run
 * (console lines, footprint.json, footprint.sarif, TEST-footprint.xml) under an output folder. Run it before and
 * after a change that must not change behaviour and compare the two folders with {@code diff -r}:
 *
 * <pre>
 * mvn -q -DskipTests -Dinvoker.skip=true test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.github.footprint.tools.ReportSnapshot OUT
 * </pre>
 *
 * It runs from the repository's top folder; paths in the reports are relative to it.
 */
public final class ReportSnapshot {
    private ReportSnapshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/snapshot");
        Path base = Path.of("").toAbsolutePath();
        List<Path> trees = trees(base);
        int n = 0;
        for (Path tree : trees) {
            String name = base.relativize(tree).toString().replace('/', '_');
            run(base, tree, out.resolve(name).resolve("plain"), false);
            run(base, tree, out.resolve(name).resolve("budget"), true);
            n++;
        }
        System.out.println(n + " trees, " + (2 * n) + " runs, reports under " + out);
    }

    static List<Path> trees(Path base) throws IOException {
        List<Path> out = new ArrayList<>();
        Path corpus = base.resolve("src/test/resources/corpus");
        for (String top : new String[] {"apache", "pylons-ini", "wsgi-vhosts"}) {
            out.add(corpus.resolve(top));
            out.addAll(children(corpus.resolve(top)));
        }
        for (Path rule : children(base.resolve("src/test/resources/rules"))) {
            out.addAll(children(rule));
        }
        for (Path d : children(base.resolve("examples"))) {
            out.add(d.resolve("src/main/deploy"));
        }
        for (Path d : children(base.resolve("src/it"))) {
            Path deploy = d.resolve("src/main/deploy");
            out.add(Files.isDirectory(deploy) ? deploy : d);
        }
        return out;
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    private static void run(Path base, Path tree, Path out, boolean budgets) throws Exception {
        Files.createDirectories(out);
        CheckRequest.Builder b = new CheckRequest.Builder().baseDirectory(base).sourceDirectory(tree)
                .outputDirectory(out);
        if (budgets) {
            b.host("memory", 512L << 20).host("virtualMemory", 1L << 30).host("databaseConnections", 10).host("requestGrowth", 40L << 10);
        }
        CheckRequest request = b.build();
        StringBuilder console = new StringBuilder();
        try {
            CheckResult result = new CheckEngine().run(request);
            ReportTarget target = new ReportTarget(out, new ConsoleSink() {
                @Override
                public void error(String line) {
                    console.append("[ERROR] ").append(line).append('\n');
                }

                @Override
                public void warn(String line) {
                    console.append("[WARNING] ").append(line).append('\n');
                }

                @Override
                public void info(String line) {
                    console.append("[INFO] ").append(line).append('\n');
                }
            });
            // every report, through the one interface, in the order the goal writes them
            for (Format f : Format.values()) {
                f.reporter().write(result.view(), target);
            }
        } catch (Exception | StackOverflowError e) {
            console.append("EXCEPTION ").append(e).append('\n');
        }
        Files.writeString(out.resolve("console.txt"), console.toString(), StandardCharsets.UTF_8);
    }
}
