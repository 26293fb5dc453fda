package io.github.footprint.parse.wsgi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.CType;
import io.github.footprint.base.EditDistance;

/**
 * The options of {@code WSGIDaemonProcess} per mod_wsgi version, with the value each takes and the check
 * mod_wsgi's {@code wsgi_add_daemon_process} makes of it, message for message (docs/domain/mod_wsgi.md#daemon-options;
 * the 4.9.4
 * messages are the strings of Debian's {@code mod_wsgi.so} and were checked with {@code apache2 -t}).
 *
 * <p>Versions 4.5.13 to 5.0.2 know the same 43 options; 6.0.0 adds {@code switch-interval} and
 * {@code interrupt-timeout} and drops the two {@code newrelic-*} options; 6.0.2 adds {@code response-flush-delay}.
 * A version written with two parts ({@code 4.9}) is read as its {@code .0} release.
 */
public final class WsgiOptions {
    /** What an option's value is, which decides how mod_wsgi reads and checks it. */
    public enum Type {
        /** {@code user}: a user name or {@code #uid}; empty or uid 0 refused. */
        USER,
        /** {@code group}: a group name or {@code #gid}; empty refused. */
        GROUP,
        /** {@code supplementary-groups}: comma-separated group names, at most NGROUPS_MAX with the group. */
        GROUPS,
        /** {@code processes}: {@code atoi}, at least 1. */
        PROCESSES,
        /** {@code threads}: {@code atoi}, 0 (1 before 4.6.0) to 65533. */
        THREADS,
        /** {@code umask}: {@code strtol} base 8, every character used, not negative. */
        UMASK,
        /** {@code chroot}: starts with {@code /}. */
        CHROOT,
        /** {@code home}: starts with {@code /}. */
        HOME,
        /** Text mod_wsgi does not check. */
        TEXT,
        /** {@code switch-interval}: seconds as a decimal fraction, above 0. */
        FLOAT_SECONDS,
        /** {@code stack-size}: {@code atoi} bytes, above 0. */
        STACK_SIZE,
        /** A count read with {@code atoi}, 0 or more. */
        COUNT,
        /** Whole seconds read with {@code atoi}, 0 or more. */
        SECONDS,
        /** Milliseconds read with {@code atoi}, 0 or more. */
        MILLISECONDS,
        /** A socket buffer size in bytes read with {@code atoi}: 0 or at least a minimum. */
        BUFFER,
        /** {@code cpu-priority}: {@code atoi}, not range-checked. */
        PRIORITY,
        /** Bytes read with {@code apr_atoi64}, 0 or more. */
        BYTES,
        /** {@code On} or {@code Off}, any case. */
        FLAG,
        /** {@code socket-user}: a user name or {@code #uid}; empty refused. */
        SOCKET_USER,
        /** {@code script-user}: a user name or {@code #uid}; empty refused. */
        SCRIPT_USER,
        /** {@code script-group}: a group name or {@code #gid}; empty refused. */
        SCRIPT_GROUP
    }

    /** mod_wsgi's message for an option that is not {@code name=value} or not an option of the version. */
    public static final String INVALID_OPTION = "Invalid option to WSGI daemon process definition.";
    /** mod_wsgi's message for a missing or empty daemon name. */
    public static final String NO_NAME = "Name of WSGI daemon process not supplied.";
    /** mod_wsgi's message for a daemon that would run as uid 0. */
    public static final String ROOT = "WSGI process blocked from running as root.";
    /** mod_wsgi's message when both {@code script-user} and {@code script-group} are given. */
    public static final String SCRIPT_USER_AND_GROUP = "Only one of script-user and script-group allowed.";
    /** mod_wsgi's message when {@code supplementary-groups} and {@code group} exceed NGROUPS_MAX (sic, no period). */
    public static final String TOO_MANY_GROUPS = "Too many supplementary groups WSGI daemon process";
    /** Linux's {@code sysconf(_SC_NGROUPS_MAX)}. */
    public static final int NGROUPS_MAX = 65536;
    /** {@code WSGI_STACK_LAST - 1}: the first thread count mod_wsgi refuses. */
    public static final int THREADS_LIMIT = 65534;

    /** A mod_wsgi release number, {@code major.minor.patch}. */
    public static final class Version implements Comparable<Version> {
        private final int major;
        private final int minor;
        private final int patch;
        private final String text;

        private Version(int major, int minor, int patch, String text) {
            this.major = major;
            this.minor = minor;
            this.patch = patch;
            this.text = text;
        }

        private static final java.util.regex.Pattern VERSION =
                java.util.regex.Pattern.compile("\\d{1,9}\\.\\d{1,9}(\\.\\d{1,9})?");

        /** {@code 4.9}, {@code 4.9.4}: a missing patch number is 0. Blanks around it are dropped. */
        public static Version parse(String s) {
            String t = s == null ? "" : s.trim();
            if (!VERSION.matcher(t).matches()) {
                throw new IllegalArgumentException("'" + s + "' is not a mod_wsgi version such as 4.9 or 4.9.4");
            }
            String[] p = t.split("\\.");
            int patch = p.length > 2 ? Integer.parseInt(p[2]) : 0;
            return new Version(Integer.parseInt(p[0]), Integer.parseInt(p[1]), patch, t);
        }

        static Version of(int major, int minor, int patch) {
            return new Version(major, minor, patch, major + "." + minor + "." + patch);
        }

        /** The releases just before this one: {@code 5.x} before 6.0.0, {@code 4.4.6} before 4.4.7. */
        public String before() {
            if (patch > 0) {
                return major + "." + minor + "." + (patch - 1);
            }
            return minor > 0 ? major + "." + (minor - 1) + ".x" : (major - 1) + ".x";
        }

        /** True when both have the same major and minor number. */
        public boolean sameMinor(Version o) {
            return major == o.major && minor == o.minor;
        }

        /** As written ({@code 4.9}). */
        @Override
        public String toString() {
            return text;
        }

        /** True when written without a patch number, so it was read as the {@code .0} release. */
        public boolean patchImplied() {
            return text.chars().filter(c -> c == '.').count() == 1;
        }

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            return c != 0 ? c : Integer.compare(patch, o.patch);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Version && compareTo((Version) o) == 0;
        }

        @Override
        public int hashCode() {
            return (major * 1000 + minor) * 1000 + patch;
        }
    }

    /** The release that first allowed {@code threads=0} (managed-process mode); before it, threads < 1 is refused. */
    public static final Version THREADS_ZERO_SINCE = Version.of(4, 6, 0);

    /** One option of {@code WSGIDaemonProcess}. */
    public static final class Option {
        private final String name;
        private final Type type;
        private final Version firstIn;
        private final Version removedIn;
        private final String invalid;
        private final int minimum;
        private final String belowMinimum;
        private final String defaultValue;

        private Option(String name, Type type, Version firstIn, Version removedIn, String invalid, int minimum,
                String belowMinimum, String defaultValue) {
            this.name = name;
            this.type = type;
            this.firstIn = firstIn;
            this.removedIn = removedIn;
            this.invalid = invalid;
            this.minimum = minimum;
            this.belowMinimum = belowMinimum;
            this.defaultValue = defaultValue;
        }

        public String name() {
            return name;
        }

        public Type type() {
            return type;
        }

        /** The first release that knows the option. */
        public Version firstIn() {
            return firstIn;
        }

        /** The first release that no longer knows it, if any. */
        public Optional<Version> removedIn() {
            return Optional.ofNullable(removedIn);
        }

        /** True when mod_wsgi {@code version} accepts the option name. */
        public boolean availableIn(Version version) {
            return version.compareTo(firstIn) >= 0 && (removedIn == null || version.compareTo(removedIn) < 0);
        }

        /** mod_wsgi's message for an empty or refused value; null for options it does not check. */
        public String invalidMessage() {
            return invalid;
        }

        /** The smallest size a {@link Type#BUFFER} takes besides 0. */
        public int minimum() {
            return minimum;
        }

        /** mod_wsgi's message for a {@link Type#BUFFER} between 1 and the minimum. */
        public String belowMinimumMessage() {
            return belowMinimum;
        }

        /** The value mod_wsgi uses when the option is absent, as digits, or null when it is not a number. */
        public String defaultValue() {
            return defaultValue;
        }

        /** The unit of a numeric value, plural: {@code bytes}, {@code seconds}; null for the others. */
        public String unit() {
            switch (type) {
            case STACK_SIZE:
            case BUFFER:
            case BYTES:
                return "bytes";
            case SECONDS:
            case FLOAT_SECONDS:
                return "seconds";
            case MILLISECONDS:
                return "milliseconds";
            case PROCESSES:
                return "processes";
            case THREADS:
                return "threads";
            case COUNT:
                return name.equals("maximum-requests") ? "requests" : "connections";
            default:
                return null;
            }
        }

        /** True for the options whose value mod_wsgi reads with {@code atoi} or {@code apr_atoi64}. */
        public boolean numeric() {
            switch (type) {
            case PROCESSES:
            case THREADS:
            case STACK_SIZE:
            case COUNT:
            case SECONDS:
            case MILLISECONDS:
            case BUFFER:
            case PRIORITY:
            case BYTES:
                return true;
            default:
                return false;
            }
        }

        /** True when the number is read as a 64-bit {@code apr_atoi64}, not a 32-bit {@code atoi}. */
        public boolean wide() {
            return type == Type.BYTES;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();
    private static final List<Option> ALL;

    private static final String FOR = " for WSGI daemon process.";

    private static void add(String name, Type type, String first, String removed, String invalid, String dflt) {
        add(name, type, first, removed, invalid, 0, null, dflt);
    }

    private static void add(String name, Type type, String first, String removed, String invalid, int minimum,
            String belowMinimum, String dflt) {
        OPTIONS.put(name, new Option(name, type, Version.parse(first), removed == null ? null : Version.parse(removed),
                invalid, minimum, belowMinimum, dflt));
    }

    static {
        // wsgi_add_daemon_process, in the order mod_wsgi tests them
        add("user", Type.USER, "1.0.0", null, "Invalid user" + FOR, null);
        add("group", Type.GROUP, "1.0.0", null, "Invalid group" + FOR, null);
        add("supplementary-groups", Type.GROUPS, "3.4.0", null, null, null);
        add("processes", Type.PROCESSES, "1.0.0", null, "Invalid process count" + FOR, "1");
        add("threads", Type.THREADS, "1.0.0", null, "Invalid thread count" + FOR, "15");
        add("umask", Type.UMASK, "1.0.0", null, "Invalid umask" + FOR, null);
        add("chroot", Type.CHROOT, "3.0.0", null, "Invalid chroot directory" + FOR, null);
        add("home", Type.HOME, "1.0.0", null, "Invalid home directory" + FOR, null);
        add("lang", Type.TEXT, "3.4.0", null, null, null);
        add("locale", Type.TEXT, "3.4.0", null, null, null);
        add("python-home", Type.TEXT, "3.4.0", null, null, null);
        add("python-path", Type.TEXT, "2.0.0", null, null, null);
        add("python-eggs", Type.TEXT, "2.0.0", null, null, null);
        add("switch-interval", Type.FLOAT_SECONDS, "6.0.0", null, "Invalid switch interval" + FOR, null);
        add("stack-size", Type.STACK_SIZE, "2.0.0", null, "Invalid stack size" + FOR, "0");
        add("maximum-requests", Type.COUNT, "1.0.0", null, "Invalid request count" + FOR, "0");
        add("startup-timeout", Type.SECONDS, "4.5.6", null, "Invalid startup timeout" + FOR, "0");
        add("shutdown-timeout", Type.SECONDS, "1.0.0", null, "Invalid shutdown timeout" + FOR, "5");
        add("deadlock-timeout", Type.SECONDS, "2.0.0", null, "Invalid deadlock timeout" + FOR, "300");
        add("inactivity-timeout", Type.SECONDS, "2.0.0", null, "Invalid inactivity timeout" + FOR, "0");
        add("request-timeout", Type.SECONDS, "4.1.0", null, "Invalid request timeout" + FOR, "0");
        add("interrupt-timeout", Type.SECONDS, "6.0.0", null, "Invalid interrupt timeout" + FOR, "0");
        add("graceful-timeout", Type.SECONDS, "4.1.0", null, "Invalid graceful timeout" + FOR, "15");
        add("eviction-timeout", Type.SECONDS, "4.4.7", null, "Invalid eviction timeout" + FOR, "0");
        add("restart-interval", Type.SECONDS, "4.5.12", null, "Invalid restart interval" + FOR, "0");
        add("connect-timeout", Type.SECONDS, "4.1.0", null, "Invalid connect timeout" + FOR, "15");
        add("socket-timeout", Type.SECONDS, "4.1.0", null, "Invalid socket timeout" + FOR, "0");
        add("queue-timeout", Type.SECONDS, "4.1.0", null, "Invalid queue timeout" + FOR, "0");
        add("listen-backlog", Type.COUNT, "4.1.0", null, "Invalid listen backlog" + FOR, "100");
        add("display-name", Type.TEXT, "2.0.0", null, null, null);
        add("send-buffer-size", Type.BUFFER, "2.0.0", null, "Invalid send buffer size" + FOR, 512,
                "Send buffer size must be >= 512 bytes, or 0 for system default.", "0");
        add("receive-buffer-size", Type.BUFFER, "2.0.0", null, "Invalid receive buffer size" + FOR, 512,
                "Receive buffer size must be >= 512 bytes, or 0 for system default.", "0");
        add("header-buffer-size", Type.BUFFER, "4.1.0", null, "Invalid header buffer size" + FOR, 8192,
                "Header buffer size must be >= 8192 bytes, or 0 for default.", "0");
        add("response-buffer-size", Type.BUFFER, "4.4.7", null, "Invalid response buffer size" + FOR, 65536,
                "Response buffer size must be >= 65536 bytes, or 0 for default.", "0");
        add("response-socket-timeout", Type.SECONDS, "4.5.13", null, "Invalid response socket timeout" + FOR, "0");
        add("response-flush-delay", Type.MILLISECONDS, "6.0.2", null, "Invalid response flush delay" + FOR, "5");
        add("socket-user", Type.SOCKET_USER, "4.4.1", null, "Invalid socket user" + FOR, null);
        add("script-user", Type.SCRIPT_USER, "3.0.0", null, "Invalid script user" + FOR, null);
        add("script-group", Type.SCRIPT_GROUP, "3.0.0", null, "Invalid script group" + FOR, null);
        add("cpu-time-limit", Type.SECONDS, "3.0.0", null, "Invalid CPU time limit" + FOR, "0");
        add("cpu-priority", Type.PRIORITY, "3.0.0", null, "Invalid CPU priority" + FOR, "0");
        add("memory-limit", Type.BYTES, "3.4.0", null, "Invalid memory limit" + FOR, "0");
        add("virtual-memory-limit", Type.BYTES, "3.4.0", null, "Invalid virtual memory limit" + FOR, "0");
        add("server-metrics", Type.FLAG, "4.2.0", null, "Invalid server metrics flag" + FOR, null);
        add("newrelic-config-file", Type.TEXT, "4.1.0", "6.0.0", null, null);
        add("newrelic-environment", Type.TEXT, "4.1.0", "6.0.0", null, null);
        // 4.3.1 to 4.4.6 only; its check is not recorded, so its value is not judged
        add("proxy-buffer-size", Type.TEXT, "4.3.1", "4.4.7", null, null);
        ALL = List.copyOf(OPTIONS.values());
    }

    private WsgiOptions() {
    }

    /** Every option any release knows, in mod_wsgi's order. */
    public static List<Option> all() {
        return ALL;
    }

    /** The options of one release, in mod_wsgi's order. */
    public static List<Option> in(Version version) {
        List<Option> out = new ArrayList<>();
        for (Option o : OPTIONS.values()) {
            if (o.availableIn(version)) {
                out.add(o);
            }
        }
        return out;
    }

    /** The option of this exact (case-sensitive) name in any release. */
    public static Optional<Option> byName(String name) {
        return Optional.ofNullable(OPTIONS.get(name));
    }

    /**
     * The option a wrong name most likely means: the same name in another case or with {@code _} for {@code -},
     * else the one name within two edits ({@code threds}); empty when there is none or more than one.
     */
    public static Optional<Option> meant(String written) {
        String norm = written.toLowerCase(Locale.ROOT).replace('_', '-');
        Option exact = OPTIONS.get(norm);
        if (exact != null) {
            return Optional.of(exact);
        }
        Option best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (Option o : OPTIONS.values()) {
            int d = EditDistance.between(norm, o.name);
            if (d < bestDistance) {
                best = o;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        int allowed = norm.length() <= 4 ? 1 : 2;
        return best != null && !tie && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * mod_wsgi's verdict on one value of an option the release knows: its message when httpd refuses the line,
     * null when it accepts the value. Host facts it cannot know (whether a user or group name exists, whether a
     * {@code #uid} has a passwd entry) are taken as fine; Apache is taken to start as root, as it does in service
     * (mod_wsgi refuses {@code chroot} otherwise).
     */
    public static String check(Option o, String value, Version version) {
        switch (o.type) {
        case USER:
            if (value.isEmpty()) {
                return o.invalid;
            }
            return uid(value) == 0 ? ROOT : null;
        case GROUP:
        case SOCKET_USER:
        case SCRIPT_USER:
        case SCRIPT_GROUP:
        case PRIORITY:
            return value.isEmpty() ? o.invalid : null;
        case GROUPS:
            return groups(value) + 1 > NGROUPS_MAX ? TOO_MANY_GROUPS : null;
        case PROCESSES:
            return value.isEmpty() || Atoi.parseInt(value) < 1 ? o.invalid : null;
        case THREADS: {
            if (value.isEmpty()) {
                return o.invalid;
            }
            int t = Atoi.parseInt(value);
            int least = version.compareTo(THREADS_ZERO_SINCE) >= 0 ? 0 : 1;
            return t < least || t >= THREADS_LIMIT ? o.invalid : null;
        }
        case UMASK:
            return value.isEmpty() || !umaskValid(value) ? o.invalid : null;
        case CHROOT:
        case HOME:
            return value.startsWith("/") ? null : o.invalid;
        case FLOAT_SECONDS: {
            Double d = leadingDouble(value);
            return d == null || d <= 0 ? o.invalid : null;
        }
        case STACK_SIZE:
            return value.isEmpty() || Atoi.parseInt(value) <= 0 ? o.invalid : null;
        case COUNT:
        case SECONDS:
        case MILLISECONDS:
            return value.isEmpty() || Atoi.parseInt(value) < 0 ? o.invalid : null;
        case BUFFER: {
            if (value.isEmpty()) {
                return o.invalid;
            }
            int b = Atoi.parseInt(value);
            return b < o.minimum && b != 0 ? o.belowMinimum : null;
        }
        case BYTES:
            return value.isEmpty() || Atoi.parse(value) < 0 ? o.invalid : null;
        case FLAG:
            return value.equalsIgnoreCase("On") || value.equalsIgnoreCase("Off") ? null : o.invalid;
        default:
            return null;
        }
    }

    /**
     * The uid {@code ap_uname2id} gives: {@code atoi} of what follows {@code #}, 0 for {@code root}, -1 for any other
     * name (the host's passwd decides; unknown here).
     */
    static long uid(String user) {
        if (user.startsWith("#")) {
            // ap_uname2id returns atoi() as a uid_t: only an int that is 0 is root
            return Atoi.parseInt(user.substring(1)) == 0 ? 0 : 1;
        }
        return user.equals("root") ? 0 : -1;
    }

    /** How many names {@code ap_getword(..., ',')} takes from the list before the first empty one. */
    public static int groups(String list) {
        int n = 0;
        int start = 0;
        while (start < list.length()) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            if (end == start) {
                break;
            }
            n++;
            start = end + 1;
            if (comma < 0) {
                break;
            }
        }
        return n;
    }

    /** glibc {@code strtol(value, &end, 8)} with {@code *end == 0}, no ERANGE and a result of 0 or more. */
    static boolean umaskValid(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && CType.isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int digits = i;
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
            v = v.shiftLeft(3).add(java.math.BigInteger.valueOf(s.charAt(i) - '0'));
            i++;
        }
        if (i == digits) {
            // no digits: strtol leaves the end at the start of the text, which is not its end
            return false;
        }
        if (i != n) {
            return false;
        }
        if (neg) {
            v = v.negate();
        }
        boolean range = v.bitLength() <= 63;
        return range && v.signum() >= 0;
    }

    /** The number {@code strtod} reads from the start of the text (decimal forms only), or null when none. */
    public static Double leadingDouble(String s) {
        java.util.regex.Matcher m = LEADING_DOUBLE.matcher(s);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static final java.util.regex.Pattern LEADING_DOUBLE =
            java.util.regex.Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*([+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
}
