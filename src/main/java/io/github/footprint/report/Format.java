package io.github.footprint.report;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reports this version writes, in the order the check writes them; users name them in {@code formats}. A new
 * report is a constant here and its {@link Reporter} class.
 */
public enum Format {
    CONSOLE(ConsoleReporter::new),
    JSON(JsonReporter::new),
    SARIF(SarifReporter::new),
    JUNIT(JUnitReporter::new),
    // a lambda, not HtmlReporter::new: the class (and the Markdown library behind it) loads only when html is asked for
    HTML(() -> new HtmlReporter());

    private final Supplier<Reporter> reporter;

    Format(Supplier<Reporter> reporter) {
        this.reporter = reporter;
    }

    /** The name users write: {@code console}, {@code json}, {@code sarif}, {@code junit}, {@code html}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reporter that writes this format. */
    public Reporter reporter() {
        return reporter.get();
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
