package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many files are read on several threads; what the loader gives must not depend on it: the same files in the same
 * order, each with the same text, line map, problems, unknowns and tags, the same secrets and links, as one thread
 * gives. Compared on a generated tree of every kind of file (templates, placeholders, secrets, bad bytes, links) and on
 * the real corpus.
 */
class ParallelLoadTest {
    /** Everything a loaded tree holds that a later stage reads, as text. */
    private static String describe(SourceSet s) {
        StringBuilder b = new StringBuilder();
        b.append("root ").append(s.sourceRoot()).append('\n');
        b.append("secrets ").append(s.secrets()).append('\n');
        b.append("links ").append(s.links().keySet()).append('\n');
        for (java.util.Map.Entry<String, SourceFile> e : s.links().entrySet()) {
            b.append("link ").append(e.getKey()).append(" -> ").append(e.getValue().treePath()).append('\n');
        }
        b.append("paths ").append(s.treePaths()).append('\n');
        for (SourceFile f : s.files()) {
            b.append("== ").append(f.displayPath()).append(' ').append(f.treePath()).append(' ').append(f.kind())
                    .append(' ').append(f.dialect()).append(" parseable=").append(f.parseable()).append('\n');
            b.append(f.lineCount()).append(" lines:");
            for (int i = 0; i < f.lineCount(); i++) {
                b.append(' ').append(f.templateLine(i));
            }
            b.append('\n').append(String.join("\n", f.lines())).append('\n');
            for (SourceProblem p : f.problems()) {
                b.append("problem ").append(p.line()).append(' ').append(p.severity()).append(' ').append(p.message())
                        .append('\n');
            }
            for (Placeholder p : f.unresolved()) {
                b.append("unresolved ").append(p.line()).append(' ').append(p.form()).append(' ').append(p.name())
                        .append('\n');
            }
            b.append("unknowns ").append(f.unknowns()).append('\n');
            b.append("decisions ").append(f.decisions()).append('\n');
            b.append("assumptions ").append(f.assumptions()).append('\n');
            for (Suppression p : f.suppressions()) {
                b.append("suppression ").append(p.file()).append(' ').append(p.line()).append(' ').append(p.target())
                        .append(' ').append(p.ids()).append(' ').append(p.reason()).append(' ').append(p.wholeFile())
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** Equal descriptions, or the first line that differs (a whole tree's description is too long to show). */
    private static void same(String expected, String actual, String what) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            assertEquals(e[i], a[i], what + ": line " + (i + 1) + " of the description");
        }
        assertEquals(e.length, a.length, what + ": lines of the description");
    }

    private static SourceSet load(Path dir, int threads) {
        Properties p = new Properties();
        p.setProperty("app.home", "/srv/app");
        p.setProperty("db.password", "from-the-pom");
        return new SourceLoader(dir, dir, List.of(), List.of()).threads(threads).load(p, true);
    }

    private static void write(Path f, byte[] content) throws IOException {
        Files.createDirectories(f.getParent());
        Files.write(f, content);
    }

    private static void write(Path f, String content) throws IOException {
        write(f, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void manyFilesOfEveryKindLoadAsOneThreadLoadsThem(@TempDir Path dir) throws IOException {
        write(dir.resolve("roles/web/defaults/main.yml"), "port: 8080\nsite_password: hunter2\nworkers: 3\n");
        for (int i = 0; i < 320; i++) {
            String n = String.format("%03d", i);
            switch (i % 8) {
                case 0:
                    write(dir.resolve("roles/web/templates/site" + n + ".conf.j2"), "<VirtualHost *:{{ port }}>\n"
                            + "  WSGIDaemonProcess s" + n + " processes={{ workers | int }} threads=5\n"
                            + "  SetEnv PASS {{ site_password }}\n</VirtualHost>\n");
                    break;
                case 1:
                    write(dir.resolve("roles/web/templates/cond" + n + ".conf.j2"), "{% if undefined_flag %}\n"
                            + "Listen {{ port }}\n{% else %}\nListen {{ other_port }}\n{% endif %}\n");
                    break;
                case 2:
                    write(dir.resolve("apache/sites/s" + n + ".conf"), "# footprint:ignore FP002\n"
                            + "<VirtualHost *:80>\n  DocumentRoot ${app.home}/" + n + "\n  ServerAdmin ${missing." + n
                            + "}\r\n</VirtualHost>\n");
                    break;
                case 3:
                    write(dir.resolve("pylons/app" + n + ".ini"), "[app:main]\nuse = egg:app\n"
                            + "sqlalchemy.url = postgresql://u:pw" + n + "@db/app\npassword = ${db.password}\n");
                    break;
                case 4:
                    write(dir.resolve("apache/bad" + n + ".conf"), new byte[] {'L', 'i', 's', 't', 'e', 'n', ' ',
                            (byte) 0xff, '8', '0', '\n'});
                    break;
                case 5:
                    write(dir.resolve("apache/nul" + n + ".conf"), new byte[] {'#', 0, '\n'});
                    break;
                case 6:
                    StringBuilder big = new StringBuilder();
                    for (int k = 0; k < 900; k++) {
                        big.append("# padding line ").append(k).append(" of a large file\n");
                    }
                    write(dir.resolve("apache/big" + n + ".conf"), big.append("Timeout 30\n").toString());
                    break;
                default:
                    write(dir.resolve("scripts/run" + n + ".sh"), "export SECRET_KEY=k" + n + "\nexec app\n");
            }
        }
        Files.createDirectories(dir.resolve("apache/folder.conf"));
        Files.createSymbolicLink(dir.resolve("apache/link.conf"), dir.resolve("apache/big006.conf"));
        Files.createSymbolicLink(dir.resolve("apache/broken.conf"), dir.resolve("apache/nothing.conf"));
        SourceSet one = load(dir, 1);
        assertTrue(one.files().size() > 300, "the tree must be loaded: " + one.files().size());
        String expected = describe(one);
        for (int threads : new int[] {2, 3, 4}) {
            same(expected, describe(load(dir, threads)), threads + " threads");
        }
    }

    @Test
    void theCorpusLoadsAsOneThreadLoadsIt() {
        Path corpus = Trees.corpus();
        for (String top : new String[] {"apache", "pylons-ini", "wsgi-vhosts"}) {
            Path dir = corpus.resolve(top);
            String expected = describe(load(dir, 1));
            same(expected, describe(load(dir, 4)), top);
        }
    }
}
