package io.github.footprint.parse.wsgi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.CType;
import io.github.footprint.parse.wsgi.WsgiOptions.Option;

/**
 * The numbers in a {@code WSGIDaemonProcess} value: what mod_wsgi reads ({@code atoi}, {@code apr_atoi64}),
 * whether that is what is written, and what the text means to a person ({@code 500M} bytes, {@code 5m} seconds).
 */
public final class OptionNumbers {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private static final Pattern FLOAT_EXACT =
            Pattern.compile("[ \\t\\n\\x0B\\f\\r]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[ \\t\\n\\x0B\\f\\r]*");

    private OptionNumbers() {
    }

    /** True when the text is a plain decimal fraction {@code strtod} reads whole (seconds such as {@code 0.005}). */
    public static boolean plainFloat(String value) {
        return FLOAT_EXACT.matcher(value).matches();
    }

    /** True when what follows white space and a sign starts with a digit: {@code atoi} reads something. */
    public static boolean hasDigits(String value) {
        int i = 0;
        int n = value.length();
        while (i < n && CType.isSpace(value.charAt(i))) {
            i++;
        }
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        return i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9';
    }

    /** True when the text is a plain whole number mod_wsgi reads as written. */
    public static boolean exact(Option o, String value) {
        if (!Atoi.isExact(value)) {
            return false;
        }
        String t = value.strip();
        if (t.length() - (t.charAt(0) == '+' || t.charAt(0) == '-' ? 1 : 0) <= 9) {
            // nine digits at most: well inside int, so inside long too
            return true;
        }
        BigInteger v = new BigInteger(t.replace("+", ""));
        return o.wide() ? v.bitLength() <= 63 : v.compareTo(INT_MIN) >= 0 && v.compareTo(INT_MAX) <= 0;
    }

    /** The number mod_wsgi reads: {@code apr_atoi64} for a 64-bit option, else {@code atoi} (cut to 32 bits). */
    public static long read(Option o, String value) {
        return o.wide() ? Atoi.parse(value) : Atoi.parseInt(value);
    }

    private static final Pattern HEX = Pattern.compile("[+]?0[xX]([0-9a-fA-F]+)");
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)(\\d{1,3}(?:[,_]\\d{3})+|\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?\\d{1,3}))?\\s*([A-Za-z]*)");

    /**
     * The number the text means to a person, in the option's unit: {@code 500M} bytes is 524288000,
     * {@code 1k} requests is 1000, {@code 5m} seconds is 300, {@code 0x100} is 256. Null when it cannot be told.
     */
    public static Long intended(Option o, String value) {
        BigDecimal v = said(o, value);
        if (v == null) {
            return null;
        }
        // whole units only: a part second becomes a whole one, a part byte or request the nearest
        v = "seconds".equals(o.unit()) || "milliseconds".equals(o.unit()) ? v.setScale(0, RoundingMode.CEILING)
                : v.setScale(0, RoundingMode.HALF_UP);
        return fits(o, v);
    }

    /** The exact number the text says in the option's unit, fractions kept; null when it cannot be told. */
    public static BigDecimal said(Option o, String value) {
        String t = value.strip();
        Matcher hex = HEX.matcher(t);
        if (hex.matches()) {
            return new BigDecimal(new BigInteger(hex.group(1), 16));
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = new BigDecimal(m.group(2).replace(",", "").replace("_", "").replaceAll("\\.$", ""));
        if (m.group(3) != null) {
            n = n.scaleByPowerOfTen(Integer.parseInt(m.group(3)));
        }
        if (m.group(1).equals("-")) {
            n = n.negate();
        }
        BigDecimal factor = factor(o, m.group(4).toLowerCase(Locale.ROOT));
        if (factor == null) {
            return null;
        }
        return n.multiply(factor);
    }

    private static Long fits(Option o, BigDecimal v) {
        BigInteger i = v.toBigInteger();
        if (o.wide() ? i.bitLength() > 63 : i.compareTo(INT_MIN) < 0 || i.compareTo(INT_MAX) > 0) {
            return null;
        }
        return i.longValue();
    }

    private static BigDecimal factor(Option o, String suffix) {
        if (suffix.isEmpty()) {
            return BigDecimal.ONE;
        }
        String unit = o.unit() == null ? "" : o.unit();
        switch (unit) {
        case "bytes":
            switch (suffix) {
            case "b":
            case "byte":
            case "bytes":
                return BigDecimal.ONE;
            case "k":
            case "kb":
            case "kib":
                return BigDecimal.valueOf(1024L);
            case "m":
            case "mb":
            case "mib":
                return BigDecimal.valueOf(1024L * 1024);
            case "g":
            case "gb":
            case "gib":
                return BigDecimal.valueOf(1024L * 1024 * 1024);
            case "t":
            case "tb":
            case "tib":
                return BigDecimal.valueOf(1024L * 1024 * 1024 * 1024);
            default:
                return null;
            }
        case "seconds":
        case "milliseconds": {
            BigDecimal seconds;
            switch (suffix) {
            case "ms":
            case "msec":
            case "msecs":
                seconds = new BigDecimal("0.001");
                break;
            case "s":
            case "sec":
            case "secs":
            case "second":
            case "seconds":
                seconds = BigDecimal.ONE;
                break;
            case "m":
            case "min":
            case "mins":
            case "minute":
            case "minutes":
                seconds = BigDecimal.valueOf(60);
                break;
            case "h":
            case "hr":
            case "hrs":
            case "hour":
            case "hours":
                seconds = BigDecimal.valueOf(3600);
                break;
            case "d":
            case "day":
            case "days":
                seconds = BigDecimal.valueOf(86400);
                break;
            default:
                return null;
            }
            return unit.equals("seconds") ? seconds : seconds.multiply(BigDecimal.valueOf(1000));
        }
        default:
            if (suffix.equals("k")) {
                return BigDecimal.valueOf(1000);
            }
            if (suffix.equals(unit) || (unit.length() > 1 && suffix.equals(unit.substring(0, unit.length() - 1)))
                    || (unit.equals("processes") && suffix.equals("process"))) {
                return BigDecimal.ONE;
            }
            return null;
        }
    }
}
