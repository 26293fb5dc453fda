package io.github.footprint.source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.codehaus.plexus.interpolation.AbstractValueSource;

/**
 * Properties as a value source whose answers are already rendered: each property's value with the placeholders of one
 * delimiter pair inside it replaced, worked out once per property, without recursion, and refused beyond
 * {@link #MAX_LENGTH} characters. Properties that double each other ({@code p1=${p0}${p0}} ... {@code p40}) are
 * then a located finding in well under a second instead of an exponential walk; a chain of thousands of properties is
 * no deeper than the stack allows.
 */
final class BoundedProperties extends AbstractValueSource {
    /** The longest value (and the longest rendered line) footprint renders: 1 MiB of characters. */
    static final int MAX_LENGTH = 1 << 20;

    /** A value or a line that renders beyond the bound, or a cycle of properties. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Properties properties;
    private final String start;
    private final String end;
    private final Map<String, String> rendered = new HashMap<>();
    private final Map<String, Long> tooLong = new HashMap<>();

    BoundedProperties(Properties properties, String start, String end) {
        super(false);
        this.properties = properties;
        this.start = start;
        this.end = end;
    }

    String start() {
        return start;
    }

    String end() {
        return end;
    }

    @Override
    public Object getValue(String expression) {
        if (properties.getProperty(expression) == null) {
            return null;
        }
        return resolve(expression);
    }

    /** The names between the delimiters in a text, in order. */
    private List<String> references(String text) {
        List<String> out = new ArrayList<>();
        int i = text.indexOf(start);
        while (i >= 0) {
            int j = text.indexOf(end, i + start.length());
            if (j < 0) {
                break;
            }
            out.add(text.substring(i + start.length(), j));
            i = text.indexOf(start, j + end.length());
        }
        return out;
    }

    /**
     * Checks before rendering that a line stays within the bound once its placeholders are replaced.
     *
     * @throws Refused when it would not, or when a property it names is in a cycle or renders too long itself
     */
    void checkLine(String line) {
        long length = line.length();
        for (String ref : references(line)) {
            if (properties.getProperty(ref) != null) {
                length += resolve(ref).length();
                if (length > MAX_LENGTH) {
                    throw new Refused("the line renders to more than " + MAX_LENGTH + " characters (" + start + ref
                            + end + " and the rest); footprint renders lines up to 1 MiB. Check the properties for"
                            + " values that repeat each other");
                }
            }
        }
    }

    /** The property's value rendered, worked out with an explicit stack. */
    private String resolve(String name) {
        String done = rendered.get(name);
        if (done != null) {
            return done;
        }
        Deque<String> stack = new ArrayDeque<>();
        Set<String> open = new HashSet<>();
        stack.push(name);
        while (!stack.isEmpty()) {
            String n = stack.peek();
            if (rendered.containsKey(n)) {
                stack.pop();
                open.remove(n);
                continue;
            }
            if (tooLong.containsKey(n)) {
                throw tooLong(n, tooLong.get(n));
            }
            open.add(n);
            String raw = properties.getProperty(n);
            boolean ready = true;
            for (String ref : references(raw)) {
                if (properties.getProperty(ref) != null && !rendered.containsKey(ref)) {
                    if (open.contains(ref)) {
                        throw new Refused("the property " + ref + " refers to itself through " + start + n + end
                                + " (a cycle); give one of them a value of its own");
                    }
                    stack.push(ref);
                    ready = false;
                }
            }
            if (!ready) {
                continue;
            }
            // every reference is rendered: the length first, then the text
            long length = raw.length();
            for (String ref : references(raw)) {
                String v = rendered.get(ref);
                if (v != null) {
                    length += v.length();
                }
            }
            if (length > MAX_LENGTH) {
                tooLong.put(n, length);
                throw tooLong(n, length);
            }
            StringBuilder b = new StringBuilder((int) length);
            int i = 0;
            int s = raw.indexOf(start);
            while (s >= 0) {
                int e = raw.indexOf(end, s + start.length());
                if (e < 0) {
                    break;
                }
                String v = rendered.get(raw.substring(s + start.length(), e));
                if (v != null) {
                    b.append(raw, i, s).append(v);
                    i = e + end.length();
                }
                s = raw.indexOf(start, e + end.length());
            }
            b.append(raw, i, raw.length());
            rendered.put(n, b.toString());
            stack.pop();
            open.remove(n);
        }
        return rendered.get(name);
    }

    private Refused tooLong(String name, long length) {
        return new Refused("the property " + name + " renders to more than " + MAX_LENGTH + " characters; footprint"
                + " renders values up to 1 MiB. Check the properties for values that repeat each other");
    }
}
