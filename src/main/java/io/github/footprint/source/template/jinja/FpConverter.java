package io.github.footprint.source.template.jinja;

import com.hubspot.jinjava.el.TruthyTypeConverter;
import jinjava.javax.el.ELException;

/**
 * Jinjava's type coercion with Python's rules where they differ: truth is Python's ({@code "false"} is true, a
 * non-empty string always is), a value read as a string is Python's {@code str()} ({@code True}, {@code None}), and an
 * unknown can be turned into nothing at all: the expression that tries is unknown.
 */
final class FpConverter extends TruthyTypeConverter {
    private static final long serialVersionUID = 1L;

    @Override
    public <T> T convert(Object value, Class<T> type) throws ELException {
        if (value instanceof Unk) {
            if (type == Object.class) {
                return type.cast(value);
            }
            Session s = FpInterpreter.current();
            if (s != null) {
                s.hit((Unk) value);
            }
            throw new UnknownValueException((Unk) value);
        }
        if (value == Py.NONE) {
            if (type == String.class) {
                return type.cast("None");
            }
            if (type == Boolean.class || type == boolean.class) {
                @SuppressWarnings("unchecked")
                T f = (T) Boolean.FALSE;
                return f;
            }
            if (type == Object.class) {
                return type.cast(value);
            }
            value = null;
        }
        return super.convert(value, type);
    }

    @Override
    protected Boolean coerceToBoolean(Object value) {
        return Py.truth(value);
    }

    @Override
    protected String coerceToString(Object value) {
        if (value == null) {
            return "";
        }
        return Py.str(value);
    }
}
