package io.github.footprint.mojo;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.footprint.model.Host;

/**
 * The raw host parameters of the goal or of one {@code <environment>}: each {@link Host.Parameter} of the table is a
 * {@code String} field of the same name in {@link AbstractFootprintMojo} and in {@link Environment}, set by Maven. Reading them by
 * the table's names keeps a new host parameter at one constant in the table and one field in each of those classes.
 */
final class HostFields {
    private HostFields() {
    }

    /** Parameter name to the text Maven set (null when unset), in the table's order. */
    static Map<String, String> of(Class<?> type, Object holder) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Host.Parameter p : Host.Parameter.values()) {
            out.put(p.pomName(), (String) read(field(type, p.pomName()), holder));
        }
        return out;
    }

    /** The {@code String} field that holds the parameter of that name. */
    static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            if (f.getType() != String.class) {
                throw new IllegalStateException(type.getSimpleName() + "." + name + " is not a String field");
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no field for the host parameter " + name, e);
        }
    }

    private static Object read(Field f, Object holder) {
        try {
            return f.get(holder);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }
}
