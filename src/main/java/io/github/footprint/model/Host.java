package io.github.footprint.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.footprint.base.Platform;
import io.github.footprint.base.Sizes;

/**
 * The user's statements about the target host and the application (README.md#parameters-of-check): the budgets the
 * footprint is
 * held against, and the few facts a static reading cannot see. Immutable.
 *
 * <p>Every statement is one {@link Parameter}: its name in the pom, its kind (which gives the accepted range and
 * the words of the error), and its default. Adding a statement is one constant there and one accessor here; the
 * request parser reads every parameter from the table, for the goal and for each environment.
 */
public final class Host {
    /**
     * What one loaded application adds to a process when the user gives no {@code appRss}: 40 MiB, the measured
     * import cost of CPython 3.11 with SQLAlchemy (and its ORM), Paste, PasteDeploy and psycopg2: 49 MB RSS against
     * 8 MB for a bare interpreter (docs/memory-model.md#apprss), rounded down to a power-of-two unit users recognise.
     */
    public static final long DEFAULT_APP_RSS = 40L * 1024 * 1024;

    /** The cores assumed for the target host when the user gives no {@code cpuCores}: a small VPS. */
    public static final int DEFAULT_CPU_CORES = 2;

    /** How a parameter's text is read, which values it accepts, and what the user is told otherwise. */
    public enum Kind {
        /** A size of 0 or more bytes ({@code 40M}, {@code 2GiB}, bytes). */
        SIZE,
        /** A size of 1 byte or more; blank means no budget. */
        BUDGET,
        /** A whole number from 1 to 999,999,999; blank means the default. */
        COUNT,
        /** One word of a fixed list (any case), kept as its index in the list; blank means the default. */
        CHOICE;

        /**
         * The value of the text, or empty for a blank budget, count or choice (its default applies).
         *
         * @param name how the message names the parameter ({@code memory}, {@code environment small memory})
         * @param example the count a message offers as an example
         * @param choices the words a choice accepts, in the order of their values
         * @throws IllegalArgumentException with the message for the user when the text is not a value of this kind
         */
        OptionalLong read(String name, String text, String example, List<String> choices) {
            if (this != SIZE && (text == null || text.isBlank())) {
                return OptionalLong.empty();
            }
            if (this == CHOICE) {
                int i = choices.indexOf(text.trim().toLowerCase(Locale.ROOT));
                if (i < 0) {
                    throw new IllegalArgumentException(name + " '" + text + "' is not one of "
                            + String.join(", ", choices));
                }
                return OptionalLong.of(i);
            }
            if (this == COUNT) {
                String t = text.trim();
                if (!t.matches("\\d{1,9}") || Long.parseLong(t) == 0) {
                    throw new IllegalArgumentException(name + " '" + text
                            + "' is not a positive whole number: use a count such as " + example);
                }
                return OptionalLong.of(Long.parseLong(t));
            }
            long v = Sizes.parse(text);
            if (v < 0) {
                throw new IllegalArgumentException(name + " '" + text + "' is not a size: use " + Sizes.FORMS);
            }
            if (v > MAX_HOST_BYTES) {
                throw new IllegalArgumentException(name + " '" + text + "' is more than any host has: at most 4 PiB"
                        + " (4194304G, the physical address space of x86-64 and arm64)");
            }
            if (this == BUDGET && v == 0) {
                throw new IllegalArgumentException(name + " '" + text + "' is zero: give the budget, or leave it unset");
            }
            return OptionalLong.of(v);
        }
    }

    /** The largest size a host parameter may have: 2^52 bytes (4 PiB), the 52-bit physical addresses of x86-64. */
    static final long MAX_HOST_BYTES = 1L << 52;

    /** The host parameters: name in the pom (and {@code footprint.<name>} on the command line), kind, default. */
    public enum Parameter {
        REQUEST_GROWTH("requestGrowth", Kind.SIZE, 0L, null),
        VIRTUAL_MEMORY("virtualMemory", Kind.BUDGET, null, null),
        MEMORY("memory", Kind.BUDGET, null, null),
        DATABASE_CONNECTIONS("databaseConnections", Kind.COUNT, null, "100"),
        APP_RSS("appRss", Kind.SIZE, DEFAULT_APP_RSS, null),
        CPU_CORES("cpuCores", Kind.COUNT, (long) DEFAULT_CPU_CORES, "2"),
        /** Identical application hosts behind a balancer, all on one database. */
        HOSTS("hosts", Kind.COUNT, 1L, "3"),
        /**
         * The distribution around a project without an httpd main file: {@code auto} (0, decided from the layout) or
         * a {@link Platform}.
         */
        PLATFORM("platform", Kind.CHOICE, 0L, null, List.of("auto", Platform.DEBIAN.label(), Platform.HTTPD.label(),
                Platform.NONE.label()));

        private final String pomName;
        private final Kind kind;
        private final Long dflt;
        private final String example;
        private final List<String> choices;

        /** @param dflt the value when the user gives none; null: none (a budget left unset) */
        Parameter(String pomName, Kind kind, Long dflt, String example) {
            this(pomName, kind, dflt, example, List.of());
        }

        Parameter(String pomName, Kind kind, Long dflt, String example, List<String> choices) {
            this.pomName = pomName;
            this.kind = kind;
            this.dflt = dflt;
            this.example = example;
            this.choices = choices;
        }

        /** The parameter's name in the pom: {@code memory}, {@code cpuCores}. */
        public String pomName() {
            return pomName;
        }

        public Kind kind() {
            return kind;
        }

        /** The parameter of that pom name. */
        public static Optional<Parameter> byPomName(String name) {
            for (Parameter p : values()) {
                if (p.pomName.equals(name)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /**
         * Reads a value as the user wrote it; empty when the text is blank and the kind lets a blank fall back.
         *
         * @param where what comes before the name in a message: empty for the goal, {@code environment small } for
         *     an environment
         * @throws IllegalArgumentException with the message for the user
         */
        public OptionalLong read(String where, String text) {
            return kind.read(where + pomName, text, example, choices);
        }
    }

    private static final Host DEFAULTS = new Host(defaults(new EnumMap<>(Parameter.class)));

    private final Map<Parameter, Long> values;

    private Host(Map<Parameter, Long> values) {
        this.values = values;
    }

    private static Map<Parameter, Long> defaults(EnumMap<Parameter, Long> m) {
        for (Parameter p : Parameter.values()) {
            if (p.dflt != null) {
                m.put(p, p.dflt);
            }
        }
        return m;
    }

    /** No budget, {@code appRss} 40 MiB, 2 cores, no request growth. */
    public static Host defaults() {
        return DEFAULTS;
    }

    /** A copy with one parameter set to a value already read by {@link Parameter#read}. */
    public Host with(Parameter p, long value) {
        EnumMap<Parameter, Long> m = new EnumMap<>(Parameter.class);
        m.putAll(values);
        m.put(p, value);
        return new Host(m);
    }

    /** The parameter's value; empty when it has no default and the user gave none. */
    public OptionalLong value(Parameter p) {
        Long v = values.get(p);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private long given(Parameter p) {
        return values.get(p);
    }

    /** Resident memory the host gives this stack, in bytes; empty when not given (no budget). */
    public OptionalLong memory() {
        return value(Parameter.MEMORY);
    }

    /** The address-space budget in bytes; empty when not given. */
    public OptionalLong virtualMemory() {
        return value(Parameter.VIRTUAL_MEMORY);
    }

    /** Connections the database allows the application on all its {@link #hosts()} together; empty when not given. */
    public OptionalLong databaseConnections() {
        return value(Parameter.DATABASE_CONNECTIONS);
    }

    /** Bytes one loaded application adds to a process. */
    public long appRss() {
        return given(Parameter.APP_RSS);
    }

    /** Cores of the target host: glibc's arena cap is 8 per core. */
    public int cpuCores() {
        return (int) given(Parameter.CPU_CORES);
    }

    /** Bytes an application process gains per request (0: unknown). */
    public long requestGrowth() {
        return given(Parameter.REQUEST_GROWTH);
    }

    /** Identical application hosts behind a balancer, each as described here, all on one database (1 or more). */
    public int hosts() {
        return (int) given(Parameter.HOSTS);
    }

    /**
     * The distribution the user names for a project without an httpd main file; empty for {@code auto} (decided from
     * the project's layout).
     */
    public Optional<Platform> platform() {
        String word = Parameter.PLATFORM.choices.get((int) given(Parameter.PLATFORM));
        return Platform.parse(word);
    }
}
