package io.github.footprint.model.pylons;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Location;
import io.github.footprint.base.PythonInt;
import io.github.footprint.model.ModelParameters;
import io.github.footprint.parse.ini.Setting;

/**
 * A SQLAlchemy engine configured in an app's settings: the keys under one prefix ({@code sqlalchemy.},
 * {@code sqlalchemy.default.}, or a prefix the user declared), with the pool sizing SQLAlchemy will use and where
 * each value is written. An engine is "read" when the application's code calls {@code engine_from_config} with its
 * prefix ({@link ModelParameters#sqlalchemyPrefixes()}); the others are declared in the INI but reach no engine as
 * written (FP303).
 */
public final class SqlEngine {
    /** SQLAlchemy's QueuePool defaults. */
    public static final int DEFAULT_POOL_SIZE = 5;
    public static final int DEFAULT_MAX_OVERFLOW = 10;
    /** QueuePool's {@code timeout} (engine key {@code pool_timeout}), seconds. */
    public static final int DEFAULT_POOL_TIMEOUT = 30;

    /** An integer followed by a comment that configparser keeps in the value (FP301). */
    private static final Pattern NUMBER_THEN_COMMENT = Pattern.compile("^\\s*([+-]?\\d+)\\s+[#;].*$",
            Pattern.DOTALL);

    private final String prefix;
    private final Map<String, Setting> options;
    private final boolean read;
    private final Integer poolSize;
    private final Integer maxOverflow;
    private final Integer poolTimeout;
    private final Location location;

    SqlEngine(String prefix, Map<String, Setting> options, boolean read) {
        this.prefix = prefix;
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        this.read = read;
        this.poolSize = coerced("pool_size", DEFAULT_POOL_SIZE);
        this.maxOverflow = coerced("max_overflow", DEFAULT_MAX_OVERFLOW);
        this.poolTimeout = coerced("pool_timeout", DEFAULT_POOL_TIMEOUT);
        Setting url = options.get("url");
        this.location = url != null ? url.location() : options.values().iterator().next().location();
    }

    /** SQLAlchemy's {@code asint} coercion of a config value: Python's {@code int()}, the default when absent. */
    private Integer coerced(String option, int dflt) {
        Setting s = options.get(option);
        return s == null ? Integer.valueOf(dflt) : s.value() == null ? null : PythonInt.of(s.value());
    }

    /** The key prefix, such as {@code sqlalchemy.} or {@code sqlalchemy.default.}. */
    public String prefix() {
        return prefix;
    }

    /** The options under the prefix ({@code url}, {@code pool_size}...), as the app's config holds them. */
    public Map<String, Setting> options() {
        return options;
    }

    /** True when {@code engine_from_config} is called with this prefix. */
    public boolean read() {
        return read;
    }

    /** The {@code url}, interpolated, or null. */
    public String url() {
        Setting url = options.get("url");
        return url == null ? null : url.value();
    }

    /**
     * True when {@code pool_size} or {@code max_overflow} is written but is no integer Python's {@code int()} reads
     * (a trailing comment, a word): SQLAlchemy's {@code asint} raises ValueError when the engine is created, so the
     * pool's size is not known.
     */
    public boolean sizeUnreadable() {
        return poolSize == null || maxOverflow == null;
    }

    /**
     * The setting whose value is no integer ({@code pool_size} first), or null when both read.
     */
    public Setting unreadableSetting() {
        return poolSize == null ? options.get("pool_size") : maxOverflow == null ? options.get("max_overflow") : null;
    }

    /**
     * {@code pool_size} as its author meant it: the value when it reads, else the integer before a comment that
     * configparser keeps in the value ({@code 3     # 5 is default}: 3); null when neither.
     */
    public Integer meantPoolSize() {
        return meant("pool_size", poolSize);
    }

    /** {@code max_overflow} as its author meant it, as {@link #meantPoolSize()}. */
    public Integer meantMaxOverflow() {
        return meant("max_overflow", maxOverflow);
    }

    private Integer meant(String option, Integer read) {
        if (read != null) {
            return read;
        }
        Setting s = options.get(option);
        Matcher m = s == null || s.value() == null ? null : NUMBER_THEN_COMMENT.matcher(s.value());
        return m != null && m.matches() ? PythonInt.of(m.group(1)) : null;
    }

    /** {@code pool_size} as written, the default when absent, null when it is not an integer Python reads. */
    public Integer poolSize() {
        return poolSize;
    }

    /** {@code max_overflow} likewise. */
    public Integer maxOverflow() {
        return maxOverflow;
    }

    /** {@code pool_timeout} likewise (seconds). */
    public Integer poolTimeout() {
        return poolTimeout;
    }

    /** The {@code url} key (or the first key of the engine). */
    public Location location() {
        return location;
    }

    /** Where {@code pool_size} is written, or null when the default applies. */
    public Location poolSizeLocation() {
        return where("pool_size");
    }

    /** Where {@code max_overflow} is written, or null when the default applies. */
    public Location maxOverflowLocation() {
        return where("max_overflow");
    }

    /** Where {@code pool_timeout} is written, or null when the default applies. */
    public Location poolTimeoutLocation() {
        return where("pool_timeout");
    }

    private Location where(String option) {
        Setting s = options.get(option);
        return s == null ? null : s.location();
    }

    /**
     * At most how many connections the pool hands out at once: {@code pool_size + max_overflow}; null when
     * unlimited ({@code pool_size = 0}, or {@code max_overflow} negative) or unknown ({@link #sizeUnreadable()}).
     */
    public Integer limit() {
        if (poolSize == null || maxOverflow == null || poolSize == 0 || maxOverflow < 0) {
            return null;
        }
        return poolSize + maxOverflow;
    }

    @Override
    public String toString() {
        return prefix + " " + options.keySet() + (read ? "" : " (not read)");
    }
}
