package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write error says its cause, not only the path again. */
class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void eachKindOfErrorSaysItsCause() {
        assertEquals("permission denied (target/footprint)", IoErrors.reason(new AccessDeniedException(
                "target/footprint")));
        assertEquals("no such file or directory (a -> b)", IoErrors.reason(new NoSuchFileException("a", "b", null)));
        assertEquals("no space left on device (x)", IoErrors.reason(new FileSystemException("x", null,
                "No space left on device")));
        assertEquals("disk on fire", IoErrors.reason(new IOException("disk on fire")));
        assertEquals("IOException", IoErrors.reason(new IOException()));
    }

    @Test
    void aFileInTheWayOfAFolderIsNamedSo() throws Exception {
        Path file = Files.write(dir.resolve("target"), new byte[0]);
        try {
            Files.createDirectories(file.resolve("footprint"));
            throw new AssertionError("createDirectories under a file succeeded");
        } catch (IOException e) {
            assertEquals("not a directory (" + file.resolve("footprint") + ")", IoErrors.reason(e));
        }
        try {
            Files.createDirectories(file);
            throw new AssertionError("createDirectories over a file succeeded");
        } catch (IOException e) {
            assertEquals("a file is in the way (" + file + ")", IoErrors.reason(e));
        }
    }

    @Test
    void aReadOnlyFolderIsPermissionDenied() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        assumeTrue(ro.toFile().setWritable(false, false) && !Files.isWritable(ro), "not running as root");
        try {
            Files.write(ro.resolve("x"), new byte[0]);
            throw new AssertionError("wrote into a read-only folder");
        } catch (IOException e) {
            assertEquals("permission denied (" + ro.resolve("x") + ")", IoErrors.reason(e));
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }
}
