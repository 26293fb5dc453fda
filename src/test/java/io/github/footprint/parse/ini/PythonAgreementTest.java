package io.github.footprint.parse.ini;

import io.github.footprint.base.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Python is the judge (README.md#how-we-know-it-is-right): every file under corpus/pylons-ini, whatever its extension
 * (Mako and
 * Jinja templates included), is read by {@code src/test/resources/python/read_ini.py} with
 * {@code configparser.ConfigParser(strict=True, interpolation=None)} and {@code optionxform=str}, and by
 * {@link PasteIniReader}. Accepted files must give identical sections, keys (in order) and raw values;
 * refused files must give a problem at the line Python names. Each file is also compared converted to
 * CRLF line ends and with a UTF-8 byte order mark in front, the two variants the corpus lacks.
 *
 * <p>For every file configparser accepts, PasteDeploy's reading on top is compared too: the script reads it as
 * PasteDeploy's {@code ConfigLoader} does ({@code NicerConfigParser}, reproduced in the script because PasteDeploy
 * is not installed, with {@code BasicInterpolation} and the injected defaults {@code here} and {@code __file__}),
 * and every key of every section and of {@code [DEFAULT]} must interpolate to the same value in
 * {@link PasteConfig}, or fail with the same exception class, the same text and at the same line. A second set of
 * generated files is drawn from the corner cases of interpolation.
 */
class PythonAgreementTest {
    private static final String[] VARIANTS = {"as published", "CRLF", "BOM"};
    /** Generated files: lines drawn from the corner cases of configparser's grammar, fixed seed. */
    private static final int GENERATED = 400;
    private static final String[] PIECES = {"[app:main]", "[DEFAULT]", "[ a ]", "[x]]", "[]", "[", "key = value",
        "key=value", "key: v", "k = v : w", "  indented = 1", "    continuation", "\tcont tab", "", "   ", "# comment",
        "; comment", "  # indented comment", "novalue", "=x", ":x", "a\\=b = c", "k = v # trailing", "dup = 1",
        "dup = 2", "\u00a0nb = sp\u00a0", "\u3000ideo = x", "k =", "[app:main] ; c", "\u2028sep = 1", "x = \u0085y",
        "  [not header]", "Key = 1", "\u000bvt = 1", "\u001cfs = 2", "a = b = c", "a : b = c", "  = indented eq",
        "%(here)s = 1", "k = %(x)s", "\u00e9 = \u00fc", "[sect:ion]", "\ufeffbom = 1", "   x", "key\t=\tvalue\t",
        "[a] junk", "[a]]]", "\u200bzw = 1", "k\u00a0= v", "  ;not key = 1", "[\u00a0s\u00a0]"};

    /** Generated files drawn from interpolation's corner cases, fixed seed. */
    private static final int GENERATED_INTERPOLATION = 300;
    private static final String[] INTERPOLATION_PIECES = {"a = %(b)s", "b = %(a)s",
        "c = 100%", "d = 100%%", "e = %(here)s/x", "f = %(__file__)s", "g = %(missing)s", "h = %(B)s", "B = upper",
        "i = %(", "j = %()s", "k = %(e)s and %(d)s", "l = %(empty)s", "empty =", "m = %%(here)s", "n = %(n)s",
        "o = x%", "p = %(a)d", "q = %(c)s", "r = \u00e9%(q)s\u00a0", "here = /override", "s = %(here)s%(here)s",
        "  cont %(e)s", "t = %(x y)s", "x y = spaced", "u = %(\u00e9)s", "\u00e9 = acc", "v = '%'", "w = \"%\" '",
        "d1 = %(d2)s", "d2 = %(d3)s", "d3 = %(d4)s %(d4)s", "d4 = %(d5)s", "d5 = %(d6)s", "d6 = %(d7)s",
        "d7 = %(d8)s", "d8 = %(d9)s", "d9 = %(d10)s", "d10 = %(d11)s", "d11 = end", "set debug = %(dbg)s",
        "dbg = true", "get x = %(dbg)s", "x = %\t", "y = %(a\n  b)s", "z = %(e)", "pct = %(d)s%%", "tab = \t%(c)s",
        "nul = \u0001%", "ctl = \u007f%(k)s", "quo = '\"%", "ast = %(k)s\ud83d\ude00%", "  = %(e)s"};

    private static Path work;
    private static List<Case> cases;
    private static JsonNode verdicts;
    private static SourceSet loaded;

    private static final class Case {
        final String corpusPath;
        final String variant;
        final String fileName;

        Case(String corpusPath, String variant, String fileName) {
            this.corpusPath = corpusPath;
            this.variant = variant;
            this.fileName = fileName;
        }

        @Override
        public String toString() {
            return corpusPath + " (" + variant + ")";
        }
    }

    @BeforeAll
    static void askPython() throws Exception {
        String python = findOnPath("python3");
        Assumptions.assumeTrue(python != null,
                "python3 is not on the PATH: the configparser agreement test (README.md#how-we-know-it-is-right) cannot run here");
        Path corpus = Trees.corpus().resolve("pylons-ini");
        List<Path> inputs;
        try (Stream<Path> s = Files.walk(corpus)) {
            inputs = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        work = Files.createTempDirectory("footprint-ini-judge");
        cases = new ArrayList<>();
        int n = 0;
        for (Path in : inputs) {
            byte[] bytes = Files.readAllBytes(in);
            String rel = corpus.relativize(in).toString().replace('\\', '/');
            for (String variant : VARIANTS) {
                String name = String.format("f%03d.ini", n++);
                Files.write(work.resolve(name), variant(bytes, variant));
                cases.add(new Case(rel, variant, name));
            }
        }
        java.util.Random random = new java.util.Random(20260101L);
        for (int i = 0; i < GENERATED; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextInt(10) < 7) {
                b.append(new String[] {"[app:main]", "[DEFAULT]", "[s]"}[random.nextInt(3)]).append('\n');
            }
            int lines = 1 + random.nextInt(9);
            for (int k = 0; k < lines; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]).append(k + 1 < lines ? "\n" : "");
            }
            b.append(new String[] {"\n", "", "\r\n"}[random.nextInt(3)]);
            String name = String.format("g%03d.ini", i);
            Files.write(work.resolve(name), b.toString().getBytes(StandardCharsets.UTF_8));
            cases.add(new Case("generated #" + i + " " + b.toString().replace("\n", "\\n"), "generated", name));
        }
        java.util.Random interpolation = new java.util.Random(20260202L);
        String[] headers = {"[app:main]", "[DEFAULT]", "[s]"};
        for (int i = 0; i < GENERATED_INTERPOLATION; i++) {
            // each piece at most once and each header at most once, so that most files reach interpolation
            List<String> pieces = new ArrayList<>(List.of(INTERPOLATION_PIECES));
            java.util.Collections.shuffle(pieces, interpolation);
            int first = interpolation.nextInt(3);
            int second = (first + 1 + interpolation.nextInt(2)) % 3;
            StringBuilder b = new StringBuilder(headers[first]).append('\n');
            int lines = 1 + interpolation.nextInt(12);
            int split = interpolation.nextInt(lines + 1);
            for (int k = 0; k < lines; k++) {
                if (k == split) {
                    b.append(headers[second]).append('\n');
                }
                b.append(pieces.get(k)).append('\n');
            }
            String name = String.format("i%03d.ini", i);
            Files.write(work.resolve(name), b.toString().getBytes(StandardCharsets.UTF_8));
            cases.add(new Case("interpolation #" + i + " " + b.toString().replace("\n", "\\n"), "generated", name));
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.add(Paths.get("src", "test", "resources", "python", "read_ini.py").toAbsolutePath().toString());
        for (Case c : cases) {
            cmd.add(c.fileName);
        }
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), "read_ini.py failed");
        verdicts = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        loaded = Trees.load(work, new Properties(), false);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (work != null) {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path p : s.sorted((a, b) -> b.compareTo(a)).collect(Collectors.toList())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static byte[] variant(byte[] bytes, String variant) {
        if (variant.equals("CRLF")) {
            String s = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (variant.equals("BOM")) {
            byte[] out = new byte[bytes.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(bytes, 0, out, 3, bytes.length);
            return out;
        }
        return bytes;
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusIniReadsAsConfigparserReadsIt() {
        PasteIniReader reader = new PasteIniReader();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            SourceFile f = loaded.get(c.fileName).orElseThrow();
            assertTrue(f.problems().isEmpty(), c + ": source problems " + f.problems());
            IniDocument doc = reader.read(f);
            JsonNode v = verdicts.get(c.fileName);
            if (v.has("error")) {
                String error = v.get("error").asText();
                int line = v.get("line").asInt();
                List<Integer> ours = doc.problems().stream().map(p -> p.location().line()).collect(Collectors.toList());
                assertFalse(ours.isEmpty(), c + ": configparser raises " + error + " at line " + line
                        + ", we report nothing");
                if (error.equals("ParsingError")) {
                    // raised at the end of the file with every bad line it collected: we report the same lines
                    List<Integer> theirs = new ArrayList<>();
                    v.get("lines").forEach(n -> theirs.add(n.asInt()));
                    assertEquals(theirs, ours, c + ": ParsingError lines; we report " + doc.problems());
                } else {
                    // fatal at once: our last problem is it; the ones before are ParsingErrors Python had collected
                    assertEquals(line, ours.get(ours.size() - 1), c + ": configparser raises " + error + " at line "
                            + line + ", we report " + doc.problems());
                }
                return;
            }
            assertEquals(List.of(), doc.problems().stream().map(ParseProblem::toString).collect(Collectors.toList()),
                    c + ": configparser accepts the file");
            assertEquals(python(v.get("defaults")), ours(doc.defaults()), c + ": [DEFAULT]");
            Map<String, Map<String, String>> theirs = new LinkedHashMap<>();
            v.get("sections").fields().forEachRemaining(e -> theirs.put(e.getKey(), python(e.getValue())));
            Map<String, Map<String, String>> mine = new LinkedHashMap<>();
            for (IniSection s : doc.sections()) {
                mine.put(s.name(), ours(s));
            }
            assertEquals(new ArrayList<>(theirs.keySet()), new ArrayList<>(mine.keySet()), c + ": section names");
            for (String name : theirs.keySet()) {
                assertEquals(new ArrayList<>(theirs.get(name).keySet()), new ArrayList<>(mine.get(name).keySet()),
                        c + ": keys of [" + name + "] in order");
                assertEquals(theirs.get(name), mine.get(name), c + ": raw values of [" + name + "]");
            }
            // PasteDeploy's reading: interpolated values, or the same error at the same line
            JsonNode injected = v.get("injected");
            PasteConfig config = new PasteConfig(doc, c.fileName, injected.get("here").asText(),
                    injected.get("__file__").asText(), null);
            JsonNode interpolated = v.get("interpolated");
            Map<String, String> theirDefaults = interpolation(interpolated.get("DEFAULT"));
            Map<String, String> myDefaults = new LinkedHashMap<>();
            config.defaults().forEach((k, s) -> myDefaults.put(k, describe(s)));
            assertEquals(new ArrayList<>(theirDefaults.keySet()), new ArrayList<>(myDefaults.keySet()),
                    c + ": the defaults PasteDeploy reads, in order");
            assertEquals(theirDefaults, myDefaults, c + ": interpolated [DEFAULT]");
            for (IniSection s : doc.sections()) {
                Map<String, String> theirValues = interpolation(interpolated.get(s.name()));
                Map<String, String> myValues = new LinkedHashMap<>();
                for (IniEntry e : s.entries()) {
                    myValues.put(e.key(), describe(config.get(s, e.key())));
                }
                assertEquals(theirValues, myValues, c + ": interpolated [" + s.name() + "]");
            }
        }));
    }

    /** Python's verdict on one section's values: {@code value: ...} or {@code ErrorClass at line N: text}. */
    private static Map<String, String> interpolation(JsonNode section) {
        Map<String, String> m = new LinkedHashMap<>();
        section.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            m.put(e.getKey(), r.has("value") ? "value: " + r.get("value").asText()
                    : r.get("error").asText() + " at line " + r.get("line").asInt() + ": " + r.get("message").asText());
        });
        return m;
    }

    private static String describe(Setting s) {
        return Secrets.strip(s.ok() ? "value: " + s.value()
                : s.error().type() + " at line " + s.location().line() + ": " + s.error().pasteMessage());
    }

    /** The corpus is what the brief says it is: the counts below are reported by the test run. */
    @Test
    void pythonJudgedEveryFile() {
        long refused = cases.stream().filter(c -> verdicts.get(c.fileName).has("error")).count();
        assertEquals(cases.size(), verdicts.size());
        long corpus = cases.stream().filter(c -> !c.variant.equals("generated")).count();
        System.out.println("[python-agreement] " + cases.size() + " comparisons (" + corpus / VARIANTS.length
                + " corpus files x " + VARIANTS.length + " variants, " + (GENERATED + GENERATED_INTERPOLATION)
                + " generated);" + " configparser refuses " + refused);
        long values = 0;
        long errors = 0;
        long corpusValues = 0;
        long corpusErrors = 0;
        for (Case c : cases) {
            JsonNode v = verdicts.get(c.fileName);
            if (!v.has("interpolated")) {
                continue;
            }
            for (java.util.Iterator<JsonNode> s = v.get("interpolated").elements(); s.hasNext(); ) {
                for (java.util.Iterator<JsonNode> k = s.next().elements(); k.hasNext(); ) {
                    boolean error = k.next().has("error");
                    values++;
                    errors += error ? 1 : 0;
                    if (!c.variant.equals("generated")) {
                        corpusValues++;
                        corpusErrors += error ? 1 : 0;
                    }
                }
            }
        }
        System.out.println("[python-agreement] interpolation: " + values + " values compared, " + errors
                + " of them interpolation errors (corpus: " + corpusValues + " values, " + corpusErrors + " errors)");
    }

    private static Map<String, String> python(JsonNode section) {
        Map<String, String> m = new LinkedHashMap<>();
        section.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static Map<String, String> ours(IniSection section) {
        Map<String, String> m = new LinkedHashMap<>();
        for (IniEntry e : section.entries()) {
            // secret values carry the markers that mask them in reports; the value is what is between
            m.put(e.key(), Secrets.strip(e.value()));
        }
        return m;
    }

    private static String findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Paths.get(dir, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }
}
