package io.github.footprint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ApacheLayout;
import io.github.footprint.parse.apache.ApacheParser;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.scripts.ScriptReader;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceLoader;
import io.github.footprint.source.SourceSet;

/** Test trees: files written to a folder and read the way CheckEngine reads them. */
public final class Trees {
    private Trees() {
    }

    /** The corpus copy in the source tree (symlinks intact; target/test-classes has plain copies). */
    public static Path corpus() {
        return Paths.get("src", "test", "resources", "corpus").toAbsolutePath();
    }

    /** Writes {@code path -> text} pairs under {@code dir} (UTF-8, exactly as given) and returns dir. */
    public static Path write(Path dir, Map<String, String> files) {
        for (Map.Entry<String, String> e : files.entrySet()) {
            write(dir, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }

    public static Path write(Path dir, String path, byte[] bytes) {
        try {
            Path f = dir.resolve(path);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ordered map literal: {@code files("a.conf", "...", "b.conf", "...")}. */
    public static Map<String, String> files(String... pathsAndTexts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return m;
    }

    /** Loads a whole folder (no includes/excludes), base directory = the folder itself. */
    public static SourceSet load(Path dir, Properties properties, boolean filtering) {
        return new SourceLoader(dir, dir, List.of(), List.of()).load(properties, filtering);
    }

    public static SourceSet load(Path dir) {
        return load(dir, new Properties(), true);
    }

    /** Loads only the selected files of a folder. */
    public static SourceSet load(Path dir, List<String> includes) {
        return new SourceLoader(dir, dir, includes, List.of()).load(new Properties(), true);
    }

    /** What the start-up scripts of a tree export, as CheckEngine hands it to the Apache parser. */
    public static Map<String, String> environment(SourceSet sources) {
        Map<String, String> env = new LinkedHashMap<>();
        for (SourceFile f : sources.files()) {
            if ((f.kind() == FileKind.SHELL || f.kind() == FileKind.SYSTEMD) && f.parseable()) {
                ScriptFacts facts = ScriptReader.read(f);
                for (Fact v : facts.variables()) {
                    env.put(v.name(), v.value());
                }
            }
        }
        return env;
    }

    /** SourceLoader, ApacheLayout.find, HostPathMapper, ApacheParser.parse: as CheckEngine does. */
    public static ApacheConfig apache(SourceSet sources, String version, String mpm, Map<String, String> env) {
        ApacheLayout layout = ApacheLayout.find(sources, null, null);
        HostPathMapper mapper = new HostPathMapper(sources, Map.of(), layout.root());
        return ApacheParser.parse(sources, mapper, layout.main(), new ApacheParser.Options(version, mpm, env));
    }

    public static ApacheConfig apache(SourceSet sources) {
        return apache(sources, "2.4", "event", environment(sources));
    }
}
