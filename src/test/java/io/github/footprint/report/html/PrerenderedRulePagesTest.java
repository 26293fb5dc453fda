package io.github.footprint.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/**
 * The rule pages the build renders into the classes ({@link PrerenderRulePages}, phase {@code process-classes}) are
 * there for every rule at every shift the reports use, and are exactly what commonmark-java renders now: the HTML
 * report is the same with them as without.
 */
class PrerenderedRulePagesTest {
    @Test
    void everyRulePageIsRenderedIntoTheClassesAsCommonmarkRendersIt() throws Exception {
        int pages = 0;
        for (Rule r : RuleCatalog.rules()) {
            String id = r.meta().id();
            for (int shift : RulePages.SHIFTS) {
                try (InputStream in = RulePages.class.getResourceAsStream(RulePages.resource(id, shift))) {
                    assertNotNull(in, id + " at shift " + shift + ": not rendered by the build");
                    assertEquals(RulePages.render(id, shift), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            id + " at shift " + shift);
                }
                assertEquals(RulePages.render(id, shift), RulePages.html(id, shift));
                pages++;
            }
        }
        assertEquals(2 * RuleCatalog.rules().size(), pages);
    }
}
