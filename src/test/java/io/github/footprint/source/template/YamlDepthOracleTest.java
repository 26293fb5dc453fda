package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.footprint.testing.PythonJudge;

/**
 * Deeply nested variables files judged by python3's PyYAML (its Python loader, {@code yaml.SafeLoader}): a file it
 * reads, footprint reads; a file footprint refuses for its depth, PyYAML refuses too (RecursionError), and the finding
 * is located at the line where the nesting goes too deep. Near the bound PyYAML's frames differ by shape (492 nested
 * block mappings fail, 493 flow sequences in a mapping do not): footprint refuses only beyond 493, where every shape
 * fails.
 */
class YamlDepthOracleTest {
    @TempDir
    Path dir;

    private static final Map<String, IntFunction<String>> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("block-maps", n -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(" ".repeat(i)).append('k').append(i).append(":\n");
            }
            return b.toString();
        });
        SHAPES.put("flow-lists-in-a-map", n -> "x: " + "[".repeat(n - 1) + "]".repeat(n - 1) + "\n");
        SHAPES.put("flow-maps", n -> "{a: ".repeat(n) + "1" + "}".repeat(n) + "\n");
    }

    @Test
    void deepVariablesFilesAreRefusedOnlyWherePyYamlRefusesThem() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        for (Map.Entry<String, IntFunction<String>> s : SHAPES.entrySet()) {
            for (int n : new int[] {100, 491, 492, 493, 494, 495, 3000}) {
                cases.put(s.getKey() + "-" + n, s.getValue().apply(n));
            }
        }
        Map<String, Boolean> python = python(cases);
        int refused = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            VarsFiles.Parsed p = VarsFiles.read("vars.yml", c.getValue());
            boolean ours = p.problem() != null && p.problem().message().contains("nest more than");
            boolean theirs = python.get(c.getKey());
            if (ours) {
                refused++;
                assertTrue(theirs, c.getKey() + ": footprint refuses what PyYAML reads");
                assertTrue(p.problem().line() > 0, c.getKey() + ": the finding has its line");
                assertTrue(p.problem().message().contains("RecursionError"), p.problem().message());
            } else {
                assertEquals(null, p.problem(), c.getKey() + ": " + p.problem());
                int n = Integer.parseInt(c.getKey().replaceAll(".*-", ""));
                assertTrue(!theirs || n <= VarsFiles.PYYAML_DEPTH, c.getKey() + ": PyYAML refuses it, footprint "
                        + "read it beyond its bound");
            }
        }
        assertTrue(refused >= 6, "the deep cases are refused: " + refused);
        // the 494th nested mapping starts with its first key, k493, on line 494
        assertEquals(494, VarsFiles.read("v.yml", SHAPES.get("block-maps").apply(3000)).problem().line());
    }

    private Map<String, Boolean> python(Map<String, String> cases) throws Exception {
        JsonNode node = PythonJudge.verdicts(dir, "yaml", "out = {}\n"
                + "for name, t in json.load(open(sys.argv[1], encoding='utf-8')).items():\n"
                + "    try:\n        yaml.load(t, Loader=yaml.SafeLoader)\n        out[name] = False\n"
                + "    except RecursionError:\n        out[name] = True\n"
                + "print(json.dumps(out))\n", cases);
        Map<String, Boolean> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asBoolean()));
        return out;
    }
}
