package io.github.footprint.parse.scripts;

import io.github.footprint.findings.Location;

/**
 * A value a start-up script sets, with where. {@code value} is the literal text; {@code number} is its
 * value when the text is a literal number (or a product of literal numbers), else null: "unknown, not guessed".
 */
public final class Fact {
    private final String name;
    private final String value;
    private final Long number;
    private final Location location;

    Fact(String name, String value, Long number, Location location) {
        this.name = name;
        this.value = value;
        this.number = number;
        this.location = location;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** The literal numeric value, or null when the script computes it. */
    public Long number() {
        return number;
    }

    public Location location() {
        return location;
    }

    @Override
    public String toString() {
        return location + ": " + name + "=" + value;
    }
}
