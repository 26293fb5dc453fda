package io.github.footprint.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The existing folder a mistyped one most likely meant: under the deepest existing folder above the missing one, the
 * folder at the same depth whose path differs from it by the fewest characters (at most a third of them, at least
 * one), as {@code src/main/deploy} for {@code src/main/deploi}. Hidden folders are not proposed; the walk stops after
 * {@link #MAX_FOLDERS} folders, so a huge tree costs no time.
 */
final class NearestFolder {
    static final int MAX_FOLDERS = 5000;
    private static final int MAX_DEPTH = 4;

    private NearestFolder() {
    }

    static Optional<Path> of(Path missing) {
        Path p = missing.toAbsolutePath().normalize();
        Path existing = p.getParent();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        Path rest = existing.relativize(p);
        int depth = rest.getNameCount();
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        String wanted = slashes(rest);
        List<Path> level = List.of(existing);
        int seen = 0;
        for (int d = 0; d < depth && !level.isEmpty(); d++) {
            List<Path> next = new ArrayList<>();
            for (Path dir : level) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    for (Path e : entries) {
                        if (!e.getFileName().toString().startsWith(".") && Files.isDirectory(e)
                                && ++seen <= MAX_FOLDERS) {
                            next.add(e);
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // an unreadable folder proposes nothing
                }
            }
            level = next;
        }
        int limit = Math.max(1, wanted.length() / 3);
        Path best = null;
        int bestDistance = Integer.MAX_VALUE;
        String bestName = null;
        for (Path c : level) {
            String name = slashes(existing.relativize(c));
            int distance = distance(wanted, name);
            if (distance <= limit && (distance < bestDistance || distance == bestDistance
                    && name.compareTo(bestName) < 0)) {
                best = c;
                bestDistance = distance;
                bestName = name;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    /** Levenshtein distance: insertions, deletions and substitutions of single characters. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int same = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + same);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
