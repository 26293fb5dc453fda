package io.github.footprint.parse.apache;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * mod_version's {@code <IfVersion [[!]op] version>} against the declared httpd version, as
 * {@code start_ifversion} (modules/metadata/mod_version.c) reads its TAKE123 arguments: the operator is a word
 * of its own ({@code <IfVersion >=2.4>} is an invalid version to httpd), the closing {@code >} ends the version
 * word or stands alone, and the messages are httpd's.
 */
final class IfVersion {
    static final String INVALID_VERSION = "Version appears to be invalid. It must have the format "
            + "major[.minor[.patch]] where major, minor and patch are numbers.";

    /** The outcome: whether the body is read, or httpd's error. */
    static final class Result {
        final boolean matches;
        final String error;

        private Result(boolean matches, String error) {
            this.matches = matches;
            this.error = error;
        }

        static Result of(boolean matches) {
            return new Result(matches, null);
        }

        static Result error(String message) {
            return new Result(false, message);
        }
    }

    /** The release the declared minor version stands for: the one calibrated here for 2.4. */
    static String release(String declared) {
        return "2.2".equals(declared) ? "2.2.34" : "2.4.71";
    }

    private IfVersion() {
    }

    /**
     * @param rawArgs the text after {@code <IfVersion}, closing {@code >} included (httpd's {@code args})
     * @param declared {@code 2.2} or {@code 2.4}
     */
    static Result evaluate(String rawArgs, String declared) {
        ConfWords w = new ConfWords(rawArgs);
        String arg1 = w.next();
        String arg2 = w.atEnd() ? null : w.next();
        String arg3 = w.atEnd() ? null : w.next();
        if (arg1.isEmpty() || !w.atEnd()) {
            return Result.error("<IfVersion takes one, two or three arguments, a comparison operator, a version (and"
                    + " a delimiter)");
        }
        // one argument: an equality check
        if (arg2 == null) {
            arg2 = arg1;
            arg1 = "=";
        }
        // surrounding quotes without operator
        if (arg3 == null && arg2.equals(">")) {
            arg3 = ">";
            arg2 = arg1;
            arg1 = "=";
        }
        boolean closedByArg3 = ">".equals(arg3);
        int end = arg2.length();
        if (end == 0 || (!closedByArg3 && arg2.charAt(--end) != '>')) {
            return Result.error("<IfVersion> directive missing closing '>'");
        }
        String version = arg2.substring(0, end);

        boolean reverse = false;
        int p = 0;
        if (arg1.charAt(0) == '!') {
            reverse = true;
            if (arg1.length() > 1) {
                p = 1;
            }
        }
        char op = arg1.charAt(p);
        String after = arg1.substring(p + 1);
        if (!(after.isEmpty() || (after.equals("=") && op != '~'))) {
            return Result.error("unrecognized operator '" + arg1 + "'");
        }
        String actual = release(declared);
        boolean match;
        switch (op) {
            case '=':
                if (!version.startsWith("/")) {
                    int[] want = parse(version);
                    if (want == null) {
                        return Result.error(INVALID_VERSION);
                    }
                    match = compare(parse(actual), want) == 0;
                    break;
                }
                if (version.length() < 2 || !version.endsWith("/")) {
                    return Result.error("Missing delimiting / of regular expression.");
                }
                return regex(version.substring(1, version.length() - 1), actual, reverse);
            case '~':
                return regex(version, actual, reverse);
            case '<':
            case '>': {
                int[] want = parse(version);
                if (want == null) {
                    return Result.error(INVALID_VERSION);
                }
                int cmp = compare(parse(actual), want);
                match = cmp == (op == '<' ? -1 : 1) || (!after.isEmpty() && cmp == 0);
                break;
            }
            default:
                return Result.error("unrecognized operator '" + arg1 + "'");
        }
        return Result.of(reverse != match);
    }

    private static Result regex(String re, String actual, boolean reverse) {
        try {
            return Result.of(reverse != Pattern.compile(re).matcher(actual).find());
        } catch (PatternSyntaxException e) {
            return Result.error("Unable to compile regular expression");
        }
    }

    /** {@code compare_version}'s reading: a digit first, up to three dot-separated runs of digits (empty is 0). */
    static int[] parse(String v) {
        if (v.isEmpty() || !isDigit(v.charAt(0))) {
            return null;
        }
        int[] version = new int[3];
        int c = 0;
        int p = 0;
        int start = 0;
        int ep = v.length();
        while (p <= ep && c < 3) {
            if (p == ep || v.charAt(p) == '.') {
                version[c++] = atoi(v.substring(start, p));
                start = ++p;
                continue;
            }
            if (!isDigit(v.charAt(p))) {
                break;
            }
            ++p;
        }
        return p < ep ? null : version;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static int atoi(String digits) {
        long v = 0;
        for (int i = 0; i < digits.length() && v <= Integer.MAX_VALUE; i++) {
            v = v * 10 + (digits.charAt(i) - '0');
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return a[i] > b[i] ? 1 : -1;
            }
        }
        return 0;
    }
}
