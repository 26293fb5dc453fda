package io.github.footprint.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.HostPaths;
import io.github.footprint.base.Location;
import io.github.footprint.source.install.AnsibleSteps;
import io.github.footprint.source.install.ChefSteps;
import io.github.footprint.source.install.InstallStep;
import io.github.footprint.source.install.PuppetSteps;

/**
 * Where each project file lies on the host, decided once in the source stage from, in this order: the user's
 * {@code pathMappings}; the install steps the project itself declares (Ansible {@code template}/{@code copy}, Puppet
 * {@code file}, Chef {@code template}); an overlay layout (a folder that mirrors the host's root, with
 * {@code etc/apache2} or {@code etc/httpd} in it, the template suffix taken off the names); the {@code ServerRoot}
 * the main httpd file declares. A file may have several host paths (one role installs a vhost into Debian's and
 * RHEL's folders); a host path may hold named unknowns ({@link HostPattern}). {@link HostPathMapper} asks it which
 * project file a configuration's host path names; the platform's stock tree asks it where each file stands.
 */
public final class Placement {
    /** How a host path was found. */
    public enum Rule {
        PATH_MAPPINGS("pathMappings"),
        INSTALL_STEP("an install step of the project"),
        OVERLAY("overlay layout: a folder of the project mirrors the host's root"),
        SERVER_ROOT("the ServerRoot the main httpd file declares");

        private final String description;

        Rule(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** One host path of a project file, how it was found, and the step that says so (install steps only). */
    public static final class Place {
        private final String hostPath;
        private final Rule rule;
        private final InstallStep step;

        Place(String hostPath, Rule rule, InstallStep step) {
            this.hostPath = hostPath;
            this.rule = rule;
            this.step = step;
        }

        /** Canonical ({@link HostPattern}): absolute, or with named unknowns. */
        public String hostPath() {
            return hostPath;
        }

        public Rule rule() {
            return rule;
        }

        /** The install step, or null. */
        public InstallStep step() {
            return step;
        }

        /** The rule, and for an install step its tool and place: {@code Ansible task at roles/x/tasks/main.yml:9}. */
        public String describe() {
            return step == null ? rule.description() : step.tool() + " step at " + step.location();
        }

        @Override
        public String toString() {
            return HostPattern.display(hostPath) + " [" + describe() + "]";
        }
    }

    private static final Placement NONE = new Placement(Map.of(), List.of());
    private static final String[] OVERLAY_MARKERS = {"etc/apache2", "etc/httpd"};
    private static final Pattern SERVER_ROOT = Pattern.compile("^\\s*ServerRoot\\s+\"?(/[^\"\\s]*)\"?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, List<Place>> places;
    private final List<InstallStep> steps;

    private Placement(Map<String, List<Place>> places, List<InstallStep> steps) {
        this.places = places;
        this.steps = steps;
    }

    /** No file placed, no step: what a tree without install code or layout gets. */
    public static Placement none() {
        return NONE;
    }

    /**
     * Places every file of the tree (links included).
     *
     * @param pathMappings host prefix to tree path prefix
     * @param main the main httpd file, or null
     * @param apacheRoot the Apache tree's root as a tree path
     */
    public static Placement of(SourceSet sources, Map<String, String> pathMappings, SourceFile main,
            String apacheRoot) {
        List<InstallStep> steps = new ArrayList<>();
        steps.addAll(AnsibleSteps.read(sources));
        steps.addAll(PuppetSteps.read(sources));
        steps.addAll(ChefSteps.read(sources));
        Map<String, List<Place>> places = new TreeMap<>();
        String overlay = overlayRoot(sources);
        String serverRoot = main == null ? null : serverRoot(main);
        for (String treePath : sources.treePaths()) {
            List<Place> ps = new ArrayList<>();
            for (Map.Entry<String, String> e : pathMappings.entrySet()) {
                String folder = trim(e.getValue());
                if (folder.isEmpty() || treePath.equals(folder) || treePath.startsWith(folder + "/")) {
                    String rest = folder.isEmpty() ? treePath : treePath.substring(folder.length());
                    ps.add(new Place(HostPaths.normalise(HostPattern.canonical(e.getKey() + "/" + rest)),
                            Rule.PATH_MAPPINGS, null));
                }
            }
            for (InstallStep s : steps) {
                if (s.kind() == InstallStep.Kind.FILE && s.source().equals(treePath)) {
                    for (String p : s.paths()) {
                        ps.add(new Place(p, Rule.INSTALL_STEP, s));
                    }
                }
            }
            if (overlay != null && (overlay.isEmpty() || treePath.startsWith(overlay + "/"))) {
                String rest = overlay.isEmpty() ? treePath : treePath.substring(overlay.length() + 1);
                ps.add(new Place("/" + hostNames(rest), Rule.OVERLAY, null));
            }
            if (serverRoot != null && (apacheRoot.isEmpty() || treePath.startsWith(apacheRoot + "/"))) {
                String rest = apacheRoot.isEmpty() ? treePath : treePath.substring(apacheRoot.length() + 1);
                ps.add(new Place(HostPaths.normalise(serverRoot + "/" + rest), Rule.SERVER_ROOT, null));
            }
            if (!ps.isEmpty()) {
                places.put(treePath, List.copyOf(ps));
            }
        }
        return new Placement(Collections.unmodifiableMap(places), List.copyOf(steps));
    }

    /**
     * The folder that mirrors the host's root: the shallowest one holding {@code etc/apache2} or {@code etc/httpd}
     * ({@code ""} for the source folder itself), or null.
     */
    static String overlayRoot(SourceSet sources) {
        String best = null;
        for (String m : OVERLAY_MARKERS) {
            if (sources.isDirectory(m)) {
                return "";
            }
        }
        for (String t : sources.treePaths()) {
            for (String m : OVERLAY_MARKERS) {
                int k = ("/" + t).indexOf("/" + m + "/");
                if (k > 0) {
                    String root = t.substring(0, k - 1);
                    if (best == null || root.split("/").length < best.split("/").length
                            || root.split("/").length == best.split("/").length && root.compareTo(best) < 0) {
                        best = root;
                    }
                }
            }
        }
        return best;
    }

    private static String serverRoot(SourceFile main) {
        for (String line : main.lines()) {
            Matcher m = SERVER_ROOT.matcher(line);
            if (m.matches()) {
                return HostPaths.normalise(m.group(1));
            }
        }
        return null;
    }

    /** A tree path's names as the host has them: each without its template suffix. */
    private static String hostNames(String treePath) {
        String[] parts = treePath.split("/");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append('/');
            }
            b.append(i == parts.length - 1 ? HostPattern.hostName(parts[i]) : parts[i]);
        }
        return b.toString();
    }

    private static String trim(String s) {
        String r = s.replace('\\', '/');
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** The host paths of a tree path (a file or a link), in the order of the rules; empty when none is known. */
    public List<Place> places(String treePath) {
        return places.getOrDefault(treePath, List.of());
    }

    /** Every placed tree path with its host paths, sorted by tree path. */
    public Map<String, List<Place>> all() {
        return places;
    }

    /** Every install step of the project, in tree order, then line order. */
    public List<InstallStep> steps() {
        return steps;
    }

    /**
     * The project file an install step writes at a host path as a configuration names it (both canonical; see
     * {@link HostPattern#matches}), with the step: present when exactly one project file matches.
     */
    public Optional<Place> installedAt(String hostPath) {
        String canonical = HostPattern.canonical(hostPath);
        Map<String, Place> found = new LinkedHashMap<>();
        for (InstallStep s : steps) {
            if (s.kind() != InstallStep.Kind.FILE) {
                continue;
            }
            for (String p : s.paths()) {
                if (HostPattern.matches(p, canonical)) {
                    found.putIfAbsent(s.source(), new Place(p, Rule.INSTALL_STEP, s));
                    break;
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.values().iterator().next()) : Optional.empty();
    }

    /** The tree path of an install step's file, or null for other steps. */
    public static String source(Place p) {
        return p.step() == null ? null : p.step().source();
    }

    /** Where an install step is, for messages; {@link Location#PROJECT} for other rules. */
    public static Location where(Place p) {
        return p.step() == null ? Location.PROJECT : p.step().location();
    }
}
