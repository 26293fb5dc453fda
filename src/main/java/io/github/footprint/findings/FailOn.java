package io.github.footprint.findings;

import io.github.footprint.base.Severity;

import java.util.Locale;

/** The threshold that fails the build: findings at or above it fail, {@code NEVER} only reports. */
public enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** True when a finding of this severity fails the build. */
    public boolean fails(Severity s) {
        return threshold != null && s.atLeast(threshold);
    }

    /** Parses {@code error}, {@code warning} or {@code never}; null when it is none of them. */
    public static FailOn parse(String text) {
        if (text == null) {
            return null;
        }
        for (FailOn f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }
}
