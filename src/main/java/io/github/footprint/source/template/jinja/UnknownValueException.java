package io.github.footprint.source.template.jinja;

/** Thrown where the evaluator would have to turn an unknown into a number, a string or a truth value. */
final class UnknownValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Unk value;

    UnknownValueException(Unk value) {
        super("unknown value " + value, null, false, false);
        this.value = value;
    }

    Unk value() {
        return value;
    }
}
