package io.github.footprint.model.mpm;

import io.github.footprint.base.Location;

/** One MPM sizing value: as configured (or compiled in), and as httpd will run with it after its checks. */
public final class MpmValue {
    private final MpmDirective directive;
    private final long configured;
    private final long effective;
    private final Location location;

    MpmValue(MpmDirective directive, long configured, long effective, Location location) {
        this.directive = directive;
        this.configured = configured;
        this.effective = effective;
        this.location = location;
    }

    /** The directive, such as {@link MpmDirective#MAX_REQUEST_WORKERS}. */
    public MpmDirective directive() {
        return directive;
    }

    /** The value as written ({@code atoi}), or the compiled-in default. */
    public long configured() {
        return configured;
    }

    /** The value httpd runs with. */
    public long effective() {
        return effective;
    }

    /** Where it is set, or null for the compiled-in default. */
    public Location location() {
        return location;
    }

    public boolean isDefault() {
        return location == null;
    }
}
