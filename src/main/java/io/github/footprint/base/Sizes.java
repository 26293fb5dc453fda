package io.github.footprint.base;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as users write them ({@code 768M}, {@code 2GiB}, {@code 40K}, bytes) and as messages print them. */
public final class Sizes {
    /** The accepted forms, for error messages. */
    public static final String FORMS = "a number of bytes, or a number with K, M, G, KiB, MiB or GiB (powers of 1024),"
            + " such as 768M or 2GiB";

    private static final Pattern SIZE = Pattern.compile("^(\\d{1,15})\\s*(|K|M|G|KiB|MiB|GiB)$", Pattern.CASE_INSENSITIVE);

    private Sizes() {
    }

    /** Bytes, or -1 when the text is not a size. */
    public static long parse(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return -1;
        }
        long v = Long.parseLong(m.group(1));
        String unit = m.group(2).toUpperCase(Locale.ROOT);
        int shift = unit.startsWith("K") ? 10 : unit.startsWith("M") ? 20 : unit.startsWith("G") ? 30 : 0;
        if (v > (Long.MAX_VALUE >> shift)) {
            return -1;
        }
        return v << shift;
    }

    /** {@code 512 KiB}, {@code 195 MiB}, {@code 1.5 GiB}: the largest unit that keeps the number at least 1. */
    public static String format(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        // 1023.95 and up print as 1024.0 at one decimal: take the next unit then
        while (Math.abs(v) >= 1023.95 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + " bytes";
        }
        // what String.format("%.1f") prints (the double's exact value rounded half up), without a Formatter: a
        // footprint formats sizes for every one of thousands of daemons
        long magnitude = Math.abs(bytes);
        if (bytes == Long.MIN_VALUE || magnitude >= 1L << 53) {
            // beyond 2^53 bytes the double is not the number of bytes: round the double's own value
            return (v == Math.floor(v) ? Long.toString((long) v)
                    : new BigDecimal(v).setScale(1, RoundingMode.HALF_UP).toPlainString()) + " " + units[u];
        }
        // below 2^53 bytes, v is bytes / 1024^u exactly: tenths rounded half up in integers
        int shift = 10 * u;
        long mask = (1L << shift) - 1;
        String sign = bytes < 0 ? "-" : "";
        if ((magnitude & mask) == 0) {
            return sign + (magnitude >> shift) + " " + units[u];
        }
        long tenths = magnitude * 10;
        long rounded = (tenths >> shift) + ((tenths & mask) >= 1L << (shift - 1) ? 1 : 0);
        return sign + rounded / 10 + "." + rounded % 10 + " " + units[u];
    }
}
