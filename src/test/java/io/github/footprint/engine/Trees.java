package io.github.footprint.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.footprint.report.ConsoleSink;

/** Test helpers: write a deploy tree, build a request for it, capture the console. */
final class Trees {
    private Trees() {
    }

    /** Writes {@code path, content, path, content...} under {@code base/src/main/deploy}. */
    static Path deploy(Path base, String... pathsAndContents) throws IOException {
        Path src = base.resolve("src/main/deploy");
        Files.createDirectories(src);
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path f = src.resolve(pathsAndContents[i]);
            Files.createDirectories(f.getParent());
            Files.write(f, pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return src;
    }

    static CheckRequest.Builder request(Path base) {
        return new CheckRequest.Builder().baseDirectory(base).sourceDirectory(base.resolve("src/main/deploy"))
                .outputDirectory(base.resolve("target/footprint")).toolVersion("test");
    }

    /** A console that keeps every line with its level. */
    static final class Console implements ConsoleSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void error(String line) {
            lines.add("[ERROR] " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("[WARNING] " + line);
        }

        @Override
        public void info(String line) {
            lines.add("[INFO] " + line);
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
