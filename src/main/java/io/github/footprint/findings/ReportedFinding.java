package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/**
 * One finding as every report sees it: its message masked, its place as a location (paths are not masked, as in
 * JSON and SARIF) and as masked text (as the console and JUnit print it), and what a code-scanning service needs to
 * follow it across edits: the file it is anchored to, the length of its rendered line, and a fingerprint. The text
 * of the line itself never leaves the findings stage.
 */
public final class ReportedFinding {
    private final String ruleId;
    private final Severity severity;
    private final String message;
    private final Location location;
    private final String where;
    private final String file;
    private final String artifact;
    private final int lineLength;
    private final String fingerprint;

    private ReportedFinding(Finding f, Redactor r, String artifact, int lineLength, String fingerprint) {
        this.ruleId = f.ruleId();
        this.severity = f.severity();
        this.message = r.mask(f.message());
        this.location = f.location();
        this.where = r.maskLocation(f.location().toString());
        this.file = r.maskLocation(f.location().file());
        this.artifact = artifact;
        this.lineLength = lineLength;
        this.fingerprint = fingerprint;
    }

    /**
     * @param sourceRoot the source folder as reports name it: the anchor of a finding about the whole project
     * @param line the rendered text of the finding's template line, or empty
     * @param occurrence how many findings of this environment before it had the same rule, file, line text
     */
    static ReportedFinding of(Finding f, Redactor r, String environment, String sourceRoot, String line,
            int occurrence) {
        String artifact = f.location().file().isEmpty() ? sourceRoot : f.location().file();
        return new ReportedFinding(f, r, artifact, line.length(),
                fingerprint(key(f, artifact, line, environment), occurrence));
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

    /** The message, masked. */
    public String message() {
        return message;
    }

    /** The template file and line; the file is not masked. */
    public Location location() {
        return location;
    }

    /** {@code file:line}, masked; empty for a finding about the whole project. */
    public String where() {
        return where;
    }

    /** The template file as reports print it, masked; empty for a finding about the whole project. */
    public String file() {
        return file;
    }

    /** The file a code-scanning service anchors the finding to: its own, or the source folder for the project. */
    public String artifact() {
        return artifact;
    }

    /** The length of the rendered line the finding points at; 0 for a whole file, the project, an unread file. */
    public int lineLength() {
        return lineLength;
    }

    /**
     * 32 hex digits of SHA-256 over the rule, the anchor file, the line's words, the environment and the occurrence:
     * the same alert keeps it when lines are added elsewhere in the file.
     */
    public String fingerprint() {
        return fingerprint;
    }
}
