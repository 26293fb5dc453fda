package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.Excerpt;
import io.github.footprint.base.CType;
import io.github.footprint.parse.wsgi.DaemonLine;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.parse.wsgi.OptionNumbers;
import io.github.footprint.parse.wsgi.WsgiOptions.Option;
import io.github.footprint.parse.wsgi.WsgiOptions.Type;
import io.github.footprint.parse.wsgi.WsgiOptions.Version;
import io.github.footprint.parse.wsgi.WsgiOptions;

/**
 * The words of FP204 and FP205 for a {@link DaemonProblem}: {@link #what} says what mod_wsgi makes of the text and
 * {@link #why} why (clauses without a final period; {@link #detail} joins them), {@link #fix} what to write instead (a
 * sentence without a final period).
 */
final class DaemonProblemWords {
    private DaemonProblemWords() {
    }

    /** Where {@link #words} divides what mod_wsgi makes of the text from why. */
    private static final String SPLIT = "\u0000";

    /** What mod_wsgi makes of the text, with why: {@link #what} and {@link #why} joined. */
    static String detail(DaemonProblem p) {
        return Excerpt.whole(words(p).replace(SPLIT, ": "));
    }

    /** {@code name=value} as mod_wsgi's line shows it, marked as a quotation of the user's file. */
    private static String show(String name, String value) {
        return Excerpt.of(DaemonLine.show(name, value));
    }

    /** What mod_wsgi makes of the text, short: {@code memory-limit=500M is read as 500 bytes}. */
    static String what(DaemonProblem p) {
        String w = words(p);
        int at = w.indexOf(SPLIT);
        return at < 0 ? w : w.substring(0, at);
    }

    /** Why, as clauses without a final period; empty when {@link #what} says it all. */
    static String why(DaemonProblem p) {
        String w = words(p);
        int at = w.indexOf(SPLIT);
        return at < 0 ? "" : w.substring(at + 1);
    }

    private static String words(DaemonProblem p) {
        Option o = p.known();
        String value = p.value();
        switch (p.kind()) {
        case NO_NAME:
            return "the directive has no name" + (p.text().isBlank() ? "" : " (its first word is empty)");
        case NO_OPTION_NAME:
            return "'" + Excerpt.of(p.text()) + "' has no option name before '='";
        case COMMENT:
            return "'" + Excerpt.of(p.text()) + "' is an end-of-line comment" + SPLIT + "httpd has no end-of-line"
                    + " comments, so mod_wsgi reads '" + p.word() + "' as an option";
        case SPACE_BEFORE_EQUALS:
            return "'" + Excerpt.of(p.text()) + "' has white space before '='" + SPLIT + "mod_wsgi reads an option name up to '='"
                    + " or white space, so '" + p.option() + "' is not name=value";
        case NOT_NAME_VALUE:
            return o != null ? "'" + p.option() + "' has no '='" + SPLIT + "every word after the name must be name=value"
                    : "'" + p.option() + "' is not name=value";
        case OTHER_VERSION: {
            Version version = p.version();
            boolean near = o.firstIn().sameMinor(version);
            String implied = version.patchImplied() && near ? " (modWsgiVersion " + version + " is read as " + version
                    + ".0; give the patch number, such as " + version + ".5, if the servers run a later one)" : "";
            return show(p.option(), value) + " is not in " + release(version) + SPLIT + "it exists in "
                    + availability(o) + implied + "; modWsgiVersion names the release the servers run";
        }
        case WRONG_CASE:
            return show(p.option(), value) + ": option names are case-sensitive" + SPLIT + "mod_wsgi knows"
                    + " no '" + p.option() + "'" + only(p);
        case UNKNOWN_OPTION:
            String only = p.meant() == null ? "" : only(p);
            return show(p.option(), value) + " is no option of any mod_wsgi release" + SPLIT + "neither "
                    + release(p.version()) + " nor any other release knows it" + only;
        case INVALID_VALUE:
            return invalidDetail(p);
        case CONFLICT:
            return show("script-user", p.text()) + " and " + show("script-group", value)
                    + ": mod_wsgi takes only one of them";
        case LENIENT_NUMBER:
            return lenientDetail(p);
        case GLUED:
            return gluedDetail(p);
        default:
            throw new IllegalArgumentException(p.kind().toString());
        }
    }

    /** What to write instead: a sentence without a final period, quotations of the file marked. */
    static String fix(DaemonProblem p) {
        Option o = p.known();
        String suggestion = p.suggestion();
        switch (p.kind()) {
        case NO_NAME:
            return "Give the group a name first: WSGIDaemonProcess app threads=5";
        case NO_OPTION_NAME:
            return "Put the option's name before '=', or remove '" + Excerpt.of(p.text()) + "'";
        case COMMENT:
            return "Move the comment to a line of its own above";
        case SPACE_BEFORE_EQUALS:
            return "Write " + (p.word().isEmpty() ? p.option() + "=<value>" : DaemonLine.show(p.option(), p.word()))
                    + ", with no space around '='";
        case NOT_NAME_VALUE:
            if (o != null) {
                String next = p.word();
                return "Write " + (next.isEmpty() || next.contains("=") ? p.option() + "=<value>"
                        : DaemonLine.show(p.option(), next));
            }
            return suggestion == null ? "Remove '" + Excerpt.of(p.option()) + "' or write it as name=value"
                    : "Remove '" + Excerpt.of(p.option()) + "', or quote the value it belongs to: "
                            + Excerpt.of(suggestion);
        case OTHER_VERSION:
            return "Remove it, or set modWsgiVersion";
        case WRONG_CASE:
            return "Write " + suggestion;
        case UNKNOWN_OPTION:
            return p.meant() != null ? "Write " + suggestion + " if that is meant"
                    : "Remove it";
        case INVALID_VALUE:
            return suggestion != null ? "Write " + suggestion + human(o, p.intended().getAsLong())
                    : fix(o, p.value(), p.version());
        case CONFLICT:
            return "Keep one of them";
        case LENIENT_NUMBER:
            return lenientFix(p);
        case GLUED:
            return DaemonLine.glue(p.value()) == 0
                    ? "Give " + o.name() + " its value right after '='" + (suggestion == null ? ", then " + p.value()
                            : ", e.g. " + suggestion)
                    : "Put a space between them: " + suggestion;
        default:
            throw new IllegalArgumentException(p.kind().toString());
        }
    }

    private static String release(Version version) {
        return "mod_wsgi " + version;
    }

    /** {@code ; threads itself exists in mod_wsgi 6.0.0 and later} when the meant option is not in the release. */
    private static String only(DaemonProblem p) {
        Option m = p.meant();
        return m.availableIn(p.version()) ? "" : "; " + m.name() + " itself exists in " + availability(m);
    }

    /**
     * Which releases know an option: {@code mod_wsgi 6.0.0 and later}, {@code mod_wsgi 4.1.0 to 5.x; 6.0.0 removed
     * it}.
     */
    static String availability(Option o) {
        if (o.removedIn().isEmpty()) {
            return "mod_wsgi " + o.firstIn() + " and later";
        }
        Version removed = o.removedIn().get();
        return "mod_wsgi " + o.firstIn() + " to " + removed.before() + "; " + removed + " removed it";
    }

    private static String invalidDetail(DaemonProblem p) {
        Option o = p.known();
        String value = p.value();
        String shown = show(o.name(), value) + (value.isEmpty() ? " (empty)" : "");
        String reading = o.numeric() ? reading(o, value) : null;
        if (!o.numeric() && DaemonLine.glue(value) > 0) {
            reading = "('" + value.substring(DaemonLine.glue(value)) + "' is glued to the value before it)";
        }
        if (reading == null && value.startsWith("#") && (o.type() == Type.USER)) {
            reading = hashReading(value, "uid");
        }
        String why = reading == null ? "" : reading.startsWith("(") ? reading.substring(1, reading.length() - 1)
                : "it " + reading;
        return shown + SPLIT + rule(o, value, p.version()) + (why.isEmpty() ? "" : "; " + why);
    }

    private static boolean hashType(Option o) {
        return o.type() == Type.USER || o.type() == Type.SOCKET_USER || o.type() == Type.SCRIPT_USER
                || o.type() == Type.GROUP || o.type() == Type.SCRIPT_GROUP;
    }

    private static String hashWhat(Option o) {
        return o.type() == Type.GROUP || o.type() == Type.SCRIPT_GROUP ? "gid" : "uid";
    }

    private static String lenientDetail(DaemonProblem p) {
        Option o = p.known();
        String value = p.value();
        if (hashType(o)) {
            int id = Atoi.parseInt(value.substring(1));
            return show(o.name(), value) + " is read as " + hashWhat(o) + " " + Integer.toUnsignedString(id)
                    + SPLIT + "mod_wsgi reads it with atoi, which " + how(null, value.substring(1)) + ", and says nothing";
        }
        if (o.type() == Type.FLOAT_SECONDS) {
            Double d = WsgiOptions.leadingDouble(value);
            return show(o.name(), value) + " is not a plain number" + SPLIT + "at best mod_wsgi reads the "
                    + d + " at its start";
        }
        long reads = OptionNumbers.read(o, value);
        String unit = unit(o, reads);
        return show(o.name(), value) + " is read as " + reads + (unit == null ? "" : " " + unit)
                + SPLIT + "mod_wsgi reads it with " + function(o) + ", which " + how(o, value) + ", and says nothing"
                + consequence(o, reads);
    }

    private static String lenientFix(DaemonProblem p) {
        Option o = p.known();
        String value = p.value();
        String suggestion = p.suggestion();
        if (hashType(o)) {
            return suggestion != null ? "Write " + suggestion : "Write the " + hashWhat(o) + " in digits after '#', or"
                    + " the name";
        }
        if (o.type() == Type.FLOAT_SECONDS) {
            return "Write the seconds as a plain number, e.g. " + o.name() + "=0.005";
        }
        long reads = OptionNumbers.read(o, value);
        if (suggestion != null) {
            return "Write " + suggestion + human(o, p.intended().getAsLong());
        } else if (Atoi.isExact(value)) {
            return "Write a number mod_wsgi can hold: " + (o.type() == Type.THREADS ? "threads below "
                    + WsgiOptions.THREADS_LIMIT : o.wide() ? "below 9223372036854775808" : "below 2147483648");
        } else if (OptionNumbers.hasDigits(value) && WsgiOptions.check(o, Long.toString(reads), p.version()) == null) {
            return "Write " + o.name() + "=" + reads + " if " + reads + " is what is meant, else the number in digits";
        }
        String example = o.defaultValue() != null && !o.defaultValue().equals("0")
                ? ", e.g. " + o.name() + "=" + o.defaultValue() + " (mod_wsgi's default)" : "";
        return "Write " + o.name() + " as a whole number in digits" + example;
    }

    private static String gluedDetail(DaemonProblem p) {
        Option o = p.known();
        String value = p.value();
        int at = DaemonLine.glue(value);
        String lost = value.substring(at);
        String lostName = lost.substring(0, lost.indexOf('='));
        String reads = o.numeric() ? o.name() + "=" + OptionNumbers.read(o, value) : show(o.name(), value);
        if (at == 0) {
            return o.name() + "= " + lost + ": '" + lost + "' becomes the value of " + o.name() + SPLIT + "after"
                    + " '=' mod_wsgi skips white space and takes the next word, so it reads " + reads
                    + " and never sets " + lostName;
        }
        return show(o.name(), value) + ": '" + lost + "' is glued to the value before it" + SPLIT
                + "mod_wsgi reads " + reads + " and never sees " + lostName + " (a continuation line that starts in its"
                + " first column is joined to the line above without a space)";
    }

    /** What mod_wsgi requires of the value. */
    private static String rule(Option o, String value, Version version) {
        String n = o.name();
        switch (o.type()) {
        case USER:
            return value.isEmpty() ? "user needs a user name or #uid"
                    : "mod_wsgi does not run daemon processes as root";
        case GROUP:
        case SCRIPT_GROUP:
            return n + " needs a group name or #gid";
        case SOCKET_USER:
        case SCRIPT_USER:
            return n + " needs a user name or #uid";
        case GROUPS:
            return "supplementary-groups names " + WsgiOptions.groups(value) + " groups, which with the daemon's group"
                    + " are more than the " + WsgiOptions.NGROUPS_MAX + " Linux allows";
        case PROCESSES:
            return "processes must be a whole number, 1 or more";
        case THREADS:
            return version.compareTo(WsgiOptions.THREADS_ZERO_SINCE) >= 0
                    ? "threads must be a whole number from 0 to " + (WsgiOptions.THREADS_LIMIT - 1)
                    : "threads must be a whole number from 1 to " + (WsgiOptions.THREADS_LIMIT - 1)
                            + " before mod_wsgi " + WsgiOptions.THREADS_ZERO_SINCE + " (modWsgiVersion " + version
                            + ")";
        case UMASK:
            return "umask must be an octal number such as 0022 and nothing else";
        case CHROOT:
        case HOME:
            return n + " must be an absolute directory, starting with '/'";
        case FLOAT_SECONDS:
            return n + " must be a number of seconds above 0";
        case STACK_SIZE:
            return "stack-size must be a number of bytes above 0";
        case BUFFER:
            return n + " must be 0 (the default) or at least " + o.minimum() + " bytes";
        case BYTES:
            return n + " must be a number of bytes, 0 (no limit) or more";
        case FLAG:
            return n + " must be On or Off";
        case PRIORITY:
            return n + " needs a number";
        default:
            return n + " must be a whole number of " + o.unit() + ", 0 or more";
        }
    }

    /** What to write when the text says nothing usable. */
    private static String fix(Option o, String value, Version version) {
        String n = o.name();
        switch (o.type()) {
        case USER:
            return value.isEmpty() ? "Name the user, e.g. user=www-data, or remove the option"
                    : "Name an unprivileged user, e.g. user=www-data";
        case GROUP:
        case SCRIPT_GROUP:
            return "Name the group, e.g. " + n + "=www-data, or remove the option";
        case SOCKET_USER:
        case SCRIPT_USER:
            return "Name the user, e.g. " + n + "=www-data, or remove the option";
        case GROUPS:
            return "Name fewer groups";
        case PROCESSES:
            return "Write processes=1 or more (without the option mod_wsgi runs one process)";
        case THREADS:
            return "Write threads=15 (mod_wsgi's default) or the number of threads you need, below "
                    + WsgiOptions.THREADS_LIMIT;
        case UMASK:
            return "Write it in octal digits, e.g. umask=0022";
        case CHROOT:
        case HOME:
            return "Write the directory's absolute path, e.g. " + n + "=/srv/app";
        case FLOAT_SECONDS:
            return "Write e.g. " + n + "=0.005";
        case STACK_SIZE:
            return "Write stack-size=524288 (512 KiB), or remove it for the system default";
        case BUFFER:
            return "Write " + n + "=0 (the default) or a size of at least " + o.minimum() + " bytes";
        case BYTES:
            return "Write the limit in bytes, e.g. " + n + "=1073741824 (1 GiB), or 0 for none";
        case FLAG:
            return "Write " + n + "=On or " + n + "=Off";
        case PRIORITY:
            return "Write e.g. " + n + "=0";
        default:
            return "Write " + n + "=" + o.defaultValue() + " (mod_wsgi's default) or another whole number, 0 or more";
        }
    }

    /** {@code (atoi stops at 'x')} for a {@code #uid}, or null when exact. */
    private static String hashReading(String value, String what) {
        String digits = value.substring(1);
        if (Atoi.isExact(digits)) {
            return null;
        }
        return "(" + what + " " + Atoi.parseInt(digits) + ": atoi " + how(null, digits) + ")";
    }

    /** {@code reads as 500 (apr_atoi64 stops at 'M')} for an inexact number, or null when the text is exact. */
    private static String reading(Option o, String value) {
        if (value.isEmpty() || OptionNumbers.exact(o, value)) {
            return null;
        }
        int glue = DaemonLine.glue(value);
        String glued = glue > 0 ? "; '" + value.substring(glue) + "' is glued to the value before it" : "";
        return "reads as " + OptionNumbers.read(o, value) + " (" + function(o) + " " + how(o, value) + glued + ")";
    }

    private static String function(Option o) {
        return o.wide() ? "apr_atoi64" : "atoi";
    }

    /** How atoi came to its number: {@code stops at 'M'}, {@code finds no digits and gives 0}, ... */
    private static String how(Option o, String value) {
        int i = 0;
        int n = value.length();
        while (i < n && CType.isSpace(value.charAt(i))) {
            i++;
        }
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return "finds no digits in '" + value + "' and gives 0";
        }
        if (i < n && !value.substring(i).isBlank()) {
            return "stops at '" + value.substring(i) + "'";
        }
        boolean wide = o != null && o.wide();
        return wide ? "stops at the largest 64-bit number" : "keeps only the low 32 bits of " + value.strip();
    }

    private static String consequence(Option o, long reads) {
        String n = o.name();
        if (o.type() == Type.THREADS && reads == 0) {
            return "; threads=0 is the mode without request threads, so the daemon never serves a request";
        }
        if (n.equals("maximum-requests") && reads == 1) {
            return "; every process restarts after each request";
        }
        if (n.equals("maximum-requests") && reads == 0) {
            return "; 0 means the processes are never recycled";
        }
        if (o.type() == Type.STACK_SIZE && reads < 16384) {
            return "; a stack size below 16384 bytes is ignored, so the threads get the default stack (ulimit -s,"
                    + " usually 8 MiB)";
        }
        if (o.type() == Type.BYTES && reads == 0) {
            return "; 0 means no limit";
        }
        if (o.type() == Type.BYTES && reads > 0 && reads < 16L * 1024 * 1024) {
            return "; that is far below what a daemon process needs to start its threads";
        }
        if (o.type() == Type.BUFFER && reads == 0) {
            return "; 0 means the default size";
        }
        return "";
    }

    private static String unit(Option o, long n) {
        String u = o.unit();
        if (u == null) {
            return null;
        }
        if (n == 1 || n == -1) {
            return u.equals("processes") ? "process" : u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** {@code  (500 MiB)} for a byte count, {@code  (5 minutes)} for seconds, else empty. */
    private static String human(Option o, long v) {
        String unit = o.unit();
        if ("bytes".equals(unit)) {
            String[] names = {"KiB", "MiB", "GiB", "TiB"};
            String out = "";
            long div = 1024;
            for (String name : names) {
                if (v >= div && v % div == 0) {
                    out = " (" + v / div + " " + name + ")";
                }
                if (div > Long.MAX_VALUE / 1024) {
                    break;
                }
                div *= 1024;
            }
            return out;
        }
        if ("seconds".equals(unit) && v >= 60) {
            if (v % 86400 == 0) {
                return " (" + v / 86400 + " day" + (v == 86400 ? "" : "s") + ")";
            }
            if (v % 3600 == 0) {
                return " (" + v / 3600 + " hour" + (v == 3600 ? "" : "s") + ")";
            }
            if (v % 60 == 0) {
                return " (" + v / 60 + " minute" + (v == 60 ? "" : "s") + ")";
            }
        }
        return "";
    }
}
