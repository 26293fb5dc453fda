package io.github.footprint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.footprint.base.Severity;
import org.codehaus.plexus.util.AbstractScanner;

/**
 * Walks the source folder without recursion and without following the file system anywhere it should not go: a
 * folder met again through a link (a loop, {@code ..}, a link to itself) is not entered twice, a link leaving the
 * source folder ({@code /}, {@code /etc}, {@code /proc/self}) is not followed, and FIFOs, devices and sockets are
 * never opened. Includes and excludes are Maven's Ant-style patterns, with Maven's default excludes. Names are the
 * file system's bytes: UTF-8 whatever the JVM's locale ({@code café.conf} under {@code LANG=C}), other bytes shown
 * as {@code \xNN}; each selected entry keeps the path it was found by, so it is opened by its bytes.
 */
final class TreeWalk extends AbstractScanner {
    /** Entries beyond this many end the walk, with a finding: a source folder is templates, not a disk. */
    static final int MAX_ENTRIES = 200_000;

    /** What one entry the walk did not read says, at its tree path. */
    static final class Notice {
        final Severity severity;
        final String message;

        Notice(Severity severity, String message) {
            this.severity = severity;
            this.message = message;
        }
    }

    /** The selected regular files (and links to them inside the folder), sorted. */
    final List<String> paths = new ArrayList<>();
    /** The selected entries that are no regular file the loader can read: broken links, folders named like files. */
    final Set<String> unreadable = new HashSet<>();
    /** Every entry met that is a symbolic link. */
    final Set<String> links = new HashSet<>();
    /** Entries never opened, with why: links out of the folder, loops, special files, unreadable folders. */
    final Map<String, Notice> notices = new TreeMap<>();
    /** The path each tree path was found by. */
    final Map<String, Path> found = new HashMap<>();

    private final Path root;
    private final Path realRoot;

    TreeWalk(Path root, List<String> includes, List<String> excludes) {
        this.root = root;
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        this.realRoot = real;
        setIncludes(includes.isEmpty() ? null : includes.toArray(new String[0]));
        setExcludes(excludes.isEmpty() ? null : excludes.toArray(new String[0]));
        addDefaultExcludes();
    }

    @Override
    public void scan() {
        setupDefaultFilters();
        setupMatchPatterns();
        walk();
        paths.sort(null);
    }

    @Override
    public String[] getIncludedFiles() {
        return paths.toArray(new String[0]);
    }

    @Override
    public String[] getIncludedDirectories() {
        return new String[0];
    }

    @Override
    public java.io.File getBasedir() {
        return root.toFile();
    }

    /** One folder to read: where, its tree path with a trailing {@code /}, and the identities of it and those above. */
    private static final class Frame {
        final Path dir;
        final String vpath;
        final Object key;
        final Frame parent;

        Frame(Path dir, String vpath, Object key, Frame parent) {
            this.dir = dir;
            this.vpath = vpath;
            this.key = key;
            this.parent = parent;
        }

        boolean above(Object k) {
            for (Frame f = this; f != null; f = f.parent) {
                if (k != null && k.equals(f.key)) {
                    return true;
                }
            }
            return false;
        }
    }

    private void walk() {
        Deque<Frame> todo = new ArrayDeque<>();
        todo.push(new Frame(root, "", key(root), null));
        int entries = 0;
        while (!todo.isEmpty()) {
            Frame f = todo.pop();
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(f.dir)) {
                for (Path p : ds) {
                    children.add(p);
                }
            } catch (IOException | RuntimeException e) {
                String at = f.vpath.isEmpty() ? "." : f.vpath.substring(0, f.vpath.length() - 1);
                notices.put(at, new Notice(Severity.WARNING, "this folder cannot be read (" + reason(e)
                        + "); the files in it are not checked"));
                continue;
            }
            List<String[]> named = new ArrayList<>();
            Map<String, Path> byName = new HashMap<>();
            for (Path p : children) {
                String name = name(p);
                if (byName.putIfAbsent(name, p) == null) {
                    named.add(new String[] {name});
                }
            }
            // reversed onto the stack so that folders are read in name order
            List<Frame> sub = new ArrayList<>();
            named.sort((a, b) -> a[0].compareTo(b[0]));
            for (String[] n : named) {
                if (++entries > MAX_ENTRIES) {
                    notices.put(f.vpath.isEmpty() ? "." : f.vpath.substring(0, f.vpath.length() - 1),
                            new Notice(Severity.ERROR, "the source folder holds more than " + MAX_ENTRIES
                                    + " entries; footprint stops reading it here. Point sourceDirectory at the deploy"
                                    + " templates alone"));
                    return;
                }
                String name = n[0];
                Path p = byName.get(name);
                String rel = f.vpath + name;
                Frame next = entry(f, p, name, rel);
                if (next != null) {
                    sub.add(next);
                }
            }
            for (int i = sub.size() - 1; i >= 0; i--) {
                todo.push(sub.get(i));
            }
        }
    }

    /** Looks at one entry; returns the folder to read next, or null. */
    private Frame entry(Frame f, Path p, String name, String rel) {
        boolean selected = isIncluded(rel) && !isExcluded(rel);
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
            if (selected) {
                notices.put(rel, new Notice(Severity.ERROR, "the file cannot be read (" + reason(e) + ")"));
            }
            return null;
        }
        BasicFileAttributes attrs = own;
        if (own.isSymbolicLink()) {
            links.add(rel);
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                // a link to nothing: the loader says so, as httpd would fail to open it
                if (selected) {
                    unreadable.add(rel);
                    paths.add(rel);
                    found.put(rel, p);
                }
                return null;
            } catch (IOException | RuntimeException e) {
                if (selected || FileKind.of(name) == FileKind.OTHER) {
                    notices.put(rel, new Notice(Severity.ERROR, "this link cannot be followed (" + reason(e)
                            + "); footprint does not read it"));
                }
                return null;
            }
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException | RuntimeException e) {
                real = null;
            }
            if (real == null || !real.startsWith(realRoot)) {
                if (selected || attrs.isDirectory()) {
                    notices.put(rel, new Notice(Severity.INFO, "this link leads out of the source folder, so"
                            + " footprint does not follow it: only files under the source folder are checked (an"
                            + " Include naming the link's target is read as httpd reads it)"));
                }
                return null;
            }
        }
        if (attrs.isDirectory()) {
            if (selected && FileKind.of(name) != FileKind.OTHER) {
                // a folder named like a configuration file (x.conf/) deserves a word, not silence
                unreadable.add(rel);
                paths.add(rel);
                found.put(rel, p);
            }
            Object key = attrs.fileKey();
            if (f.above(key)) {
                notices.put(rel, new Notice(Severity.INFO, "this link leads back to a folder that contains it (a"
                        + " loop); footprint reads that folder once and does not follow the link"));
                return null;
            }
            if ((isIncluded(rel) && !isExcluded(rel)) || couldHoldIncluded(rel)) {
                return new Frame(p, rel + "/", key, f);
            }
            return null;
        }
        if (!selected) {
            return null;
        }
        if (attrs.isRegularFile()) {
            paths.add(rel);
            found.put(rel, p);
            return null;
        }
        // a FIFO would block the build, a device never ends: neither is opened
        notices.put(rel, new Notice(FileKind.of(name) == FileKind.OTHER ? Severity.INFO : Severity.WARNING,
                "this is " + special(p) + ", not a regular file: footprint never opens it (httpd reading it would"
                        + " block or never end)"));
        return null;
    }

    private static String special(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            int m = ((Integer) mode) & 0170000;
            switch (m) {
                case 0010000:
                    return "a FIFO (named pipe)";
                case 0020000:
                    return "a character device";
                case 0060000:
                    return "a block device";
                case 0140000:
                    return "a socket";
                default:
                    return "a special file";
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            return "a special file";
        }
    }

    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The entry's name from its bytes: UTF-8 whatever the JVM's locale, an undecodable byte as {@code \xNN}. Plain
     * ASCII names (nearly all) are taken as Java gave them.
     */
    static String name(Path p) {
        String s = p.getFileName().toString();
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s;
        }
        byte[] bytes;
        try {
            bytes = bytes(p);
        } catch (RuntimeException e) {
            return s;
        }
        if (bytes == null) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder b = new StringBuilder();
            int i = 0;
            while (i < bytes.length) {
                int n = utf8Length(bytes, i);
                if (n > 0) {
                    b.append(new String(bytes, i, n, StandardCharsets.UTF_8));
                    i += n;
                } else {
                    b.append(String.format("\\x%02X", bytes[i] & 0xff));
                    i++;
                }
            }
            return b.toString();
        }
    }

    /** The length of the valid UTF-8 sequence at {@code i}, or 0. */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (n == 0 || i + n > b.length) {
            return 0;
        }
        for (int k = 1; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, i, n));
            return n;
        } catch (CharacterCodingException e) {
            return 0;
        }
    }

    /** The file name's bytes, as the file system holds them (the URI form percent-encodes them), or null. */
    private static byte[] bytes(Path p) {
        String raw = p.toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() + 0 && i + 2 <= raw.length() - 1) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** The system's reason, without the path (which may be the build machine's). */
    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            String r = ((FileSystemException) e).getReason().strip();
            return r.isEmpty() ? e.getClass().getSimpleName() : Character.toLowerCase(r.charAt(0)) + r.substring(1);
        }
        String m = e.getMessage();
        if (e instanceof IOException && m != null && !m.isBlank() && m.indexOf('/') < 0 && m.indexOf('\\') < 0) {
            // the system's words without a path ("Is a directory")
            m = m.strip();
            return Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return e.getClass().getSimpleName();
    }
}
