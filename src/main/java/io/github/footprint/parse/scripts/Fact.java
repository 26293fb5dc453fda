package io.github.footprint.parse.scripts;

import io.github.footprint.base.Location;

/**
 * A value a start-up script sets, with where. {@code value} is the literal text; {@code number} is its
 * value when the text is a literal number (or a product of literal numbers), else null: "unknown, not guessed".
 *
 * <p>Resource limits say more: {@link #unlimited()} for {@code ulimit -s unlimited} and systemd's
 * {@code infinity}, and {@link #setsSoftLimit()}, false for {@code ulimit -H}, which leaves the soft limit (the one
 * that sizes thread stacks) as it was. Variables say whether the script passes them on to the commands it starts
 * ({@link #exported()}).
 */
public final class Fact {
    private final String name;
    private final String value;
    private final Long number;
    private final Location location;
    private final boolean unlimited;
    private final boolean soft;
    private final boolean exported;

    Fact(String name, String value, Long number, Location location) {
        this(name, value, number, location, false, true, false);
    }

    Fact(String name, String value, Long number, Location location, boolean unlimited, boolean soft,
            boolean exported) {
        this.name = name;
        this.value = value;
        this.number = number;
        this.location = location;
        this.unlimited = unlimited;
        this.soft = soft;
        this.exported = exported;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** The literal numeric value, or null when the script computes it (or the limit is {@link #unlimited()}). */
    public Long number() {
        return number;
    }

    public Location location() {
        return location;
    }

    /** A resource limit set to no limit: {@code ulimit -s unlimited}, {@code LimitSTACK=infinity}. */
    public boolean unlimited() {
        return unlimited;
    }

    /** A resource limit that sets the soft limit ({@code ulimit -s}, {@code ulimit -S -s}, systemd); false for {@code ulimit -H}. */
    public boolean setsSoftLimit() {
        return soft;
    }

    /**
     * A variable that reaches the environment of the commands the script starts: {@code export NAME=value}, an
     * assignment to a name the script exports anywhere ({@code export NAME}), an assignment under {@code set -a},
     * an assignment in front of a command ({@code NAME=value apache2ctl start}), and every systemd
     * {@code Environment=} pair. A plain {@code NAME=value} in a sourced file such as {@code envvars} stays a
     * shell variable.
     */
    public boolean exported() {
        return exported;
    }

    Fact exportedCopy() {
        return new Fact(name, value, number, location, unlimited, soft, true);
    }

    @Override
    public String toString() {
        return location + ": " + name + "=" + value;
    }
}
