package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.findings.ReportView;

/**
 * A finding's first line fits a console: on every tree of the corpus and every real deploy project, without and with
 * budgets, no finding's console line is longer than its location plus {@link ConsoleLines#LIMIT} characters (the
 * examples-line-length IT holds the same on the examples in real Maven; RuleFixturesTest on every rule fixture).
 */
class ConsoleLineLengthTest {
    private static final Path BASE = Path.of("").toAbsolutePath();

    private static List<Path> trees() throws IOException {
        List<Path> out = new ArrayList<>();
        Path corpus = BASE.resolve("src/test/resources/corpus");
        for (Path top : children(corpus)) {
            out.add(top);
            out.addAll(children(top));
        }
        for (Path project : children(BASE.resolve("src/test/resources/projects"))) {
            if (Files.isDirectory(project.resolve("tree"))) {
                out.add(project.resolve("tree"));
            }
        }
        return out;
    }

    private static List<Path> children(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
        }
    }

    private static ReportView check(Path tree, boolean budgets) throws Exception {
        CheckRequest.Builder b = new CheckRequest.Builder().baseDirectory(BASE).sourceDirectory(tree)
                .outputDirectory(BASE.resolve("target/console-line-length"));
        if (budgets) {
            b.host("memory", "256M").host("virtualMemory", "512M").host("databaseConnections", "5")
                    .host("requestGrowth", "40K");
        }
        return new CheckEngine().run(b.build()).view();
    }

    @Test
    void noFindingOfTheCorpusOrTheProjectsTakesMoreThanItsLocationAnd200Characters() throws Exception {
        List<Path> trees = trees();
        assertTrue(trees.size() >= 30, trees::toString);
        List<String> tooLong = new ArrayList<>();
        Map<String, Integer> longest = new TreeMap<>();
        int findings = 0;
        for (Path tree : trees) {
            for (boolean budgets : new boolean[] {false, true}) {
                for (ConsoleLines.Line l : ConsoleLines.of(check(tree, budgets))) {
                    if (l.rule.equals("-")) {
                        continue;
                    }
                    findings++;
                    longest.merge(l.rule, l.over, Math::max);
                    if (l.over > ConsoleLines.LIMIT) {
                        tooLong.add(BASE.relativize(tree) + (budgets ? " (budgets)" : "") + ": " + l);
                    }
                }
            }
        }
        System.out.println("console line length beyond the location, longest per rule over " + trees.size()
                + " trees (" + findings + " finding lines): " + longest);
        assertTrue(findings > 100, "the trees print findings: " + findings);
        tooLong.forEach(System.out::println);
        assertEquals(List.of(), tooLong);
    }
}
