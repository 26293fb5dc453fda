package io.github.footprint.model;

import io.github.footprint.findings.Location;

/** A SQLAlchemy engine configured in an app section: its prefix and pool sizing, with where each is set. */
public final class Engine {
    /** SQLAlchemy's QueuePool defaults. */
    public static final int DEFAULT_POOL_SIZE = 5;
    public static final int DEFAULT_MAX_OVERFLOW = 10;

    private final String prefix;
    private final Integer poolSize;
    private final Integer maxOverflow;
    private final Location location;
    private final Location poolSizeLocation;
    private final Location maxOverflowLocation;

    Engine(String prefix, Integer poolSize, Integer maxOverflow, Location location, Location poolSizeLocation,
            Location maxOverflowLocation) {
        this.prefix = prefix;
        this.poolSize = poolSize;
        this.maxOverflow = maxOverflow;
        this.location = location;
        this.poolSizeLocation = poolSizeLocation;
        this.maxOverflowLocation = maxOverflowLocation;
    }

    /** The key prefix, such as {@code sqlalchemy.} or {@code sqlalchemy.default.}. */
    public String prefix() {
        return prefix;
    }

    /** {@code pool_size} as written, the default when absent, null when it is not an integer Python reads. */
    public Integer poolSize() {
        return poolSize;
    }

    /** {@code max_overflow} likewise. */
    public Integer maxOverflow() {
        return maxOverflow;
    }

    /** The {@code url} key (or the first key of the engine). */
    public Location location() {
        return location;
    }

    /** Where {@code pool_size} is written, or null when the default applies. */
    public Location poolSizeLocation() {
        return poolSizeLocation;
    }

    /** Where {@code max_overflow} is written, or null when the default applies. */
    public Location maxOverflowLocation() {
        return maxOverflowLocation;
    }
}
