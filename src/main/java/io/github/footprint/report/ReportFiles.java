package io.github.footprint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * How every report reaches the disk: written to a temporary file beside the target, then renamed over it, so a
 * killed build never leaves a half-written report for CI to upload.
 */
final class ReportFiles {
    /** Writes the content of one report. */
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content of one JSON report. */
    interface JsonContent {
        void write(JsonGenerator g) throws IOException;
    }

    private ReportFiles() {
    }

    static Path write(Path outputDirectory, String name, Content content) throws IOException {
        Files.createDirectories(outputDirectory);
        Path target = outputDirectory.resolve(name);
        Path tmp = Files.createTempFile(outputDirectory, name, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.write(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** JSON two-space indented with {@code \n} line ends, the same bytes on every platform. */
    static Path writeJson(Path outputDirectory, String name, JsonContent content) throws IOException {
        return write(outputDirectory, name, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                        .withSeparators(Separators.createDefaultInstance()
                                .withObjectFieldValueSpacing(Separators.Spacing.NONE)));
                content.write(g);
                g.writeRaw('\n');
            }
        });
    }
}
