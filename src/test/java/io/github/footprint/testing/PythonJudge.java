package io.github.footprint.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Python as the judge of a test: Debian's {@code python3} (and its modules: {@code jinja2}, {@code yaml},
 * {@code configparser}) reads what footprint reads. A test whose judge is missing is skipped, saying which.
 */
public final class PythonJudge {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonJudge() {
    }

    /** What {@code python3 -c script args...} printed (standard output and error); skipped without python3. */
    public static String run(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no python3: " + e.getMessage());
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 did not finish");
        return out;
    }

    /**
     * Each case's verdict: the cases go to python3 as a JSON object of name to text ({@code cases}, read from the
     * file {@code sys.argv[1]} in {@code dir}), {@code body} runs after {@code import json, sys, <module>} and prints
     * one JSON object of name to verdict. Skipped when python3 or the module is missing.
     */
    public static JsonNode verdicts(Path dir, String module, String body, Map<String, String> cases) throws Exception {
        Path in = dir.resolve("cases.json");
        Files.writeString(in, JSON.writeValueAsString(cases), StandardCharsets.UTF_8);
        String script = "import json, sys\ntry:\n    import " + module + "\nexcept ImportError:\n"
                + "    print('NOMODULE'); sys.exit(0)\n" + body;
        String text = run(script, in.toString()).trim();
        Assumptions.assumeFalse(text.equals("NOMODULE"), "python3 has no " + module);
        return JSON.readTree(text);
    }
}
