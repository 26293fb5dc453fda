package io.github.footprint.report;

import java.util.Locale;
import java.util.Optional;

/** The reports this version writes, in the order the check writes them; users name them in {@code formats}. */
public enum Format {
    CONSOLE,
    JSON,
    SARIF,
    JUNIT;

    /** The name users write: {@code console}, {@code json}, {@code sarif}, {@code junit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format of that name (already trimmed and in lower case), or empty. */
    public static Optional<Format> parse(String label) {
        for (Format f : values()) {
            if (f.label().equals(label)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
