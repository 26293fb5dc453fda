package io.github.footprint.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.HostPaths;
import io.github.footprint.base.Platform;
import io.github.footprint.source.install.InstallStep;
import io.github.footprint.source.template.TemplateName;

/**
 * A distribution's stock httpd tree with the project's files standing in it as the host has them: what httpd reads
 * for a project that ships no main file of its own. The stock files come from the real packages (bundled with their
 * origin and licence, {@code io/github/footprint/platform/}); a project file stands where its host path puts it
 * ({@link Placement}: its install steps, an overlay layout), else in the distribution's folder its own folder is
 * named like ({@code sites-available/}, {@code conf.d/}...), else, for a vhost file of its own, among the enabled
 * sites ({@code sites-enabled/} on Debian, {@code conf.d/} for httpd); a file of the same name replaces the stock
 * one. The project's links and its install steps' links, {@code a2ensite}/{@code a2enmod}/{@code a2enconf} and
 * their {@code a2dis*} change what is enabled, in the steps' order. Stock files are read-only context: their tree
 * and display paths are {@code platform:debian/...}, never a project path.
 */
public final class PlatformTree {
    /** What every stock file's tree path (and display path) starts with. */
    public static final String PREFIX = io.github.footprint.base.Location.STOCK_PREFIX;

    private static final Pattern INCLUDE = Pattern.compile("^\\s*Include(?:Optional)?\\s+\"?([^\"\\s]+)\"?",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> DEBIAN_FOLDERS = List.of("sites-available", "sites-enabled", "conf-available",
            "conf-enabled", "mods-available", "mods-enabled");
    private static final List<String> HTTPD_FOLDERS = List.of("conf.d", "conf.modules.d");
    private static final Map<Platform, Stock> STOCK = Collections.synchronizedMap(new EnumMap<>(Platform.class));

    /** A platform's bundled files. */
    private static final class Stock {
        final Platform platform;
        final String root;
        final List<String> hostRoots;
        final String main;
        final Map<String, SourceFile> files = new TreeMap<>();
        final Map<String, String> links = new TreeMap<>();

        Stock(Platform platform, String resources, List<String> hostRoots, String main) {
            this.platform = platform;
            this.root = PREFIX + platform.label();
            this.hostRoots = hostRoots;
            this.main = main;
            for (String line : text(resources + "INDEX").split("\n")) {
                String[] w = line.trim().split("\\s+");
                if (w.length == 2 && w[0].equals("file")) {
                    String tree = root + "/" + w[1];
                    String text = text(resources + "tree/" + w[1]);
                    files.put(w[1], new SourceFile(tree, tree, FileKind.of(w[1]), text, SourceLoader.lineStarts(text),
                            null, List.of(), List.of(), true));
                } else if (w.length == 3 && w[0].equals("link")) {
                    links.put(w[1], resolve(w[1], w[2]));
                }
            }
        }

        private static String text(String resource) {
            try (InputStream in = PlatformTree.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("the plugin's resource " + resource + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the plugin's resource " + resource, e);
            }
        }
    }

    private static Stock stock(Platform p) {
        return STOCK.computeIfAbsent(p, k -> k == Platform.DEBIAN
                ? new Stock(k, "io/github/footprint/platform/debian12/", List.of("/etc/apache2"), "apache2.conf")
                : new Stock(k, "io/github/footprint/platform/httpd24/", List.of("/usr/local/apache2", "/etc/httpd"),
                        "conf/httpd.conf"));
    }

    /** A link's target as a path under the root: {@code ../mods-available/x.load} from {@code mods-enabled/x.load}. */
    private static String resolve(String link, String target) {
        if (target.startsWith("/")) {
            return null;
        }
        String dir = link.lastIndexOf('/') >= 0 ? link.substring(0, link.lastIndexOf('/')) : "";
        String r = HostPaths.normalise(dir.isEmpty() ? target : dir + "/" + target);
        return r.startsWith("..") ? null : r;
    }

    private final Platform platform;
    private final Stock stock;
    private final SourceSet sources;
    private final SourceFile main;
    private final SourceFile envvars;
    private final Set<SourceFile> disabled;
    private final Map<String, SourceFile> standing;

    private PlatformTree(Platform platform, Stock stock, SourceSet sources, SourceFile main, SourceFile envvars,
            Set<SourceFile> disabled, Map<String, SourceFile> standing) {
        this.platform = platform;
        this.stock = stock;
        this.sources = sources;
        this.main = main;
        this.envvars = envvars;
        this.disabled = disabled;
        this.standing = standing;
    }

    /**
     * The platform's tree around the project.
     *
     * @param platform {@link Platform#DEBIAN} or {@link Platform#HTTPD}
     */
    public static PlatformTree assemble(SourceSet project, Placement placement, Platform platform) {
        if (platform == Platform.NONE) {
            throw new IllegalArgumentException("platform none has no stock tree");
        }
        return new Assembly(project, placement, stock(platform)).build();
    }

    /** The platform. */
    public Platform platform() {
        return platform;
    }

    /** The project's files and the stock files together, the project's standing in the stock tree as links. */
    public SourceSet sources() {
        return sources;
    }

    /** The stock main file ({@code platform:debian/apache2.conf}). */
    public SourceFile main() {
        return main;
    }

    /** The stock tree's root as a tree path ({@code platform:debian}). */
    public String root() {
        return stock.root;
    }

    /** The platform's ServerRoot on the host ({@code /etc/apache2}, {@code /usr/local/apache2}). */
    public String hostRoot() {
        return stock.hostRoots.get(0);
    }

    /** The stock {@code envvars} ({@code apache2ctl} sources it), or null when the project's replaces it or none. */
    public SourceFile envvars() {
        return envvars;
    }

    /**
     * Whether httpd reads the file only where an Include reaches it: a stock file (httpd reads what the stock main
     * file includes, nothing else), or a project's file that stands in the tree only in {@code *-available}.
     */
    public boolean disabled(SourceFile f) {
        return f.treePath().startsWith(PREFIX) || disabled.contains(f);
    }

    /** Where each file stands in the tree (a path below {@link #root()}), links resolved, sorted. */
    public Map<String, SourceFile> standing() {
        return standing;
    }

    /** The modules httpd has compiled in, as {@code <IfModule>} tests them (identifier and source file). */
    public List<String> builtInModules() {
        if (platform == Platform.HTTPD) {
            // configure's defaults: core, mod_so, http and the MPM linked in (server/mpm, modules/http)
            return List.of("core.c", "core_module", "mod_so.c", "so_module", "http_core.c", "http_module",
                    "event.c", "mpm_event_module");
        }
        // Debian's apache2 binary (apache2ctl -l)
        return List.of("core.c", "core_module", "mod_so.c", "so_module", "mod_watchdog.c", "watchdog_module",
                "http_core.c", "http_module", "mod_log_config.c", "log_config_module", "mod_logio.c", "logio_module",
                "mod_version.c", "version_module", "mod_unixd.c", "unixd_module");
    }

    /**
     * Modules the host is taken to load beside the stock tree: mod_wsgi for upstream httpd, which does not ship it
     * (RHEL's mod_wsgi package and {@code mod_wsgi-express module-config} add its LoadModule); none for Debian, whose
     * tree here has mod_wsgi enabled.
     */
    public List<String> hostModules() {
        return platform == Platform.HTTPD ? List.of("wsgi_module", "mod_wsgi.c") : List.of();
    }

    /** The MPM linked into httpd ({@code event} for upstream's default build), or null when it is a module. */
    public String builtInMpm() {
        return platform == Platform.HTTPD ? "event" : null;
    }

    /** The distribution folders a project folder of the same name stands for. */
    private static List<String> folders(Platform p) {
        return p == Platform.DEBIAN ? DEBIAN_FOLDERS : HTTPD_FOLDERS;
    }

    /** Builds one tree. */
    private static final class Assembly {
        final SourceSet project;
        final Placement placement;
        final Stock stock;
        /** Path below the root to the file standing there. */
        final Map<String, SourceFile> files = new TreeMap<>();
        /** Path below the root to a link's target (below the root). */
        final Map<String, String> links = new TreeMap<>();
        final Map<SourceFile, Set<String>> placedAt = new LinkedHashMap<>();

        Assembly(SourceSet project, Placement placement, Stock stock) {
            this.project = project;
            this.placement = placement;
            this.stock = stock;
        }

        PlatformTree build() {
            files.putAll(stock.files);
            for (Map.Entry<String, String> e : stock.links.entrySet()) {
                if (e.getValue() != null) {
                    links.put(e.getKey(), e.getValue());
                }
            }
            Set<String> included = includedNames();
            for (String t : project.treePaths()) {
                SourceFile f = project.get(t).orElse(null);
                if (f == null || deployedName(t, f)) {
                    continue;
                }
                for (String at : standing(t, f, included)) {
                    links.remove(at);
                    files.put(at, f);
                    placedAt.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(at);
                }
            }
            for (InstallStep s : placement.steps()) {
                step(s);
            }
            Map<String, SourceFile> standing = new TreeMap<>(files);
            for (Map.Entry<String, String> e : links.entrySet()) {
                SourceFile target = follow(e.getValue());
                if (target != null) {
                    standing.put(e.getKey(), target);
                }
            }
            Set<SourceFile> disabled = new HashSet<>();
            for (SourceFile f : placedAt.keySet()) {
                boolean read = false;
                for (Map.Entry<String, SourceFile> e : standing.entrySet()) {
                    if (e.getValue() == f && !inAvailable(e.getKey())) {
                        read = true;
                        break;
                    }
                }
                if (!read) {
                    disabled.add(f);
                }
            }
            List<SourceFile> all = new ArrayList<>(project.files());
            Set<SourceFile> stockLeft = new LinkedHashSet<>();
            for (SourceFile f : standing.values()) {
                if (f.treePath().startsWith(PREFIX)) {
                    stockLeft.add(f);
                }
            }
            all.addAll(stockLeft);
            all.sort((a, b) -> a.treePath().compareTo(b.treePath()));
            Map<String, SourceFile> aliases = new LinkedHashMap<>(project.links());
            Set<String> dirs = new TreeSet<>(project.directories());
            for (Map.Entry<String, SourceFile> e : standing.entrySet()) {
                String tree = stock.root + "/" + e.getKey();
                if (!tree.equals(e.getValue().treePath())) {
                    aliases.put(tree, e.getValue());
                }
                for (int i = tree.indexOf('/'); i > 0; i = tree.indexOf('/', i + 1)) {
                    dirs.add(tree.substring(0, i));
                }
            }
            SourceSet combined = new SourceSet(project.sourceRoot(), all, aliases, project.secrets(), dirs, false);
            SourceFile main = standing.get(stock.main);
            SourceFile env = standing.get("envvars");
            return new PlatformTree(stock.platform, stock, combined, main,
                    env != null && env.treePath().startsWith(PREFIX) ? env : null, Collections.unmodifiableSet(
                            disabled), Collections.unmodifiableMap(standing));
        }

        /**
         * Whether a tree path is only the name a template is deployed as ({@code sites/shop.conf} for
         * {@code sites/shop.conf.j2}, {@link SourceLoader}): a second name of the same file for Includes and globs,
         * which stands where the template stands, never somewhere of its own (else a template its install step puts
         * into {@code sites-available}, and links into {@code sites-enabled}, would also stand in
         * {@code sites-enabled} under its own name, and httpd would read its virtual host twice).
         */
        private static boolean deployedName(String treePath, SourceFile f) {
            String own = f.treePath();
            if (treePath.equals(own)) {
                return false;
            }
            TemplateName name = TemplateName.of(own);
            return name.templated() && treePath.equals(own.substring(0, own.lastIndexOf('/') + 1) + name.baseName());
        }

        private static boolean inAvailable(String at) {
            for (String part : at.split("/")) {
                if (part.endsWith("-available")) {
                    return true;
                }
            }
            return false;
        }

        /** The file a path below the root names, links followed (eight at most, as a loop guard). */
        private SourceFile follow(String at) {
            String p = at;
            for (int i = 0; i < 8 && p != null; i++) {
                SourceFile f = files.get(p);
                if (f != null) {
                    return f;
                }
                p = links.get(p);
            }
            return null;
        }

        /** The names project files Include (their last component, template suffix off): such files are no sites. */
        private Set<String> includedNames() {
            Set<String> out = new HashSet<>();
            for (SourceFile f : project.files()) {
                if (f.kind() != FileKind.APACHE && !HostPattern.hostName(f.treePath()).endsWith(".conf")) {
                    continue;
                }
                for (String line : f.lines()) {
                    Matcher m = INCLUDE.matcher(line);
                    if (m.find()) {
                        String arg = m.group(1);
                        out.add(HostPattern.hostName(arg.substring(arg.lastIndexOf('/') + 1)));
                    }
                }
            }
            return out;
        }

        /** Where a project tree path stands below the root (several places, or none). */
        private List<String> standing(String treePath, SourceFile f, Set<String> included) {
            List<String> out = new ArrayList<>();
            boolean placedElsewhere = false;
            for (Placement.Place p : placement.places(treePath)) {
                String h = p.hostPath();
                if (!HostPattern.hasUnknown(h)) {
                    String at = under(h);
                    if (at != null) {
                        out.add(at);
                    } else {
                        placedElsewhere = true;
                    }
                    continue;
                }
                // a destination with unknowns: its literal tail from a distribution folder on says where it stands
                String tail = h.substring(h.lastIndexOf(HostPattern.CLOSE) + 1);
                for (String folder : folders(stock.platform)) {
                    int k = tail.indexOf("/" + folder + "/");
                    if (k >= 0) {
                        out.add(tail.substring(k + 1));
                        break;
                    }
                }
            }
            if (!out.isEmpty() || placedElsewhere) {
                return dedupe(out);
            }
            String[] parts = treePath.split("/");
            for (int i = parts.length - 2; i >= 0; i--) {
                if (folders(stock.platform).contains(parts[i])) {
                    StringBuilder b = new StringBuilder(parts[i]);
                    for (int j = i + 1; j < parts.length; j++) {
                        b.append('/').append(j == parts.length - 1 ? HostPattern.hostName(parts[j]) : parts[j]);
                    }
                    return List.of(b.toString());
                }
            }
            String name = HostPattern.hostName(parts[parts.length - 1]);
            if (stock.platform == Platform.DEBIAN && (name.equals("ports.conf") || name.equals("envvars"))) {
                return List.of(name);
            }
            if (f.kind() != FileKind.APACHE || included.contains(name) || treePath.contains("/.")
                    || treePath.startsWith(".") || inAvailable(treePath)) {
                return List.of();
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (stock.platform == Platform.DEBIAN) {
                if (lower.endsWith(".load")) {
                    return List.of("mods-enabled/" + name);
                }
                return lower.endsWith(".conf") ? List.of("sites-enabled/" + name) : List.of();
            }
            return lower.endsWith(".conf") ? List.of("conf.d/" + name) : List.of();
        }

        private static List<String> dedupe(List<String> in) {
            return new ArrayList<>(new LinkedHashSet<>(in));
        }

        /** A literal host path as a path below the root, or null when it lies elsewhere. */
        private String under(String hostPath) {
            for (String r : stock.hostRoots) {
                if (hostPath.startsWith(r + "/")) {
                    return hostPath.substring(r.length() + 1);
                }
            }
            return null;
        }

        /** The paths below the root an install step's host paths name (literal ones under a host root). */
        private List<String> below(List<String> hostPaths) {
            List<String> out = new ArrayList<>();
            for (String h : hostPaths) {
                if (!HostPattern.hasUnknown(h)) {
                    String at = under(h);
                    if (at != null) {
                        out.add(at);
                    }
                }
            }
            return dedupe(out);
        }

        private void step(InstallStep s) {
            switch (s.kind()) {
                case LINK: {
                    List<String> targets = below(s.target());
                    if (targets.isEmpty()) {
                        return;
                    }
                    String target = targets.get(0);
                    List<String> at = below(s.paths());
                    if (at.isEmpty()) {
                        // a link whose name is unknown, in a literal folder of the tree, made as a2ensite makes it
                        for (String h : s.paths()) {
                            int slash = h.lastIndexOf('/');
                            String dir = slash > 0 ? h.substring(0, slash) : "";
                            String d = HostPattern.hasUnknown(dir) ? null : under(dir + "/x");
                            if (d != null) {
                                at.add(d.substring(0, d.length() - 1) + target.substring(target.lastIndexOf('/') + 1));
                            }
                        }
                    }
                    for (String a : at) {
                        files.remove(a);
                        links.put(a, target);
                    }
                    return;
                }
                case REMOVE:
                    for (String a : below(s.paths())) {
                        files.remove(a);
                        links.remove(a);
                    }
                    return;
                case ENABLE:
                case DISABLE:
                    if (stock.platform == Platform.DEBIAN) {
                        toggle(s.kind() == InstallStep.Kind.ENABLE, s.unit(), s.name());
                    }
                    return;
                default:
                    return;
            }
        }

        /** Debian's {@code a2en*}/{@code a2dis*}: links between {@code *-available} and {@code *-enabled}. */
        private void toggle(boolean enable, InstallStep.Unit unit, String name) {
            String available = unit.folder() + "-available/";
            String enabled = unit.folder() + "-enabled/";
            List<String> exts = unit == InstallStep.Unit.MODULE ? List.of(".load", ".conf") : List.of(".conf");
            String base = name;
            for (String e : exts) {
                if (base.endsWith(e)) {
                    base = base.substring(0, base.length() - e.length());
                }
            }
            if (!enable) {
                for (String e : exts) {
                    links.remove(enabled + base + e);
                    files.remove(enabled + base + e);
                }
                return;
            }
            if (unit == InstallStep.Unit.MODULE && base.startsWith("mpm_")) {
                // a2enmod refuses a second MPM ("Module mpm_x conflicts with ..."): the enabled one stays
                for (String other : List.of("mpm_prefork", "mpm_worker", "mpm_event")) {
                    if (!other.equals(base) && follow(enabled + other + ".load") != null) {
                        return;
                    }
                }
            }
            for (String e : exts) {
                if (follow(available + base + e) != null && follow(enabled + base + e) == null) {
                    links.put(enabled + base + e, available + base + e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return platform.label() + " " + standing.keySet();
    }
}
