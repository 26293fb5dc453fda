package io.github.footprint.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every file of the deploy tree, rendered for one environment, plus what the source stage learnt on the
 * way (secret values to mask, the property names it had). Later stages never touch the disk: they ask
 * this set for files by their tree path.
 */
public final class SourceSet {
    private final String sourceRoot;
    private final List<SourceFile> files;
    private final Map<String, SourceFile> byTreePath;
    private final Set<String> secrets;
    private final Set<String> directories;
    private final Set<String> treePaths;
    private final Map<String, SourceFile> links;
    private final boolean missing;
    private final io.github.footprint.source.template.Variables variables;

    SourceSet(String sourceRoot, List<SourceFile> files, Map<String, SourceFile> aliases, Set<String> secrets,
            Set<String> directories, boolean missing) {
        this(sourceRoot, files, aliases, secrets, directories, missing, null);
    }

    SourceSet(String sourceRoot, List<SourceFile> files, Map<String, SourceFile> aliases, Set<String> secrets,
            Set<String> directories, boolean missing, io.github.footprint.source.template.Variables variables) {
        this.variables = variables;
        this.missing = missing;
        this.sourceRoot = sourceRoot;
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        Map<String, SourceFile> m = new LinkedHashMap<>();
        for (SourceFile f : files) {
            m.put(f.treePath(), f);
        }
        m.putAll(aliases);
        this.links = Collections.unmodifiableMap(new java.util.TreeMap<>(aliases));
        this.byTreePath = Collections.unmodifiableMap(m);
        this.treePaths = Collections.unmodifiableSet(new TreeSet<>(m.keySet()));
        this.secrets = Collections.unmodifiableSet(new TreeSet<>(secrets));
        this.directories = Collections.unmodifiableSet(new TreeSet<>(directories));
    }

    /** Builds a set from already rendered files (tests, and the loader). */
    public static SourceSet of(String sourceRoot, List<SourceFile> files, Set<String> secrets) {
        Set<String> dirs = new TreeSet<>();
        for (SourceFile f : files) {
            String p = f.treePath();
            for (int i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) {
                dirs.add(p.substring(0, i));
            }
        }
        return new SourceSet(sourceRoot, files, Map.of(), secrets, dirs, false);
    }

    /** An empty set for a source directory that does not exist. */
    public static SourceSet missing(String sourceRoot) {
        return new SourceSet(sourceRoot, List.of(), Map.of(), Set.of(), Set.of(), true);
    }

    /** True when the source directory does not exist at all. */
    public boolean isMissing() {
        return missing;
    }

    /** The source directory, relative to the project base directory ({@code .} when it is the base). */
    public String sourceRoot() {
        return sourceRoot;
    }

    /** Every file, sorted by tree path; symlinked duplicates appear once, under their real path. */
    public List<SourceFile> files() {
        return files;
    }

    /** The files of one kind, in tree order. */
    public List<SourceFile> files(FileKind kind) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            if (f.kind() == kind) {
                out.add(f);
            }
        }
        return out;
    }

    /** The file at a tree path (links resolved), if the tree has it. */
    public Optional<SourceFile> get(String treePath) {
        return Optional.ofNullable(byTreePath.get(treePath));
    }

    /**
     * The tree paths that are symbolic links to a file of the tree (the file is in {@link #files()} under its own
     * path), sorted, with that file.
     */
    public Map<String, SourceFile> links() {
        return links;
    }

    /** The tree paths of the tree's folders, sorted. */
    Set<String> directories() {
        return directories;
    }

    /** Every tree path that names a file, links included, sorted. */
    public Set<String> treePaths() {
        return treePaths;
    }

    private Map<String, SourceFile> byDisplay;

    /** The file that findings name by this display path, if the tree has it. */
    public synchronized Optional<SourceFile> byDisplayPath(String displayPath) {
        if (byDisplay == null) {
            Map<String, SourceFile> m = new java.util.HashMap<>();
            for (SourceFile f : files) {
                m.put(f.displayPath(), f);
            }
            byDisplay = m;
        }
        return Optional.ofNullable(byDisplay.get(displayPath));
    }

    private Map<String, List<String>> children;

    /**
     * The names of the files and folders directly in a folder of the tree (links included), sorted as
     * {@code strcmp} sorts; built once for the whole tree, so that globbing a 10^5-file tree stays linear.
     */
    public synchronized List<String> children(String dir) {
        if (children == null) {
            Map<String, TreeSet<String>> m = new java.util.HashMap<>();
            for (String p : treePaths) {
                String parent = "";
                int from = 0;
                for (int slash = p.indexOf('/'); ; slash = p.indexOf('/', from)) {
                    String name = slash < 0 ? p.substring(from) : p.substring(from, slash);
                    m.computeIfAbsent(parent, k -> new TreeSet<>()).add(name);
                    if (slash < 0) {
                        break;
                    }
                    parent = p.substring(0, slash);
                    from = slash + 1;
                }
            }
            Map<String, List<String>> frozen = new java.util.HashMap<>();
            m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            children = frozen;
        }
        return children.getOrDefault(dir, List.of());
    }

    /** True when the tree holds a directory at this path. */
    public boolean isDirectory(String treePath) {
        return treePath.isEmpty() || directories.contains(treePath);
    }

    /**
     * The template variables of this environment, when a template needed them (their layers, the problems of files
     * outside the tree, notes); empty when no template was rendered with variables.
     */
    public Optional<io.github.footprint.source.template.Variables> variables() {
        return Optional.ofNullable(variables);
    }

    /** Literal secret values found while rendering; every output masks them. */
    public Set<String> secrets() {
        return secrets;
    }
}
