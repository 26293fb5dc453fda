package io.github.footprint.model.mpm;

import io.github.footprint.base.Location;

/**
 * A sizing value httpd changes at start-up: the AH code and text {@code apache2 -t} prints (empty code for
 * the silent run-time fix-ups), the directive, both values, and where the configured value is set.
 */
public final class MpmAdjustment {
    private final String code;
    private final String text;
    private final MpmDirective directive;
    private final long from;
    private final long to;
    private final Location location;

    MpmAdjustment(String code, String text, MpmDirective directive, long from, long to, Location location) {
        this.code = code;
        this.text = text;
        this.directive = directive;
        this.from = from;
        this.to = to;
        this.location = location;
    }

    /** {@code AH00316}, or the empty string for a silent adjustment. */
    public String code() {
        return code;
    }

    /** httpd's startup text after the code (the {@code WARNING: ...} form), or our description when silent. */
    public String text() {
        return text;
    }

    public MpmDirective directive() {
        return directive;
    }

    public long from() {
        return from;
    }

    public long to() {
        return to;
    }

    /** Where the changed directive is set, or null when it is the compiled-in default. */
    public Location location() {
        return location;
    }

    public boolean isSilent() {
        return code.isEmpty();
    }

    @Override
    public String toString() {
        return (code.isEmpty() ? "" : code + ": ") + text;
    }
}
