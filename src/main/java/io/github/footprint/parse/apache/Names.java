package io.github.footprint.parse.apache;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The directive names of one reading, each kept once: a name read again (every {@code Require}, every
 * {@code <Location}) is looked up by its characters in the line, not copied out of it again, and its lower-case
 * key is made once.
 */
final class Names {
    private String[] table = new String[64];
    private int size;
    private final Map<String, String> keys = new HashMap<>();

    /** The name {@code src.substring(from, to)}, the same String for the same characters. */
    String get(String src, int from, int to) {
        int len = to - from;
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + src.charAt(i);
        }
        int mask = table.length - 1;
        for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
            String s = table[i];
            if (s == null) {
                s = src.substring(from, to);
                table[i] = s;
                if (++size * 2 > table.length) {
                    grow();
                }
                return s;
            }
            if (s.length() == len && s.regionMatches(0, src, from, len)) {
                return s;
            }
        }
    }

    /** The lower-case key of a name, the same String for names equal but for case. */
    String key(String name) {
        String k = keys.get(name);
        if (k == null) {
            String lower = name.toLowerCase(Locale.ROOT);
            k = get(lower, 0, lower.length());
            keys.put(name, k);
        }
        return k;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] old = table;
        table = new String[old.length * 2];
        int mask = table.length - 1;
        for (String s : old) {
            if (s != null) {
                int i = mix(s.hashCode()) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = s;
            }
        }
    }
}
