package io.github.footprint.parse.ini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.testing.Trees;

/**
 * Python's configparser judges the INI reader on values a template leaves unknown. Generated files hold unknown
 * tokens where a value, part of a value, a key, a section name, a continuation line or a whole line stands; Python
 * reads each with a literal in every token's place ({@code v<id>}), and with a whole line that is only a token left
 * out (it may stand for any lines, or none). The reader, given the tokens, must accept every file configparser
 * accepts so, and hold the same sections, keys and values, each token where Python has its literal: a token is just
 * text to configparser, never a syntax error.
 */
class UnknownsAgreementTest {
    private static final int FILES = 200;

    @TempDir
    Path work;

    private static String literal(String text) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Unknowns.Span s : Unknowns.find(text)) {
            b.append(text, at, s.start()).append('v').append(s.id());
            at = s.end();
        }
        return b.append(text.substring(at)).toString();
    }

    /** One generated file: the text with tokens, and the text Python reads. */
    private static String[] generate(Random random) {
        String[] headers = {"[app:main]", "[DEFAULT]", "[server:main]", "[app:%s]", "[filter:%s]"};
        StringBuilder withTokens = new StringBuilder();
        StringBuilder forPython = new StringBuilder();
        int token = 1;
        int sections = 1 + random.nextInt(3);
        java.util.Set<String> usedSections = new java.util.HashSet<>();
        for (int s = 0; s < sections; s++) {
            String header = headers[random.nextInt(headers.length)];
            if (header.contains("%s")) {
                header = String.format(header, Unknowns.token(token++));
            }
            if (!usedSections.add(literal(header))) {
                continue;
            }
            withTokens.append(header).append('\n');
            forPython.append(literal(header)).append('\n');
            java.util.Set<String> usedKeys = new java.util.HashSet<>();
            int lines = 1 + random.nextInt(6);
            for (int k = 0; k < lines; k++) {
                String line;
                switch (random.nextInt(8)) {
                    case 0:
                        line = "key" + k + " = " + Unknowns.token(token++);
                        break;
                    case 1:
                        line = "url" + k + " = postgresql://u:" + Unknowns.token(token++) + "@db/" + Unknowns.token(
                                token++);
                        break;
                    case 2:
                        line = Unknowns.token(token++) + " = 1";
                        break;
                    case 3:
                        line = "ref" + k + " = %(here)s/" + Unknowns.token(token++);
                        break;
                    case 4:
                        line = "multi" + k + " = first\n    " + Unknowns.token(token++);
                        break;
                    case 5: {
                        // a whole line: any lines, or none; Python reads it left out
                        String t = Unknowns.token(token++);
                        withTokens.append(t).append('\n');
                        continue;
                    }
                    case 6:
                        line = "pool_size = " + Unknowns.token(token++) + " ";
                        break;
                    default:
                        line = "debug = " + Unknowns.token(token++);
                        break;
                }
                String key = line.substring(0, Math.max(0, line.indexOf('='))).strip();
                if (!usedKeys.add(literal(key))) {
                    continue;
                }
                withTokens.append(line).append('\n');
                forPython.append(literal(line)).append('\n');
            }
        }
        return new String[] {withTokens.toString(), forPython.toString()};
    }

    @Test
    void theReaderHoldsWhatConfigparserHoldsWithEachTokenWhereItsLiteralIs() throws Exception {
        String python = findOnPath("python3");
        Assumptions.assumeTrue(python != null, "python3 is not on the PATH");
        Path tokens = Files.createDirectories(work.resolve("tokens"));
        Path literals = Files.createDirectories(work.resolve("literals"));
        Random random = new Random(20261207L);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String[] f = generate(random);
            String name = String.format("u%03d.ini", i);
            Files.write(tokens.resolve(name), f[0].getBytes(StandardCharsets.UTF_8));
            Files.write(literals.resolve(name), f[1].getBytes(StandardCharsets.UTF_8));
            names.add(name);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(python);
        cmd.add(Paths.get("src", "test", "resources", "python", "read_ini.py").toAbsolutePath().toString());
        cmd.addAll(names);
        Process p = new ProcessBuilder(cmd).directory(literals.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = readAll(p.getInputStream());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), "read_ini.py failed");
        JsonNode verdicts = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        SourceSet loaded = Trees.load(tokens, new Properties(), false);
        PasteIniReader reader = new PasteIniReader();
        int accepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (String name : names) {
            JsonNode v = verdicts.get(name);
            assertTrue(!v.has("error"), name + ": the generator writes files configparser accepts: " + v);
            accepted++;
            SourceFile f = loaded.get(name).orElseThrow();
            IniDocument doc = reader.read(f);
            List<String> problems = doc.problems().stream().map(ParseProblem::toString).collect(Collectors.toList());
            Map<String, Map<String, String>> theirs = new LinkedHashMap<>();
            theirs.put("DEFAULT", python(v.get("defaults")));
            v.get("sections").fields().forEachRemaining(e -> theirs.put(e.getKey(), python(e.getValue())));
            Map<String, Map<String, String>> mine = new LinkedHashMap<>();
            mine.put("DEFAULT", ours(doc.defaults()));
            for (IniSection s : doc.sections()) {
                mine.put(literal(s.name()), ours(s));
            }
            if (!problems.isEmpty() || !theirs.equals(mine)) {
                disagreements.add(name + ": " + problems + "\n  python " + theirs + "\n  ours   " + mine);
            }
        }
        assertEquals(List.of(), disagreements);
        assertEquals(FILES, accepted);
    }

    private static Map<String, String> python(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** Keys and raw values as configparser joins them, each token written as its literal. */
    private static Map<String, String> ours(IniSection s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (IniEntry e : s.entries()) {
            // a secret value carries its invisible markers (masking): configparser's value is without them
            m.put(literal(e.key()), e.value() == null ? null
                    : literal(io.github.footprint.base.Secrets.strip(e.value())));
        }
        return m;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Paths.get(d, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
