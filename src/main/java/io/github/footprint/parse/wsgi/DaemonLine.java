package io.github.footprint.parse.wsgi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.CType;
import io.github.footprint.parse.wsgi.DaemonProblem.Kind;
import io.github.footprint.parse.wsgi.WsgiOptions.Option;
import io.github.footprint.parse.wsgi.WsgiOptions.Type;
import io.github.footprint.parse.wsgi.WsgiOptions.Version;
import io.github.footprint.parse.apache.ConfWords;

/**
 * mod_wsgi's reading of a {@code WSGIDaemonProcess} argument text ({@code wsgi_add_daemon_process}): the
 * name by {@code ap_getword_conf}, then {@code name=value} options ({@code wsgi_parse_option}: the name runs up
 * to {@code =} or white space, the value is the next {@code ap_getword_conf} word), each checked as the mod_wsgi
 * release checks it.
 *
 * <p>mod_wsgi stops at the first problem; this reading goes on where it can, so every problem is known at once:
 * it stops only where the text is no longer {@code name=value} (after that, what is an option is a guess), and
 * otherwise checks every option, in mod_wsgi's order, then what mod_wsgi checks after the loop. The first
 * refusal in {@link #problems} is the one httpd prints. After the refusals come the values mod_wsgi accepts
 * but reads as something else than what is written.
 */
public final class DaemonLine {
    /** The release assumed when none is given: {@code CheckRequest}'s default. */
    static final Version DEFAULT_VERSION = Version.parse("4.9");

    /** One {@code name=value} as mod_wsgi split it. */
    static final class Written {
        final String name;
        final String value;

        Written(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    public final String name;
    /** Options as written, {@code name -> value} in first-seen order; a repeated option keeps its last value. */
    public final Map<String, String> options = new LinkedHashMap<>();
    /** Every {@code name=value} in line order, repeats included. */
    final List<Written> written = new ArrayList<>();
    /** Refusals in the order mod_wsgi meets them, then misreadings. */
    public final List<DaemonProblem> problems = new ArrayList<>();
    /** Where the text stopped being {@code name=value}, met after the options before it are checked. */
    private DaemonProblem syntax;

    private DaemonLine(String name) {
        this.name = name;
    }

    public static DaemonLine parse(String raw) {
        return parse(raw, DEFAULT_VERSION);
    }

    public static DaemonLine parse(String raw, Version version) {
        ConfWords w = new ConfWords(raw);
        DaemonLine d = new DaemonLine(w.next());
        if (d.name.isEmpty()) {
            d.problems.add(new DaemonProblem(Kind.NO_NAME, null, null, WsgiOptions.NO_NAME,
                    "the directive has no name" + (raw.isBlank() ? "" : " (its first word is empty)"),
                    "Give the group a name first: WSGIDaemonProcess app threads=5", null));
            return d;
        }
        d.split(w.rest());
        d.check(version);
        return d;
    }

    /** Only the problems httpd refuses the line for. */
    List<DaemonProblem> refusals() {
        List<DaemonProblem> out = new ArrayList<>();
        for (DaemonProblem p : problems) {
            if (p.refused()) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- splitting: wsgi_parse_option ------------------------------------------------------------------------

    private void split(String rest) {
        while (!rest.isEmpty()) {
            int n = rest.length();
            int i = 0;
            while (i < n && CType.isSpace(rest.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return;
            }
            if (rest.charAt(i) == '=') {
                String word = word(rest, i);
                syntax(Kind.NO_OPTION_NAME, null, "'" + word + "' has no option name before '='",
                        "Put the option's name before '=', or remove '" + word + "'", null);
                return;
            }
            int j = i;
            while (j < n && rest.charAt(j) != '=' && !CType.isSpace(rest.charAt(j))) {
                j++;
            }
            String option = rest.substring(i, j);
            if (option.startsWith("#")) {
                String comment = rest.substring(i).strip();
                syntax(Kind.COMMENT, option, "'" + comment + "' is a comment at the end of the directive: httpd has no"
                        + " end-of-line comments, so mod_wsgi reads '" + word(rest, i) + "' as an option",
                        "Move the comment to a line of its own above the directive", null);
                return;
            }
            if (j >= n || rest.charAt(j) != '=') {
                notNameValue(rest, i, j, option);
                return;
            }
            ConfWords value = new ConfWords(rest.substring(j + 1));
            String v = value.next();
            written.add(new Written(option, v));
            options.put(option, v);
            rest = value.rest();
        }
    }

    private void notNameValue(String rest, int i, int j, String option) {
        int k = j;
        while (k < rest.length() && CType.isSpace(rest.charAt(k))) {
            k++;
        }
        if (k < rest.length() && rest.charAt(k) == '=') {
            ConfWords value = new ConfWords(rest.substring(k + 1));
            String v = value.next();
            int end = rest.length() - value.rest().length();
            String shown = rest.substring(i, end).strip();
            String write = v.isEmpty() ? option + "=<value>" : show(option, v);
            syntax(Kind.SPACE_BEFORE_EQUALS, option, "'" + shown + "' has white space before '=': mod_wsgi reads an"
                    + " option name up to '=' or white space, so '" + option + "' is not name=value",
                    "Write " + write + ", with no space around '='", v.isEmpty() ? null : write);
            return;
        }
        ConfWords after = new ConfWords(rest.substring(j));
        String next = after.next();
        if (WsgiOptions.byName(option).isPresent()) {
            String write = next.isEmpty() || next.contains("=") ? option + "=<value>" : show(option, next);
            syntax(Kind.NOT_NAME_VALUE, option, "'" + option + "' has no '=': every word after the name must be"
                    + " name=value", "Write " + write, write.contains("<") ? null : write);
            return;
        }
        String fix = "Remove '" + option + "' or write it as name=value";
        String suggestion = null;
        Written last = written.isEmpty() ? null : written.get(written.size() - 1);
        Optional<Option> lastOption = last == null ? Optional.empty() : WsgiOptions.byName(last.name);
        if (lastOption.isPresent() && TEXTUAL.contains(lastOption.get().type())) {
            // a value with spaces that was not quoted: its second word lands here
            String joined = last.value + " " + wordsUpToOption(rest.substring(i));
            suggestion = last.name + "=\"" + joined.replace("\"", "\\\"") + "\"";
            fix = "Remove '" + option + "', or if it belongs to the value before, quote that value: " + suggestion;
        }
        syntax(Kind.NOT_NAME_VALUE, option, "'" + option + "' is not name=value", fix, suggestion);
    }

    /** Types whose value may be text with spaces, so a stray word may be the rest of an unquoted value. */
    private static final java.util.Set<Type> TEXTUAL = java.util.EnumSet.of(Type.TEXT, Type.HOME, Type.CHROOT,
            Type.GROUPS);

    /** The words of a text up to the first that looks like {@code name=value}. */
    private static String wordsUpToOption(String text) {
        ConfWords w = new ConfWords(text);
        StringBuilder b = new StringBuilder();
        while (!w.atEnd()) {
            String rest = w.rest();
            String word = w.next();
            if (word.contains("=") && !rest.startsWith("\"") && !rest.startsWith("'")) {
                break;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word);
        }
        return b.toString();
    }

    private static String word(String s, int from) {
        int e = from;
        while (e < s.length() && !CType.isSpace(s.charAt(e))) {
            e++;
        }
        return s.substring(from, e);
    }

    private void syntax(Kind kind, String option, String detail, String fix, String suggestion) {
        syntax = new DaemonProblem(kind, option, null, WsgiOptions.INVALID_OPTION, detail, fix, suggestion);
    }

    // ---- checking: wsgi_add_daemon_process -------------------------------------------------------------------

    private void check(Version version) {
        List<DaemonProblem> misreads = new ArrayList<>();
        for (int k = 0; k < written.size(); k++) {
            Written o = written.get(k);
            Optional<Option> known = WsgiOptions.byName(o.name);
            if (known.isEmpty() || !known.get().availableIn(version)) {
                problems.add(unknown(o, known.orElse(null), version));
                continue;
            }
            Option option = known.get();
            // supplementary-groups is counted after the loop, as mod_wsgi does
            String refusal = option.type() == Type.GROUPS ? null : WsgiOptions.check(option, o.value, version);
            if (refusal != null) {
                problems.add(invalid(option, o.value, refusal, version));
                continue;
            }
            int glue = glue(o.value);
            if (glue >= 0) {
                misreads.add(glued(option, o.value, glue));
            } else if (isLast(k)) {
                DaemonProblem lenient = lenient(option, o.value, version);
                if (lenient != null) {
                    misreads.add(lenient);
                }
            }
        }
        // mod_wsgi checks each option as it splits it off, so the text that is not name=value comes after them
        if (syntax != null) {
            problems.add(syntax);
        }
        String scriptUser = available("script-user", version);
        String scriptGroup = available("script-group", version);
        if (scriptUser != null && !scriptUser.isEmpty() && scriptGroup != null && !scriptGroup.isEmpty()) {
            problems.add(new DaemonProblem(Kind.CONFLICT, "script-group", scriptGroup,
                    WsgiOptions.SCRIPT_USER_AND_GROUP, show("script-user", scriptUser) + " and "
                            + show("script-group", scriptGroup) + ": mod_wsgi takes only one of them",
                    "Keep one of them", null));
        }
        String groups = available("supplementary-groups", version);
        if (groups != null) {
            Option option = WsgiOptions.byName("supplementary-groups").orElseThrow();
            String refusal = WsgiOptions.check(option, groups, version);
            if (refusal != null) {
                problems.add(invalid(option, groups, refusal, version));
            }
        }
        problems.addAll(misreads);
    }

    private boolean isLast(int k) {
        String n = written.get(k).name;
        for (int j = k + 1; j < written.size(); j++) {
            if (written.get(j).name.equals(n)) {
                return false;
            }
        }
        return true;
    }

    /** The last value of an option the release knows, or null. */
    private String available(String option, Version version) {
        Optional<Option> o = WsgiOptions.byName(option);
        return o.isPresent() && o.get().availableIn(version) ? options.get(option) : null;
    }

    private static DaemonProblem unknown(Written o, Option known, Version version) {
        String shown = show(o.name, o.value);
        String release = "mod_wsgi " + version + " (modWsgiVersion)";
        if (known != null) {
            boolean near = known.firstIn().sameMinor(version);
            String implied = version.patchImplied() && near ? " (modWsgiVersion " + version + " is read as " + version
                    + ".0; give the patch number, such as " + version + ".5, if the servers run a later one)" : "";
            return new DaemonProblem(Kind.OTHER_VERSION, o.name, o.value, WsgiOptions.INVALID_OPTION,
                    shown + " is not an option of " + release + ": it exists in " + known.availability() + implied,
                    "Remove it, or set modWsgiVersion to the mod_wsgi release the servers run", null);
        }
        Optional<Option> meant = WsgiOptions.meant(o.name);
        if (meant.isPresent()) {
            Option m = meant.get();
            String write = show(m.name(), o.value);
            String only = m.availableIn(version) ? "" : "; " + m.name() + " itself exists in " + m.availability();
            if (m.name().equalsIgnoreCase(o.name)) {
                return new DaemonProblem(Kind.WRONG_CASE, o.name, o.value, WsgiOptions.INVALID_OPTION, shown
                        + ": option names are case-sensitive, and mod_wsgi knows no '" + o.name + "'" + only,
                        "Write " + write, write);
            }
            return new DaemonProblem(Kind.UNKNOWN_OPTION, o.name, o.value, WsgiOptions.INVALID_OPTION, shown
                    + " is not an option of " + release + " or of any other release" + only,
                    "Write " + write + " if that is what is meant", write);
        }
        return new DaemonProblem(Kind.UNKNOWN_OPTION, o.name, o.value, WsgiOptions.INVALID_OPTION, shown
                + " is not an option of " + release + " or of any other release",
                "Remove it (FP204.md lists the options of each mod_wsgi release)", null);
    }

    private static DaemonProblem invalid(Option o, String value, String message, Version version) {
        String shown = show(o.name(), value) + (value.isEmpty() ? " (empty)" : "");
        String reading = o.numeric() ? reading(o, value) : null;
        if (!o.numeric() && glue(value) > 0) {
            reading = "('" + value.substring(glue(value)) + "' is glued to the value before it)";
        }
        if (reading == null && value.startsWith("#") && (o.type() == Type.USER)) {
            reading = hashReading(value, "uid");
        }
        String head = shown + (reading == null ? "" : " " + reading);
        Long meant = o.numeric() ? intended(o, value) : null;
        String suggestion = meant != null && WsgiOptions.check(o, Long.toString(meant), version) == null
                ? o.name() + "=" + meant : null;
        String fix = suggestion != null ? "Write " + suggestion + human(o, meant) : fix(o, value, version);
        return new DaemonProblem(Kind.INVALID_VALUE, o.name(), value, message, head + ": " + rule(o, value, version),
                fix, suggestion);
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

    // ---- misreadings -----------------------------------------------------------------------------------------

    /**
     * Where another option is glued into a value: {@code 5processes=2}, or {@code processes=2} as the whole value
     * after {@code threads= }. -1 when there is none. Quoted values with a space before the name do not count.
     */
    static int glue(String value) {
        if (value.indexOf('=') < 0) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && CType.isSpace(value.charAt(i - 1))) {
                continue;
            }
            for (Option o : WsgiOptions.all()) {
                if (value.startsWith(o.name() + "=", i)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static DaemonProblem glued(Option o, String value, int at) {
        String lost = value.substring(at);
        String lostName = lost.substring(0, lost.indexOf('='));
        String reads = o.numeric() ? o.name() + "=" + read(o, value) : show(o.name(), value);
        if (at == 0) {
            String suggestion = o.defaultValue() != null ? o.name() + "=" + o.defaultValue() + " " + lost : null;
            return new DaemonProblem(Kind.GLUED, o.name(), value, null, o.name() + "= " + lost + ": '" + lost
                    + "' is read as the value of " + o.name() + " (after '=' mod_wsgi skips white space and takes the"
                    + " next word), so mod_wsgi reads " + reads + " and never sets " + lostName,
                    "Give " + o.name() + " its value right after '='"
                            + (suggestion == null ? ", then " + lost : ", e.g. " + suggestion), suggestion);
        }
        String suggestion = show(o.name(), value.substring(0, at)) + " " + lost;
        return new DaemonProblem(Kind.GLUED, o.name(), value, null, show(o.name(), value) + ": '" + lost
                + "' is glued to the value before it, so mod_wsgi reads " + reads + " and never sees " + lostName
                + " (a continuation line that starts in its first column is joined to the line above without a"
                + " space)", "Put a space between them: " + suggestion, suggestion);
    }

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    /** A number mod_wsgi accepts but reads otherwise than written, or a {@code #uid}/{@code #gid} read so. */
    private static DaemonProblem lenient(Option o, String value, Version version) {
        if (o.type() == Type.USER || o.type() == Type.SOCKET_USER || o.type() == Type.SCRIPT_USER
                || o.type() == Type.GROUP || o.type() == Type.SCRIPT_GROUP) {
            return hashLenient(o, value);
        }
        if (o.type() == Type.FLOAT_SECONDS) {
            if (FLOAT_EXACT.matcher(value).matches()) {
                return null;
            }
            Double d = WsgiOptions.leadingDouble(value);
            return new DaemonProblem(Kind.LENIENT_NUMBER, o.name(), value, null, show(o.name(), value)
                    + " is not a plain number: at best mod_wsgi reads the " + d + " at its start",
                    "Write the seconds as a plain number, e.g. " + o.name() + "=0.005", null);
        }
        if (!o.numeric() || exact(o, value)) {
            return null;
        }
        long reads = read(o, value);
        BigDecimal said = said(o, value);
        if (said != null && said.compareTo(BigDecimal.valueOf(reads)) == 0) {
            // "30s" for seconds, "5.0": what the text says is what atoi reads
            return null;
        }
        Long meant = intended(o, value);
        String unit = unit(o, reads);
        String detail = show(o.name(), value) + " is read as " + reads + (unit == null ? "" : " " + unit)
                + ": mod_wsgi reads it with " + function(o) + ", which " + how(o, value) + ", and says nothing"
                + consequence(o, reads);
        String suggestion = meant != null && WsgiOptions.check(o, Long.toString(meant), version) == null
                ? o.name() + "=" + meant : null;
        String fix;
        if (suggestion != null) {
            fix = "Write " + suggestion + human(o, meant);
        } else if (Atoi.isExact(value)) {
            fix = "Write a number mod_wsgi can hold: " + (o.type() == Type.THREADS ? "threads below "
                    + WsgiOptions.THREADS_LIMIT : o.wide() ? "below 9223372036854775808" : "below 2147483648");
        } else if (hasDigits(value) && WsgiOptions.check(o, Long.toString(reads), version) == null) {
            fix = "Write " + o.name() + "=" + reads + " if " + reads + " is what is meant, else the number in digits";
        } else {
            String example = o.defaultValue() != null && !o.defaultValue().equals("0")
                    ? ", e.g. " + o.name() + "=" + o.defaultValue() + " (mod_wsgi's default)" : "";
            fix = "Write " + o.name() + " as a whole number in digits" + example;
        }
        return new DaemonProblem(Kind.LENIENT_NUMBER, o.name(), value, null, detail, fix, suggestion);
    }

    private static boolean hasDigits(String value) {
        return !how(null, value).startsWith("finds no digits");
    }

    private static final Pattern FLOAT_EXACT =
            Pattern.compile("[ \\t\\n\\x0B\\f\\r]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?[ \\t\\n\\x0B\\f\\r]*");

    private static DaemonProblem hashLenient(Option o, String value) {
        if (!value.startsWith("#") || Atoi.isExact(value.substring(1))) {
            return null;
        }
        String what = o.type() == Type.GROUP || o.type() == Type.SCRIPT_GROUP ? "gid" : "uid";
        int id = Atoi.parseInt(value.substring(1));
        String suggestion = Atoi.parse(value.substring(1)) > 0 ? o.name() + "=#" + id : null;
        return new DaemonProblem(Kind.LENIENT_NUMBER, o.name(), value, null, show(o.name(), value) + " is read as "
                + what + " " + Integer.toUnsignedString(id) + ": mod_wsgi reads it with atoi, which "
                + how(null, value.substring(1)) + ", and says nothing", suggestion != null ? "Write " + suggestion
                        : "Write the " + what + " in digits after '#', or the name", suggestion);
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
        if (value.isEmpty() || exact(o, value)) {
            return null;
        }
        int glue = glue(value);
        String glued = glue > 0 ? "; '" + value.substring(glue) + "' is glued to the value before it" : "";
        return "reads as " + read(o, value) + " (" + function(o) + " " + how(o, value) + glued + ")";
    }

    /** True when the text is a plain whole number mod_wsgi reads as written. */
    private static boolean exact(Option o, String value) {
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

    private static long read(Option o, String value) {
        return o.wide() ? Atoi.parse(value) : Atoi.parseInt(value);
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

    private static final Pattern HEX = Pattern.compile("[+]?0[xX]([0-9a-fA-F]+)");
    private static final Pattern NUMBER = Pattern.compile(
            "([+-]?)(\\d{1,3}(?:[,_]\\d{3})+|\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([+-]?\\d{1,3}))?\\s*([A-Za-z]*)");

    /**
     * The number the text means to a person, in the option's unit: {@code 500M} bytes is 524288000,
     * {@code 1k} requests is 1000, {@code 5m} seconds is 300, {@code 0x100} is 256. Null when it cannot be told.
     */
    static Long intended(Option o, String value) {
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
    private static BigDecimal said(Option o, String value) {
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

    /** {@code name=value}, the value quoted when it is empty-looking or holds white space or quotes. */
    static String show(String name, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (CType.isSpace(c) || c == '"' || c == '\'') {
                quote = true;
                break;
            }
        }
        return quote ? name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : name + "=" + value;
    }
}
