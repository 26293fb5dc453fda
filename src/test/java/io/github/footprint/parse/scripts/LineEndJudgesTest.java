package io.github.footprint.parse.scripts;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniEntry;
import io.github.footprint.parse.ini.IniSection;
import io.github.footprint.parse.ini.PasteIniReader;
import io.github.footprint.source.SourceFile;
import io.github.footprint.testing.PythonJudge;
import io.github.footprint.testing.Trees;

/**
 * Where each reader ends a line, judged by its program: the shell ({@code /bin/sh}, dash, and bash: LF only, a CR is
 * part of the word, before an LF too), Python's configparser (universal newlines: LF, CRLF and a lone CR each end a
 * line) and systemd ({@code systemd-analyze verify}: LF, CR, CRLF each end a line). Each file is written byte for byte,
 * read by footprint and by the program, and what they read compared.
 */
class LineEndJudgesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> SHELL = new LinkedHashMap<>();

    static {
        SHELL.put("lf", "A=one\nexport B=two\n");
        SHELL.put("crlf", "A=one\r\nexport B=two\r\n");
        SHELL.put("lone-cr", "A=one\rexport B=two\r");
        SHELL.put("lone-cr-in-a-comment", "# a comment\rB=two\nA=one\n");
        SHELL.put("cr-inside-a-value", "A='o\rne'\nB=two\n");
    }

    /** What the shell has in A and B after sourcing the file, a CR shown as \r; "" for unset. */
    private static Map<String, String> sourced(String shell, Path file) throws Exception {
        Process p = new ProcessBuilder(shell, "-c", ". \"$1\" >/dev/null 2>&1; printf '%s\\n%s\\n' \"$A\" \"$B\"", "sh",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String[] lines = out.split("\n", -1);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("A", lines[0].replace("\r", "\\r"));
        m.put("B", lines.length > 1 ? lines[1].replace("\r", "\\r") : "");
        return m;
    }

    private static Map<String, String> ours(SourceFile f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("A", "");
        m.put("B", "");
        for (Fact v : ScriptReader.read(f).variables()) {
            if (m.containsKey(v.name()) && v.value() != null) {
                m.put(v.name(), v.value().replace("\r", "\\r"));
            }
        }
        return m;
    }

    @Test
    void shellStartUpFilesEndLinesAsTheShellDoes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        for (Map.Entry<String, String> c : SHELL.entrySet()) {
            Path tree = dir.resolve(c.getKey());
            Trees.write(tree, "bin/envvars", ("#!/bin/sh\n" + c.getValue()).getBytes(StandardCharsets.ISO_8859_1));
            SourceFile f = Trees.load(tree).get("bin/envvars").orElseThrow();
            Map<String, String> theirs = sourced("/bin/sh", tree.resolve("bin/envvars"));
            assertEquals(theirs, ours(f), c.getKey() + ": /bin/sh and footprint read different values");
            if (Files.isExecutable(Path.of("/bin/bash"))) {
                assertEquals(theirs, sourced("/bin/bash", tree.resolve("bin/envvars")), c.getKey() + ": bash");
            }
        }
    }

    @Test
    void iniFilesEndLinesAsConfigparserDoes() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("lf", "[app:main]\nuse = egg:App\nx = 1\n");
        cases.put("crlf", "[app:main]\r\nuse = egg:App\r\nx = 1\r\n");
        cases.put("lone-cr", "[app:main]\ruse = egg:App\rx = 1\r");
        cases.put("lone-cr-continuation", "[app:main]\ruse = egg:App\rx = 1\r  2\r");
        cases.put("mixed", "[app:main]\nuse = egg:App\r\nx = 1\r  2\n  3\r\n");
        List<String> ours = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path tree = dir.resolve("ini-" + c.getKey());
            Trees.write(tree, "production.ini", c.getValue().getBytes(StandardCharsets.ISO_8859_1));
            IniDocument d = new PasteIniReader().read(Trees.load(tree).get("production.ini").orElseThrow());
            StringBuilder b = new StringBuilder(c.getKey()).append(':');
            for (IniSection s : d.sections()) {
                for (IniEntry e : s.entries()) {
                    b.append(' ').append(e.key()).append('=').append(e.value().replace("\n", "|"));
                }
            }
            ours.add(b.toString());
        }
        Path in = dir.resolve("ini.json");
        Files.writeString(in, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(cases));
        String script = "import json, sys, configparser, io\n"
                + "for name, t in json.load(open(sys.argv[1])).items():\n"
                + "    open('/dev/null')\n"
                + "    path = sys.argv[2] + '/' + name + '.ini'\n"
                + "    open(path, 'w', newline='').write(t)\n"
                + "    p = configparser.ConfigParser(strict=True, interpolation=None)\n"
                + "    p.optionxform = str\n"
                + "    p.read(path)\n"
                + "    print(name + ':' + ''.join(' %s=%s' % (k, v.replace('\\n', '|'))"
                + " for s in p.sections() for k, v in p.items(s)))\n";
        String out = PythonJudge.run(script, in.toString(), dir.toString());
        assertEquals(String.join("\n", out.strip().split("\n")), String.join("\n", ours));
    }

    @Test
    void systemdUnitsEndLinesAsSystemdDoes() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "no systemd-analyze");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("lf", "[Unit]\nDescription=x\n[Service]\nExecStart=/bin/true\nBogusKey=1\n");
        cases.put("crlf", "[Unit]\r\nDescription=x\r\n[Service]\r\nExecStart=/bin/true\r\nBogusKey=1\r\n");
        cases.put("lone-cr", "[Unit]\rDescription=x\r[Service]\rExecStart=/bin/true\rBogusKey=1\r");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path tree = dir.resolve("sd-" + c.getKey());
            Trees.write(tree, "app.service", c.getValue().getBytes(StandardCharsets.ISO_8859_1));
            Process p = new ProcessBuilder("systemd-analyze", "verify", "--man=no",
                    tree.resolve("app.service").toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+): Unknown key '?BogusKey")
                    .matcher(out);
            Assumptions.assumeTrue(m.find(), "systemd-analyze gave no verdict: " + out);
            int theirs = Integer.parseInt(m.group(1));
            SourceFile f = Trees.load(tree).get("app.service").orElseThrow();
            int line = -1;
            for (int i = 0; i < f.lineCount(); i++) {
                if (f.lines().get(i).startsWith("BogusKey")) {
                    line = f.templateLine(i);
                }
            }
            assertEquals(theirs, line, c.getKey() + ": the line systemd reads BogusKey on");
        }
    }
}
