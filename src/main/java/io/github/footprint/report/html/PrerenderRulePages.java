package io.github.footprint.report.html;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run by the plugin's own build (exec-maven-plugin, phase {@code process-classes}), never by a check: renders every
 * rule page in the built classes ({@code io/github/footprint/rules/FPnnn.md}) at each shift the reports use into
 * {@code io/github/footprint/report/html/rules/FPnnn.<shift>.html}, which {@link RulePages} reads instead of loading
 * the Markdown library on every run. The text is exactly what {@link RulePages#render} gives.
 */
public final class PrerenderRulePages {
    private PrerenderRulePages() {
    }

    /** @param args the classes folder ({@code target/classes}) */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path rules = classes.resolve("io/github/footprint/rules");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> s = Files.list(rules)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("FP[0-9]+\\.md")).sorted()
                    .forEach(n -> ids.add(n.substring(0, n.length() - 3)));
        }
        Path out = Files.createDirectories(classes.resolve("io/github/footprint/report/html/rules"));
        for (String id : ids) {
            String markdown = Files.readString(rules.resolve(id + ".md"), StandardCharsets.UTF_8);
            for (int shift : RulePages.SHIFTS) {
                Files.write(out.resolve(id + "." + shift + ".html"),
                        RulePages.Markdown.render(markdown, shift).getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
