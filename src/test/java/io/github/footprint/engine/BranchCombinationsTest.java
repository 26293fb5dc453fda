package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.footprint.source.template.Choices;

/** Which combinations of template branches are read: conditions of two branches and if/elif chains of more. */
class BranchCombinationsTest {
    private static List<Map<String, Integer>> maps(List<Choices> combos) {
        return combos.stream().map(Choices::asMap).collect(Collectors.toList());
    }

    @Test
    void everyCombinationWhileThereAreAtMostSixteen() {
        Map<String, Integer> a = new LinkedHashMap<>();
        a.put("debug", 2);
        a.put("engine == 'sqlite' | engine == 'postgres' | engine == 'mysql'", 3);
        List<Choices> c = Branches.combinations(a);
        assertEquals(6, c.size());
        assertEquals(Choices.DEFAULT, c.get(0));
        assertEquals(6, c.stream().distinct().count());
    }

    @Test
    void beyondSixteenEachBranchOfEachDecisionIsReadOnce() {
        // Kallithea's template.ini.mako: a server chain of four, five conditions, a database chain of three
        Map<String, Integer> a = new LinkedHashMap<>();
        a.put("http_server != 'uwsgi'", 2);
        a.put("server chain", 4);
        for (String k : List.of("git", "home", "cli", "locale", "sentry")) {
            a.put(k, 2);
        }
        a.put("database chain", 3);
        List<Choices> c = Branches.combinations(a);
        assertTrue(c.size() <= Branches.MAX_COMBINATIONS, c.toString());
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            for (int b = 0; b < e.getValue(); b++) {
                int branch = b;
                assertTrue(c.stream().anyMatch(x -> x.branch(e.getKey()) == branch), e.getKey() + " " + b);
            }
        }
        // with conditions only, as before chains: all true, all false, each alone false
        Map<String, Integer> two = new LinkedHashMap<>();
        for (String k : List.of("a", "b", "c", "d", "e")) {
            two.put(k, 2);
        }
        List<Map<String, Integer>> m = maps(Branches.combinations(two));
        assertEquals(7, m.size());
        assertEquals(Map.of(), m.get(0));
        assertEquals(Map.of("a", 1, "b", 1, "c", 1, "d", 1, "e", 1), m.get(1));
        assertEquals(Map.of("a", 1), m.get(2));
    }
}
