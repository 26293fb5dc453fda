package io.github.footprint.source;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Platform;
import io.github.footprint.source.install.InstallStep;

/**
 * Which distribution's stock tree surrounds a project that has no httpd main file, and why: the {@code platform}
 * parameter, or, for {@code auto}, the project's layout. Debian: a folder named like Debian's
 * ({@code sites-available/}, {@code sites-enabled/}, {@code conf-available/}, {@code conf-enabled/},
 * {@code mods-available/}, {@code mods-enabled/}), a host path under {@code /etc/apache2/} (an install step, an
 * overlay), an {@code a2ensite}/{@code a2enmod} step, or in an httpd file a variable of Debian's {@code envvars}
 * ({@code ${APACHE_LOG_DIR}}) or a path under {@code /etc/apache2/} or {@code /var/log/apache2/}. httpd (RHEL's
 * layout is upstream's with {@code conf.d/} and {@code conf.modules.d/} added): a {@code conf.d/} or
 * {@code conf.modules.d/} folder, a host path under {@code /etc/httpd/} or {@code /usr/local/apache2/}, a path under
 * {@code /etc/httpd/} or {@code /var/log/httpd/} in an httpd file. Folders count first, then host paths, then what
 * the files say; at each level Debian before httpd. Without any of these: none.
 */
public final class PlatformChoice {
    private static final List<String> DEBIAN_FOLDERS = List.of("sites-available", "sites-enabled", "conf-available",
            "conf-enabled", "mods-available", "mods-enabled");
    private static final List<String> HTTPD_FOLDERS = List.of("conf.d", "conf.modules.d");
    private static final Pattern DEBIAN_TEXT = Pattern.compile("\\$\\{(APACHE_LOG_DIR|APACHE_RUN_USER|APACHE_RUN_GROUP"
            + "|APACHE_PID_FILE|APACHE_RUN_DIR|APACHE_LOCK_DIR)\\}|(/etc/apache2/|/var/log/apache2/)");
    private static final Pattern HTTPD_TEXT = Pattern.compile("(/etc/httpd/|/var/log/httpd/)");

    private final Platform platform;
    private final boolean auto;
    private final String reason;
    private final boolean applied;

    private PlatformChoice(Platform platform, boolean auto, String reason, boolean applied) {
        this.platform = platform;
        this.auto = auto;
        this.reason = reason;
        this.applied = applied;
    }

    /** What a project with its own main httpd file gets: its own server, no platform around it. */
    public static PlatformChoice ownServer(Optional<Platform> requested) {
        return new PlatformChoice(requested.orElse(Platform.NONE), requested.isEmpty(), "the project's own main httpd"
                + " file", false);
    }

    /** What a project without any httpd file gets: no server is read, no platform around it. */
    public static PlatformChoice noServer(Optional<Platform> requested) {
        return new PlatformChoice(requested.orElse(Platform.NONE), requested.isEmpty(), "the project has no httpd"
                + " file", false);
    }

    /**
     * The platform for a project without a main httpd file.
     *
     * @param requested the {@code platform} parameter, empty for {@code auto}
     * @param apacheVersion {@code 2.2} or {@code 2.4}: the stock trees are httpd 2.4's, so 2.2 gets none
     */
    public static PlatformChoice decide(Optional<Platform> requested, SourceSet sources, Placement placement,
            String apacheVersion) {
        if (requested.isPresent()) {
            return new PlatformChoice(requested.get(), false, "parameter platform=" + requested.get().label(), true);
        }
        if ("2.2".equals(apacheVersion)) {
            return new PlatformChoice(Platform.NONE, true, "apacheVersion 2.2: the stock trees are httpd 2.4's", true);
        }
        String why = folder(sources, DEBIAN_FOLDERS);
        if (why != null) {
            return new PlatformChoice(Platform.DEBIAN, true, why, true);
        }
        why = folder(sources, HTTPD_FOLDERS);
        if (why != null) {
            return new PlatformChoice(Platform.HTTPD, true, why, true);
        }
        why = hostPath(placement, List.of("/etc/apache2/"), true);
        if (why != null) {
            return new PlatformChoice(Platform.DEBIAN, true, why, true);
        }
        why = hostPath(placement, List.of("/etc/httpd/", "/usr/local/apache2/"), false);
        if (why != null) {
            return new PlatformChoice(Platform.HTTPD, true, why, true);
        }
        why = text(sources, DEBIAN_TEXT);
        if (why != null) {
            return new PlatformChoice(Platform.DEBIAN, true, why, true);
        }
        why = text(sources, HTTPD_TEXT);
        if (why != null) {
            return new PlatformChoice(Platform.HTTPD, true, why, true);
        }
        return new PlatformChoice(Platform.NONE, true, "no distribution's layout in the project", true);
    }

    /** The first folder of those names, in tree order: {@code folder rendered/etc/apache2/sites-enabled/}. */
    private static String folder(SourceSet sources, List<String> names) {
        for (String t : sources.treePaths()) {
            String[] parts = t.split("/");
            for (int i = 0; i < parts.length - 1; i++) {
                if (names.contains(parts[i])) {
                    return "folder " + display(sources, String.join("/", java.util.Arrays.asList(parts).subList(0,
                            i + 1))) + "/";
                }
            }
        }
        return null;
    }

    private static String display(SourceSet sources, String treePath) {
        String root = sources.sourceRoot();
        return ".".equals(root) ? treePath : root + "/" + treePath;
    }

    /** The first host path of a project file under one of the roots, or (Debian) an a2en/a2dis step. */
    private static String hostPath(Placement placement, List<String> roots, boolean toggles) {
        for (InstallStep s : placement.steps()) {
            for (String p : s.kind() == InstallStep.Kind.LINK ? s.target() : s.paths()) {
                for (String r : roots) {
                    if (p.startsWith(r)) {
                        return s.tool() + " step at " + s.location() + " (" + HostPattern.display(p) + ")";
                    }
                }
            }
            if (toggles && (s.kind() == InstallStep.Kind.ENABLE || s.kind() == InstallStep.Kind.DISABLE)) {
                return s.tool() + " step at " + s.location() + " (" + (s.kind() == InstallStep.Kind.ENABLE ? "a2en"
                        : "a2dis") + s.unit().name().toLowerCase(java.util.Locale.ROOT).replace("module", "mod")
                        + " " + s.name() + ")";
            }
        }
        for (java.util.Map.Entry<String, List<Placement.Place>> e : placement.all().entrySet()) {
            for (Placement.Place p : e.getValue()) {
                for (String r : roots) {
                    if (p.hostPath().startsWith(r)) {
                        return "host path " + HostPattern.display(p.hostPath()) + " (" + p.describe() + ")";
                    }
                }
            }
        }
        return null;
    }

    /** The first httpd file line that names such a variable or path: {@code ${APACHE_LOG_DIR} at x.conf:44}. */
    private static String text(SourceSet sources, Pattern pattern) {
        for (SourceFile f : sources.files(FileKind.APACHE)) {
            if (!f.parseable()) {
                continue;
            }
            for (int i = 0; i < f.lineCount(); i++) {
                String line = f.lines().get(i);
                if (line.trim().startsWith("#")) {
                    continue;
                }
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m.group() + " at " + f.displayPath() + ":" + f.templateLine(i);
                }
            }
        }
        return null;
    }

    /** The platform. */
    public Platform platform() {
        return platform;
    }

    /** True when the {@code platform} parameter was {@code auto}. */
    public boolean auto() {
        return auto;
    }

    /** Why: the parameter, or what in the project's layout chose it. */
    public String reason() {
        return reason;
    }

    /** True when the project has no main httpd file, so the platform (or, for none, the mpm parameter) applies. */
    public boolean applied() {
        return applied;
    }

    /** {@code platform=debian (auto: folder x/sites-enabled/)}. */
    public String describe() {
        return "platform=" + platform.label() + (auto ? " (auto: " + reason + ")" : "");
    }

    @Override
    public String toString() {
        return describe();
    }
}
