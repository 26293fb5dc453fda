package io.github.footprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports reach the disk whole, with the mode any file of the build gets, and no temporary file stays behind. */
class ReportFilesTest {
    @TempDir
    Path out;

    @Test
    void aReportHasTheModeOfAnyNewFileNotOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        // what the process's umask gives a new file (0644 under the usual 022)
        Path plain = Files.write(out.resolve("plain"), new byte[0]);
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path report = ReportFiles.write(out, "footprint.json", o -> o.write("{}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, Files.getPosixFilePermissions(report));
        assumeTrue(expected.contains(PosixFilePermission.OTHERS_READ), "a umask that lets others read");
        assertTrue(Files.getPosixFilePermissions(report).contains(PosixFilePermission.OTHERS_READ));
    }

    @Test
    void staleTemporaryFilesOfThatReportAreRemovedAndOthersKept() throws Exception {
        for (String name : List.of("footprint.json4871254.tmp", "footprint.json.99.tmp", "footprint.sarif123.tmp",
                "footprint.json.tmp", "footprint.jsonx1.tmp", "notes.txt")) {
            Files.write(out.resolve(name), new byte[] {1});
        }
        ReportFiles.write(out, "footprint.json", o -> o.write('x'));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("footprint.json", "footprint.json.tmp", "footprint.jsonx1.tmp", "footprint.sarif123.tmp",
                    "notes.txt"), s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals("x", Files.readString(out.resolve("footprint.json")));
    }

    @Test
    void aFailedWriteLeavesTheOldReportAndNoTemporaryFile() throws Exception {
        Files.writeString(out.resolve("footprint.json"), "old");
        try {
            ReportFiles.write(out, "footprint.json", o -> {
                o.write('n');
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            assertEquals("disk full", expected.getMessage());
        }
        assertEquals("old", Files.readString(out.resolve("footprint.json")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of("footprint.json"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
    }

    @Test
    void staleNamesAreExactlyTheTemporaryOnes() {
        assertTrue(ReportFiles.isStale("footprint.json", "footprint.json123.tmp"));
        assertTrue(ReportFiles.isStale("footprint.json", "footprint.json.123.tmp"));
        assertFalse(ReportFiles.isStale("footprint.json", "footprint.json.tmp"));
        assertFalse(ReportFiles.isStale("footprint.json", "footprintXjson123.tmp"));
        assertFalse(ReportFiles.isStale("TEST-footprint.xml", "footprint.json123.tmp"));
    }
}
