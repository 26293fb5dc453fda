package io.github.footprint.source.install;

import java.util.List;

import io.github.footprint.base.Location;

/**
 * One thing a project's own install code does to the host that decides where a file lies or what httpd reads: an
 * Ansible task, a Puppet resource, a Chef resource. Host paths are canonical ({@link
 * io.github.footprint.source.HostPattern}): the destination as written first, then the literal paths the project's
 * own variable files make of it.
 */
public final class InstallStep {
    /** What the step does. */
    public enum Kind {
        /** Writes a project file ({@link #source()}, a tree path) at {@link #paths()}. */
        FILE,
        /** Makes a symbolic link at {@link #paths()} to {@link #target()} (host paths). */
        LINK,
        /** Removes what is at {@link #paths()}. */
        REMOVE,
        /** {@code a2ensite}/{@code a2enmod}/{@code a2enconf} {@link #name()} (Debian's helpers, or their wrappers). */
        ENABLE,
        /** {@code a2dissite}/{@code a2dismod}/{@code a2disconf} {@link #name()}. */
        DISABLE
    }

    /** What {@link Kind#ENABLE} and {@link Kind#DISABLE} act on. */
    public enum Unit {
        SITE("sites"), MODULE("mods"), CONF("conf");

        private final String folder;

        Unit(String folder) {
            this.folder = folder;
        }

        /** The stem of its folders: {@code sites} for {@code sites-available}/{@code sites-enabled}. */
        public String folder() {
            return folder;
        }
    }

    private final Kind kind;
    private final List<String> paths;
    private final String source;
    private final List<String> target;
    private final Unit unit;
    private final String name;
    private final Location location;
    private final String tool;

    private InstallStep(Kind kind, List<String> paths, String source, List<String> target, Unit unit, String name,
            Location location, String tool) {
        this.kind = kind;
        this.paths = List.copyOf(paths);
        this.source = source;
        this.target = List.copyOf(target);
        this.unit = unit;
        this.name = name;
        this.location = location;
        this.tool = tool;
    }

    /** A step that writes the project file {@code source} at the host paths. */
    public static InstallStep file(List<String> paths, String source, Location at, String tool) {
        return new InstallStep(Kind.FILE, paths, source, List.of(), null, null, at, tool);
    }

    /** A step that links each host path to the target (its alternatives). */
    public static InstallStep link(List<String> paths, List<String> target, Location at, String tool) {
        return new InstallStep(Kind.LINK, paths, null, target, null, null, at, tool);
    }

    /** A step that removes what is at the host paths. */
    public static InstallStep remove(List<String> paths, Location at, String tool) {
        return new InstallStep(Kind.REMOVE, paths, null, List.of(), null, null, at, tool);
    }

    /** {@code a2en*} ({@code enable}) or {@code a2dis*} of one site, module or conf. */
    public static InstallStep toggle(boolean enable, Unit unit, String name, Location at, String tool) {
        return new InstallStep(enable ? Kind.ENABLE : Kind.DISABLE, List.of(), null, List.of(), unit, name, at, tool);
    }

    public Kind kind() {
        return kind;
    }

    /** The host paths it acts on, canonical: as written first, then what the project's variables make of it. */
    public List<String> paths() {
        return paths;
    }

    /** {@link Kind#FILE}: the project file written there, as a tree path. */
    public String source() {
        return source;
    }

    /** {@link Kind#LINK}: the link's target, canonical, as written first. */
    public List<String> target() {
        return target;
    }

    /** {@link Kind#ENABLE}, {@link Kind#DISABLE}: what is enabled or disabled. */
    public Unit unit() {
        return unit;
    }

    /** {@link Kind#ENABLE}, {@link Kind#DISABLE}: its name as {@code a2ensite} takes it. */
    public String name() {
        return name;
    }

    /** Where the step is written (the task, resource or line). */
    public Location location() {
        return location;
    }

    /** {@code Ansible}, {@code Puppet} or {@code Chef}. */
    public String tool() {
        return tool;
    }

    @Override
    public String toString() {
        String what;
        switch (kind) {
            case FILE:
                what = source + " -> " + paths;
                break;
            case LINK:
                what = paths + " -> " + target;
                break;
            case REMOVE:
                what = "rm " + paths;
                break;
            default:
                what = (kind == Kind.ENABLE ? "a2en" : "a2dis") + unit.name().toLowerCase(java.util.Locale.ROOT) + " "
                        + name;
                break;
        }
        return tool + " " + location + ": " + what;
    }
}
