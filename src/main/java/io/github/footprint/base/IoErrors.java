package io.github.footprint.base;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a file-system error in words. Java's {@link FileSystemException}s carry only the path as their
 * message ({@code AccessDeniedException: target/footprint}), which repeats what the caller already names and hides
 * the cause; this says the cause, and the path the system names when it differs from the one the caller meant.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * {@link #reason(IOException)} with the paths the system names shown relative to the project, as every path in
     * footprint's output is (never the build machine's absolute path).
     */
    public static String reason(IOException e, java.nio.file.Path base) {
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            FileSystemException shown = new FileSystemException(f.getFile() == null ? null
                    : shown(base, java.nio.file.Path.of(f.getFile())), f.getOtherFile() == null ? null
                    : shown(base, java.nio.file.Path.of(f.getOtherFile())), f.getReason());
            String r = reason(f);
            String path = f.getFile();
            return path == null ? r : r.replace(path, shown.getFile()).replace(String.valueOf(f.getOtherFile()),
                    String.valueOf(shown.getOtherFile()));
        }
        return reason(e);
    }

    /** A path relative to the project ({@code target/footprint}), or its file name alone when it lies outside. */
    public static String shown(java.nio.file.Path base, java.nio.file.Path p) {
        java.nio.file.Path abs = p.toAbsolutePath().normalize();
        java.nio.file.Path b = base.toAbsolutePath().normalize();
        if (abs.startsWith(b)) {
            String r = b.relativize(abs).toString().replace('\\', '/');
            return r.isEmpty() ? "." : r;
        }
        java.nio.file.Path name = abs.getFileName();
        return name == null ? "/" : name.toString();
    }

    /** {@code permission denied}, {@code no such file or directory (target/x)}, the system's own reason... */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String what;
            if (f instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (f instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (f instanceof NotDirectoryException) {
                what = "not a directory";
            } else if (f instanceof FileAlreadyExistsException) {
                what = "a file is in the way";
            } else if (f instanceof DirectoryNotEmptyException) {
                what = "directory not empty";
            } else if (f.getReason() != null && !f.getReason().isBlank()) {
                what = f.getReason().strip();
                what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
            } else {
                what = f.getClass().getSimpleName();
            }
            String path = f.getFile();
            return path == null ? what : what + " (" + path + (f.getOtherFile() == null ? "" : " -> "
                    + f.getOtherFile()) + ")";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
