package io.github.footprint.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.footprint.base.HostPaths;

/**
 * Maps a path as the configuration names it on the host ({@code /etc/apache2/mods-enabled/x.conf},
 * {@code /srv/app/production.ini}, {@code {{ ckan_conf_dir }}/apache.wsgi}) to a file of the deploy tree, by the
 * first rule that applies: the user's {@code pathMappings}, an install step of the project that writes a file
 * there ({@link Placement}; a path with template expressions matches a destination as a pattern), the platform's
 * stock tree (its ServerRoot, where the project's files stand at their host places), an overlay tree that mirrors
 * the host's root, the server root, exactly one file of that name. Every answer says which rule it used.
 */
public final class HostPathMapper {
    /** How a host path was mapped. */
    public enum Rule {
        PATH_MAPPINGS("pathMappings"),
        INSTALL_STEP("installed there by an install step of the project"),
        PLATFORM("in the platform's stock tree, where the project's files stand at their host places"),
        OVERLAY("overlay layout: the source directory mirrors the host's root"),
        SERVER_ROOT("ServerRoot maps onto the Apache tree's root"),
        RELATIVE("relative to ServerRoot"),
        UNIQUE_NAME("the only file of that name in the project"),
        OUTSIDE("outside the project");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The answer: a tree path (or pattern) and the rule, or {@link Rule#OUTSIDE} with no path. */
    public static final class Mapping {
        private final String treePath;
        private final Rule rule;
        private final Placement.Place place;

        Mapping(String treePath, Rule rule) {
            this(treePath, rule, null);
        }

        Mapping(String treePath, Rule rule, Placement.Place place) {
            this.treePath = treePath;
            this.rule = rule;
            this.place = place;
        }

        /** The rule, with the install step that placed the file there when there is one. */
        public String describe() {
            return place == null ? rule.description() : rule.description() + " (" + place.describe() + ")";
        }

        /** The tree path, or null when the path is outside the project. */
        public String treePath() {
            return treePath;
        }

        public Rule rule() {
            return rule;
        }

        public boolean inside() {
            return treePath != null;
        }
    }

    private static final String[] OVERLAY_MARKERS = {"etc/apache2", "etc/httpd"};

    private final SourceSet sources;
    private final Map<String, String> pathMappings;
    private final String apacheRoot;
    private final Placement placement;
    /** The platform's ServerRoot on the host ({@code /etc/apache2}), or null without a platform tree. */
    private final String platformHostRoot;

    /**
     * @param sources the tree
     * @param pathMappings host prefix to tree path prefix (relative to the source directory)
     * @param apacheRoot the tree path of the Apache tree's root ({@code ""} for the source directory)
     */
    public HostPathMapper(SourceSet sources, Map<String, String> pathMappings, String apacheRoot) {
        this(sources, pathMappings, apacheRoot, Placement.none(), null);
    }

    /**
     * @param placement where the project's files lie on the host (its install steps)
     * @param platformHostRoot the platform's ServerRoot on the host when {@code apacheRoot} is its stock tree
     *     ({@code /etc/apache2}), else null
     */
    public HostPathMapper(SourceSet sources, Map<String, String> pathMappings, String apacheRoot, Placement placement,
            String platformHostRoot) {
        this.sources = sources;
        this.placement = placement;
        this.platformHostRoot = platformHostRoot == null ? null : HostPaths.normalise(platformHostRoot);
        TreeMap<String, String> m = new TreeMap<>(Collections.reverseOrder());
        for (Map.Entry<String, String> e : pathMappings.entrySet()) {
            // host prefixes stay absolute: they are compared with absolute host paths
            m.put(HostPaths.normalise("/" + e.getKey().replace('\\', '/')), trimSlash(e.getValue()));
        }
        this.pathMappings = m;
        this.apacheRoot = trimSlash(apacheRoot);
    }

    /** The Apache tree's root, as a tree path. */
    public String apacheRoot() {
        return apacheRoot;
    }

    /**
     * Maps a host path or glob.
     *
     * @param hostPath as written in the configuration
     * @param serverRoot the ServerRoot the configuration declared (a host path), or null
     * @param allowUniqueName whether rule 4 (the only file of that name) may apply; never for globs
     */
    public Mapping map(String hostPath, String serverRoot, boolean allowUniqueName) {
        return map(hostPath, serverRoot, allowUniqueName, (io.github.footprint.base.Location) null);
    }

    /**
     * Maps a host path written in a rendered file: its unknown tokens are named through that file's table of
     * unknowns ({@link HostPattern#canonical(String, Map)}).
     *
     * @param where where the path is written (its file's display path), or null
     */
    public Mapping map(String hostPath, String serverRoot, boolean allowUniqueName,
            io.github.footprint.base.Location where) {
        Map<Integer, io.github.footprint.source.template.Unknown> table = Map.of();
        if (where != null && io.github.footprint.source.template.Unknowns.contains(hostPath)) {
            table = sources.byDisplayPath(where.file()).map(SourceFile::unknowns)
                    .<Map<Integer, io.github.footprint.source.template.Unknown>>map(t -> t).orElse(Map.of());
        }
        String p = hostPath.replace('\\', '/');
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String canonical = HostPattern.canonical(p, table);
        if (HostPattern.hasUnknown(canonical)) {
            // a path a template fills in: only a destination of the project's own install steps can say where it is
            java.util.Optional<Placement.Place> installed = placement.installedAt(canonical);
            if (installed.isPresent()) {
                return new Mapping(Placement.source(installed.get()), Rule.INSTALL_STEP, installed.get());
            }
            if (allowUniqueName && !HostPattern.hasUnknown(canonical.substring(canonical.lastIndexOf('/') + 1))) {
                List<String> hits = byName().getOrDefault(canonical.substring(canonical.lastIndexOf('/') + 1),
                        List.of());
                if (hits.size() == 1) {
                    return new Mapping(hits.get(0), Rule.UNIQUE_NAME);
                }
            }
            return new Mapping(null, Rule.OUTSIDE);
        }
        if (!p.startsWith("/")) {
            // resolve '..' against the Apache tree's root too; above the source directory is outside the project
            String t = HostPaths.normalise(join(apacheRoot, p));
            if (t.equals("..") || t.startsWith("../")) {
                return new Mapping(null, Rule.OUTSIDE);
            }
            return new Mapping(t, Rule.RELATIVE);
        }
        p = HostPaths.normalise(p);
        for (Map.Entry<String, String> e : pathMappings.entrySet()) {
            String prefix = e.getKey();
            if (p.equals(prefix) || p.startsWith(prefix.equals("/") ? "/" : prefix + "/")) {
                return new Mapping(join(e.getValue(), p.substring(prefix.length())), Rule.PATH_MAPPINGS);
            }
        }
        java.util.Optional<Placement.Place> installed = placement.installedAt(p);
        if (installed.isPresent()) {
            return new Mapping(Placement.source(installed.get()), Rule.INSTALL_STEP, installed.get());
        }
        if (platformHostRoot != null && (p.equals(platformHostRoot) || p.startsWith(platformHostRoot + "/"))) {
            return new Mapping(join(apacheRoot, p.substring(platformHostRoot.length())), Rule.PLATFORM);
        }
        ServerRootFacts facts = serverRootFacts(serverRoot);
        if (facts.overlay) {
            return new Mapping(trimSlash(p), Rule.OVERLAY);
        }
        if (serverRoot != null && serverRoot.startsWith("/")) {
            String root = facts.root;
            String abs = trimSlash(p);
            if (abs.equals(root) || abs.startsWith(root + "/")) {
                return new Mapping(join(apacheRoot, abs.substring(root.length())), Rule.SERVER_ROOT);
            }
        }
        if (allowUniqueName) {
            List<String> hits = byName().getOrDefault(p.substring(p.lastIndexOf('/') + 1), List.of());
            if (hits.size() == 1) {
                return new Mapping(hits.get(0), Rule.UNIQUE_NAME);
            }
        }
        return new Mapping(null, Rule.OUTSIDE);
    }

    /** What a ServerRoot says for every mapping: whether the tree is an overlay, and the root as a tree path. */
    private static final class ServerRootFacts {
        final String serverRoot;
        final boolean overlay;
        final String root;

        ServerRootFacts(String serverRoot, boolean overlay, String root) {
            this.serverRoot = serverRoot;
            this.overlay = overlay;
            this.root = root;
        }
    }

    /** The facts of the last ServerRoot asked about (a configuration has one; the model maps a path per mount). */
    private ServerRootFacts lastServerRoot;

    private ServerRootFacts serverRootFacts(String serverRoot) {
        ServerRootFacts f = lastServerRoot;
        if (f == null || !java.util.Objects.equals(f.serverRoot, serverRoot)) {
            f = new ServerRootFacts(serverRoot, isOverlay(serverRoot), serverRoot != null && serverRoot.startsWith("/")
                    ? trimSlash(HostPaths.normalise(serverRoot)) : null);
            lastServerRoot = f;
        }
        return f;
    }

    private Map<String, List<String>> byName;

    /** Tree paths by file name, built once. */
    private Map<String, List<String>> byName() {
        if (byName == null) {
            Map<String, List<String>> m = new java.util.HashMap<>();
            for (String t : sources.treePaths()) {
                if (!t.startsWith(PlatformTree.PREFIX)) {
                    m.computeIfAbsent(t.substring(t.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(t);
                }
            }
            byName = m;
        }
        return byName;
    }

    private boolean isOverlay(String serverRoot) {
        for (String m : OVERLAY_MARKERS) {
            if (sources.isDirectory(m)) {
                return true;
            }
        }
        if (serverRoot != null && serverRoot.startsWith("/")) {
            String rel = trimSlash(HostPaths.normalise(serverRoot));
            return !rel.isEmpty() && sources.isDirectory(rel);
        }
        return false;
    }

    /** Joins two tree paths without doubled or leading slashes. */
    public static String join(String a, String b) {
        String x = trimSlash(a);
        String y = trimSlash(b);
        if (x.isEmpty()) {
            return y;
        }
        return y.isEmpty() ? x : x + "/" + y;
    }

    private static String trimSlash(String s) {
        String r = s.replace('\\', '/');
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
