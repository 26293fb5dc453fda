package io.github.footprint.parse.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link Py#repr} against Python's own {@code repr}: PasteDeploy's and configparser's messages quote values with
 * {@code %r}, and FP001 repeats them. Python is the judge for every code point's {@code str.isprintable()} and
 * for the quoting of a set of awkward strings.
 */
class PyReprTest {
    private static final String[] STRINGS = {"", "plain", "it's", "say \"hi\"", "both ' and \"", "back\\slash",
        "tab\there", "new\nline", "cr\rhere", "\u0000\u0001\u001f\u007f", "\u0080\u009f\u00a0\u00ad\u00e9",
        "\u2028\u2029\u200b\ufeff\u3000", "\ud83d\ude00 astral", "\udbff\udfff", "%(x)s", "\u0085nel"};

    private static String python() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Paths.get(dir, "python3");
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    private static JsonNode ask(String script, String input) throws Exception {
        String python = python();
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH: repr cannot be judged here");
        Process p = new ProcessBuilder(python, "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), "python3 failed");
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void printableAsPythonJudgesItForEveryCodePointJavaKnows() throws Exception {
        JsonNode r = ask("import json, sys, unicodedata\n"
                + "bits = ''.join('1' if chr(c).isprintable() else '0' for c in range(0x110000))\n"
                + "json.dump({'version': unicodedata.unidata_version, 'bits': bits}, sys.stdout)\n", "");
        String bits = r.get("bits").asText();
        List<String> disagree = new ArrayList<>();
        int newer = 0;
        for (int c = 0; c < 0x110000; c++) {
            boolean theirs = bits.charAt(c) == '1';
            if (theirs == Py.isPrintable(c)) {
                continue;
            }
            if (theirs && Character.getType(c) == Character.UNASSIGNED) {
                // assigned by a Unicode version newer than Java's tables: the documented lag
                newer++;
                continue;
            }
            disagree.add(String.format("U+%04X", c));
        }
        System.out.println("[python-repr] isprintable agrees on every code point Java's Unicode "
                + "tables know; " + newer + " assigned only in Python's Unicode " + r.get("version").asText());
        assertEquals(List.of(), disagree);
    }

    @Test
    void quotingAndEscapesAsPythonWritesThem() throws Exception {
        StringBuilder in = new StringBuilder();
        List<String> strings = new ArrayList<>(List.of(STRINGS));
        // json.loads in Python turns \\u escapes of lone or paired surrogates into the same code points Java holds
        String json = new ObjectMapper().writeValueAsString(strings);
        in.append(json);
        JsonNode r = ask("import json, sys\nprint(json.dumps([repr(s) for s in json.loads(sys.stdin.read())]))\n",
                in.toString());
        for (int i = 0; i < STRINGS.length; i++) {
            if (STRINGS[i].equals("\udbff\udfff")) {
                // a valid pair: U+10FFFF, a private-use code point
                assertEquals("'\\U0010ffff'", Py.repr(STRINGS[i]));
            }
            assertEquals(r.get(i).asText(), Py.repr(STRINGS[i]), "repr of string #" + i);
        }
        assertEquals("['a', \"b'\"]", Py.repr(List.of("a", "b'")));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }
}
