package io.github.footprint.findings;

import io.github.footprint.base.Location;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.memory.StackSize;

/** One mod_wsgi daemon group's effective values, as reports print them; its name and stack setting masked. */
public final class DaemonView {
    private final String name;
    private final int processes;
    private final int threads;
    private final long maximumRequests;
    private final Location location;
    private final String where;
    private final boolean stackKnown;
    private final long stackBytes;
    private final boolean stackDefault;
    private final String stackSetting;
    private final Location stackLocation;
    private final String stackWhere;

    private DaemonView(DaemonGroup g, StackSize stack, Redactor r) {
        this.name = r.mask(g.name());
        this.processes = g.processes();
        this.threads = g.threads();
        this.maximumRequests = g.maximumRequests();
        this.location = g.location();
        this.where = r.maskLocation(g.location().toString());
        this.stackKnown = stack.known();
        this.stackBytes = stack.bytes().orElse(0);
        this.stackDefault = stack.isDefault();
        this.stackSetting = stack.isDefault() ? null : r.mask(stack.setting());
        this.stackLocation = stack.isDefault() ? null : stack.location();
        this.stackWhere = stack.isDefault() ? "" : r.maskLocation(stack.location().toString());
    }

    /** @param stack the stack its request threads get */
    static DaemonView of(DaemonGroup g, StackSize stack, Redactor r) {
        return new DaemonView(g, stack, r);
    }

    /** The group's name, masked. */
    public String name() {
        return name;
    }

    public int processes() {
        return processes;
    }

    public int threads() {
        return threads;
    }

    public long maximumRequests() {
        return maximumRequests;
    }

    /** Where the group is defined. */
    public Location location() {
        return location;
    }

    /** {@code file:line} of {@link #location()}, masked. */
    public String where() {
        return where;
    }

    /** False when the request threads' stack is set by a value footprint cannot compute. */
    public boolean stackKnown() {
        return stackKnown;
    }

    /** The request threads' stack in bytes, when {@link #stackKnown()}. */
    public long stackBytes() {
        return stackBytes;
    }

    /** True when the stack is the default (nothing sets it). */
    public boolean stackDefault() {
        return stackDefault;
    }

    /** The setting that sizes the stack, masked; null for the default. */
    public String stackSetting() {
        return stackSetting;
    }

    /** Where the stack is set; null for the default. */
    public Location stackLocation() {
        return stackLocation;
    }

    /** {@code file:line} of {@link #stackLocation()}, masked; empty for the default. */
    public String stackWhere() {
        return stackWhere;
    }
}
