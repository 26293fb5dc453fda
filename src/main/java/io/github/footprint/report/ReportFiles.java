package io.github.footprint.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * How every report reaches the disk: written to a temporary file beside the target ({@code footprint.json.<n>.tmp}),
 * then renamed over it, so a killed build never leaves a half-written report for CI to upload. The temporary file is
 * created as any file the build writes, with the process's umask ({@code 0644} under the usual {@code 022}), not
 * {@link Files#createTempFile}'s owner-only {@code 0600}: the rename keeps that mode, and CI users other than the
 * build's must read the reports. Temporary files of that report left by a killed run are removed first.
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
        removeStale(outputDirectory, name);
        Path tmp = null;
        OutputStream out = null;
        while (out == null) {
            tmp = outputDirectory.resolve(name + "." + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + ".tmp");
            try {
                // CREATE_NEW with no file attribute: mode 0666 less the umask, as every file the build writes
                out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
        try {
            // buffered: the JDK's XML writer hands the stream a few bytes at a time, each one a system call unbuffered
            // (2 MB of JUnit XML took 5 s of CPU)
            try (OutputStream o = new java.io.BufferedOutputStream(out, 1 << 16)) {
                content.write(o);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /**
     * The temporary files of this report that a killed run left: {@code footprint.json.<n>.tmp}, and
     * {@code footprint.json<n>.tmp} as earlier versions named them.
     */
    static boolean isStale(String report, String fileName) {
        return Pattern.matches(Pattern.quote(report) + "\\.?[0-9]+\\.tmp", fileName);
    }

    private static void removeStale(Path outputDirectory, String name) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outputDirectory,
                p -> isStale(name, p.getFileName().toString()) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
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
