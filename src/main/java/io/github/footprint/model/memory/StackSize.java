package io.github.footprint.model.memory;

import java.util.OptionalLong;

import io.github.footprint.base.Location;

/**
 * The stack one kind of thread gets, and where that comes from: a directive or call that sizes those threads,
 * httpd's RLIMIT_STACK from its start-up ({@code ulimit -s}, {@code LimitSTACK=}), or glibc's default. A value
 * set by something footprint cannot compute is {@link Source#UNKNOWN}: no bytes, never a guess.
 */
public final class StackSize {
    /** Where a stack size comes from. */
    public enum Source {
        /** {@code ThreadStackSize}, {@code stack-size=}, {@code threading.stack_size(...)}. */
        SETTING,
        /** RLIMIT_STACK's soft limit from httpd's start-up: {@code ulimit -s N}, {@code LimitSTACK=N}. */
        RLIMIT,
        /** RLIMIT_STACK unlimited ({@code ulimit -s unlimited}, {@code LimitSTACK=infinity}): glibc's 2 MiB. */
        RLIMIT_UNLIMITED,
        /** Nothing sets it: glibc's default from the usual RLIMIT_STACK of 8192 KiB. */
        DEFAULT,
        /** Set by a value footprint cannot compute (a variable, a call, {@code $((...))}). */
        UNKNOWN
    }

    private final long bytes;
    private final Source source;
    private final String setting;
    private final Location location;

    private StackSize(long bytes, Source source, String setting, Location location) {
        this.bytes = bytes;
        this.source = source;
        this.setting = setting;
        this.location = location;
    }

    /** glibc's default: 8 MiB from the usual {@code ulimit -s 8192}. */
    static StackSize glibcDefault() {
        return new StackSize(ThreadMemory.DEFAULT_RLIMIT_STACK, Source.DEFAULT, null, null);
    }

    static StackSize of(long bytes, Source source, String setting, Location location) {
        return new StackSize(bytes, source, setting, location);
    }

    static StackSize unknown(String setting, Location location) {
        return new StackSize(0, Source.UNKNOWN, setting, location);
    }

    /** The stack in bytes; empty when {@link #known()} is false. */
    public OptionalLong bytes() {
        return source == Source.UNKNOWN ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    public boolean known() {
        return source != Source.UNKNOWN;
    }

    public Source source() {
        return source;
    }

    /** True when nothing in the project sets it: no directive, no call, no RLIMIT_STACK. */
    public boolean isDefault() {
        return source == Source.DEFAULT;
    }

    /** The setting as written ({@code stack-size=524288}, {@code ulimit -s 512}), or null for the default. */
    public String setting() {
        return setting;
    }

    /** Where it is set, or null for the default. */
    public Location location() {
        return location;
    }

    @Override
    public String toString() {
        return source + " " + bytes() + (setting == null ? "" : " " + setting + " at " + location);
    }
}
