package io.github.footprint.parse.scripts.python;

import io.github.footprint.base.Location;

/** One step of a {@link Derivation}: what was done, what it gave (null when not known), and where. */
public final class Step {
    private final String operation;
    private final String result;
    private final Location location;

    Step(String operation, String result, Location location) {
        this.operation = operation;
        this.result = result;
        this.location = location;
    }

    /** The operation as the script writes it, arguments that come from earlier steps shown as {@code …}. */
    public String operation() {
        return operation;
    }

    /** The string this step computed; null when it is not known. */
    public String result() {
        return result;
    }

    public Location location() {
        return location;
    }

    @Override
    public String toString() {
        return operation + (result != null ? " -> " + PyValue.repr(result) : "") + " (" + location + ")";
    }
}
