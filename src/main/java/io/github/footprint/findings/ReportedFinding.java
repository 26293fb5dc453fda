package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/**
 * One finding as every report sees it: its first line and its detail masked, its places, each as a location (paths
 * are not masked, as in JSON and SARIF) and as masked text (as the console and JUnit print it), and what a
 * code-scanning service needs to follow it across edits: the file each place is anchored to, the length of its
 * rendered line, and a fingerprint of the primary place. The text of the lines itself never leaves the findings
 * stage.
 */
public final class ReportedFinding {
    private final String ruleId;
    private final Severity severity;
    private final String message;
    private final String detail;
    private final List<Place> places;
    private final String fingerprint;

    /** One place of a finding. */
    public static final class Place {
        private final Location location;
        private final String where;
        private final String file;
        private final String artifact;
        private final int lineLength;

        Place(Location location, Redactor r, String sourceRoot, int lineLength) {
            this.location = location;
            this.where = r.maskLocation(location.toString());
            this.file = r.maskLocation(location.file());
            this.artifact = location.file().isEmpty() ? sourceRoot : location.file();
            this.lineLength = lineLength;
        }

        /** The template file and line; the file is not masked. */
        public Location location() {
            return location;
        }

        /** {@code file:line} (only a reader's marks masked, never a name); empty for the whole project. */
        public String where() {
            return where;
        }

        /** The template file as reports print it, masked; empty for the whole project. */
        public String file() {
            return file;
        }

        /** The file a code-scanning service anchors the place to: its own, or the source folder for the project. */
        public String artifact() {
            return artifact;
        }

        /** The length of the rendered line; 0 for a whole file, the project, an unread file. */
        public int lineLength() {
            return lineLength;
        }
    }

    private ReportedFinding(Finding f, Redactor r, List<Place> places, String fingerprint) {
        this.ruleId = f.ruleId();
        this.severity = f.severity();
        this.message = r.mask(f.message());
        this.detail = r.mask(f.detail());
        this.places = List.copyOf(places);
        this.fingerprint = fingerprint;
    }

    /**
     * @param sourceRoot the source folder as reports name it: the anchor of a finding about the whole project
     * @param lines the rendered text of each place's template line (empty when there is none), in the order of
     *        {@link Finding#places()}
     * @param occurrence how many findings of this environment before it had the same rule, file, line text
     */
    static ReportedFinding of(Finding f, Redactor r, String environment, String sourceRoot, List<String> lines,
            int occurrence) {
        List<Location> at = f.places();
        List<Place> places = new ArrayList<>(at.size());
        for (int i = 0; i < at.size(); i++) {
            places.add(new Place(at.get(i).plain(), r, sourceRoot, lines.get(i).length()));
        }
        return new ReportedFinding(f, r, places,
                fingerprint(key(f, places.get(0).artifact(), lines.get(0), environment), occurrence));
    }

    /** What makes two findings of one environment the same alert: rule, file, the line's words, environment. */
    static String key(Finding f, String artifact, String line, String environment) {
        return f.ruleId() + '\0' + artifact + '\0' + line.strip().replaceAll("\\s+", " ") + '\0' + environment;
    }

    private static String fingerprint(String key, int occurrence) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((key + '\0' + occurrence).getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    /** The first line (what, the numbers, the fix), masked. */
    public String message() {
        return message;
    }

    /** The explanation behind the first line, masked; empty when there is none. */
    public String detail() {
        return detail;
    }

    /**
     * Every place, the primary one first, then the others where the cause stands, then the lines they were written
     * at elsewhere (the macro body line of a directive a mod_macro Use made).
     */
    public List<Place> places() {
        return places;
    }

    /** The primary place's template file and line; the file is not masked. */
    public Location location() {
        return places.get(0).location();
    }

    /** The primary place as {@code file:line}, masked; empty for a finding about the whole project. */
    public String where() {
        return places.get(0).where();
    }

    /** The primary place's template file as reports print it, masked; empty for the whole project. */
    public String file() {
        return places.get(0).file();
    }

    /** The file a code-scanning service anchors the primary place to. */
    public String artifact() {
        return places.get(0).artifact();
    }

    /** The length of the primary place's rendered line. */
    public int lineLength() {
        return places.get(0).lineLength();
    }

    /**
     * 32 hex digits of SHA-256 over the rule, the primary place's anchor file, its line's words, the environment and
     * the occurrence: the same alert keeps it when lines are added elsewhere in the file.
     */
    public String fingerprint() {
        return fingerprint;
    }
}
