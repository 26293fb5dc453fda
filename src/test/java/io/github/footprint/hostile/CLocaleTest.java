package io.github.footprint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The check in a JVM started as a build under {@code LANG=C} starts it (no UTF-8 locale: {@code sun.jnu.encoding}
 * ASCII, no {@code -Dsun.jnu.encoding}), on a tree whose file names hold a UTF-8 {@code café.conf}, bytes that are no
 * UTF-8 at all and control characters: the check runs to its end, every report is whole and well-formed (JSON parses,
 * JUnit XML parses), and each odd name is reported escaped, never raw.
 */
class CLocaleTest {
    @TempDir
    Path dir;

    private static final String DAEMON = HostileCases.DAEMON;

    @Test
    void theCheckUnderTheCLocaleWritesWholeReportsWithEscapedNames() throws Exception {
        Path base = Files.createDirectories(dir.resolve("project"));
        Path apache = Files.createDirectories(base.resolve("src/main/deploy/apache"));
        Files.writeString(apache.resolve("app.conf"), DAEMON);
        // names made by the shell, byte for byte: the parent JVM's own encoding plays no part
        String daemon = "printf 'WSGIDaemonProcess %s processes=2 threads=15\\n' ";
        Process mk = new ProcessBuilder("sh", "-c", "cd \"$1\" && " + daemon + "cafe > \"$(printf 'caf\\303\\251.conf')\""
                + " && " + daemon + "latin > \"$(printf 'lat\\351n.conf')\""
                + " && " + daemon + "ctrl > \"$(printf 'a\\001b\\033[31mc.conf')\"", "sh", apache.toString())
                .redirectErrorStream(true).start();
        String made = new String(mk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mk.waitFor(30, TimeUnit.SECONDS));
        Assumptions.assumeTrue(mk.exitValue() == 0, "the file system refuses such names: " + made);

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ChildCheck.class.getName(), base.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        env.put("LANG", "C");
        env.put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child check ended");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("sun.jnu.encoding=ANSI_X3.4-1968"), "the child runs under the C locale: " + out);
        assertTrue(out.startsWith("SUMMARY footprint: "), out);
        assertFalse(out.contains("Exception"), out);

        Path reports = base.resolve("target/footprint");
        JsonNode json = new ObjectMapper().readTree(Files.readString(reports.resolve("footprint.json"),
                StandardCharsets.UTF_8));
        new ObjectMapper().readTree(Files.readString(reports.resolve("footprint.sarif"), StandardCharsets.UTF_8));
        String junit = Files.readString(reports.resolve("TEST-footprint.xml"), StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.newDocumentBuilder().parse(new InputSource(new StringReader(junit)));
        assertTrue(Files.readString(reports.resolve("index.html"), StandardCharsets.UTF_8).strip().endsWith("</html>"));

        List<String> files = new ArrayList<>();
        for (JsonNode env1 : json.get("environments")) {
            for (JsonNode finding : env1.get("findings")) {
                if (finding.has("file")) {
                    String file = finding.get("file").asText();
                    files.add(file);
                    for (char c : file.toCharArray()) {
                        assertTrue(c >= 0x20 && c != 0x7f && c != 0xFFFD, "a raw or lost character in " + file);
                    }
                }
            }
        }
        // each of the three odd files is read (its daemon group's FP202), named as the console shows it: UTF-8 as
        // such, a byte that is no UTF-8 and a control character as \xNN
        assertTrue(files.contains("src/main/deploy/apache/caf\u00e9.conf"), files.toString());
        assertTrue(files.contains("src/main/deploy/apache/a\\x01b\\x1B[31mc.conf"), files.toString());
        assertTrue(files.contains("src/main/deploy/apache/lat\\xE9n.conf"), files.toString());
    }
}
