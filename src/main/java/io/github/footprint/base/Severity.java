package io.github.footprint.base;

import java.util.Locale;

/** How serious a finding is. Ordered from most to least serious; maps 1:1 to SARIF error/warning/note. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** True when this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** Lower-case name, as users write it in the pom and as reports print it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error}, {@code warning} or {@code info} (any case); null when it is none of them. */
    public static Severity parse(String text) {
        if (text == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
