package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** An if on an unknown is a decision point: rendered under a chosen branch, reported with its key and line. */
class DecisionPointsTest {
    private static final String T = "[app:main]\n"
            + "{% if use_pool %}\n"
            + "pool_size = 20\n"
            + "{% else %}\n"
            + "pool_size = 5\n"
            + "{% endif %}\n"
            + "{% if not use_pool %}\n"
            + "note = no pool\n"
            + "{% endif %}\n"
            + "{% if workers > 4 %}\n"
            + "threads = 2\n"
            + "{% elif workers > 2 %}\n"
            + "threads = 4\n"
            + "{% else %}\n"
            + "threads = 8\n"
            + "{% endif %}\n"
            + "{% if   use_pool   %}again = yes\n{% endif %}\n";

    @Test
    void theDefaultChoiceTakesTheFirstBranchAndEveryPointIsReportedOnce() {
        RenderedTemplate r = Jinja.render(T, "");
        assertEquals("[app:main]\npool_size = 20\nthreads = 2\nagain = yes\n", r.text());
        assertEquals(List.of("use_pool @2 0/2", "workers > 4 @10 0/2"),
                r.decisions().stream().map(DecisionPoint::toString).collect(java.util.stream.Collectors.toList()));
        assertEquals(2, r.decisions().get(0).branches());
        assertTrue(r.unknowns().isEmpty(), r.unknowns().toString());
    }

    @Test
    void aChoiceIsTakenEverywhereItsConditionIsWrittenAndNotInvertsIt() {
        RenderedTemplate r = Jinja.render(T, "", Choices.DEFAULT.with("use_pool", 1));
        assertEquals("[app:main]\npool_size = 5\nnote = no pool\nthreads = 2\n", r.text());
        assertEquals(1, r.decisions().get(0).chosen());
    }

    @Test
    void anElifChainEnumeratesItsConditionsOneByOne() {
        RenderedTemplate r = Jinja.render(T, "", Choices.DEFAULT.with("workers > 4", 1));
        assertTrue(r.text().contains("threads = 4\n"), r.text());
        assertEquals(List.of("use_pool", "workers > 4", "workers > 2"), r.decisions().stream()
                .map(DecisionPoint::key).collect(java.util.stream.Collectors.toList()));
        assertEquals(12, r.decisions().get(2).templateLine());
        r = Jinja.render(T, "", Choices.DEFAULT.with("workers > 4", 1).with("workers > 2", 1));
        assertTrue(r.text().contains("threads = 8\n"), r.text());
    }

    @Test
    void aKnownConditionIsNoDecision() {
        RenderedTemplate r = Jinja.render(T, "use_pool: false\nworkers: 3\n");
        assertEquals("[app:main]\npool_size = 5\nnote = no pool\nthreads = 4\n", r.text());
        assertEquals(List.of(), r.decisions());
        // a defined test on an undefined value is known: false
        assertEquals("b", Jinja.render("{% if x is defined %}a{% else %}b{% endif %}", "").text());
        assertEquals(List.of(), Jinja.render("{% if x is defined %}a{% endif %}", "").decisions());
    }

    @Test
    void aLoopOverAnUnknownListRunsOnceWithItsItemUnknownAndSaysSo() {
        RenderedTemplate r = Jinja.render("{% for h in backends %}\nBalancerMember http://{{ h }}:{{ port }}\n"
                + "{% endfor %}\n", "port: 8080\n");
        assertEquals("BalancerMember http://<?1>:8080\n", Jinja.shown(r));
        assertEquals(List.of("backends"), r.unknowns().get(1).variables());
        assertEquals(1, r.assumptions().size());
        assertEquals(1, r.assumptions().get(0).templateLine());
        assertTrue(r.assumptions().get(0).text().contains("'backends'"), r.assumptions().toString());
    }
}
