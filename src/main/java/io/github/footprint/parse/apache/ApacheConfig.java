package io.github.footprint.parse.apache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;

/** The httpd configuration as httpd reads it: the directive tree in include order, and what reading learnt. */
public final class ApacheConfig {
    private final Directive root;
    private final List<ParseProblem> problems;
    private final Set<String> modules;
    private final Map<String, String> defines;
    private final Map<String, String> variables;
    private final String serverRoot;
    private final Set<SourceFile> filesRead;
    private final SourceFile mainFile;
    private final String builtInMpm;
    private final List<String> hostModules;
    private final Set<String> unreadVariables;

    ApacheConfig(Directive root, List<ParseProblem> problems, Set<String> modules, Map<String, String> defines,
            Map<String, String> variables, String serverRoot, Set<SourceFile> filesRead, SourceFile mainFile,
            String builtInMpm, List<String> hostModules, Set<String> unreadVariables) {
        this.unreadVariables = Collections.unmodifiableSet(new java.util.TreeSet<>(unreadVariables));
        this.builtInMpm = builtInMpm;
        this.hostModules = List.copyOf(hostModules);
        this.root = root;
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
        this.modules = Collections.unmodifiableSet(new LinkedHashSet<>(modules));
        this.defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.serverRoot = serverRoot;
        this.filesRead = Collections.unmodifiableSet(new LinkedHashSet<>(filesRead));
        this.mainFile = mainFile;
    }

    /** The server-level directives, sections holding theirs. */
    public List<Directive> directives() {
        return root.children();
    }

    /** Every directive, depth first in file order (without recursion: sections nest as deep as the input). */
    public void walk(Consumer<Directive> visitor) {
        Directive d = root.firstChild();
        while (d != null) {
            visitor.accept(d);
            if (d.firstChild() != null) {
                d = d.firstChild();
                continue;
            }
            while (d != null && d.nextSibling() == null) {
                d = d.parent() == root ? null : d.parent();
            }
            if (d != null) {
                d = d.nextSibling();
            }
        }
    }

    /** The directives of each name asked for so far (a few names are asked for; most never are). */
    private final Map<String, List<Directive>> byKey = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every directive of this name (ignoring case), in file order. */
    public List<Directive> find(String name) {
        return byKey.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), key -> {
            List<Directive> found = new ArrayList<>();
            walk(d -> {
                if (!d.isSection() && d.key().equals(key)) {
                    found.add(d);
                }
            });
            return Collections.unmodifiableList(found);
        });
    }

    public List<ParseProblem> problems() {
        return problems;
    }

    /** Module names and identifiers loaded by {@code LoadModule} or compiled in. */
    public Set<String> modules() {
        return modules;
    }

    /** Variables from {@code Define}, as they stood at the end of reading. */
    public Map<String, String> defines() {
        return defines;
    }

    /**
     * The Define'd variables that resolve {@code ${name}}: those given a non-empty value ({@code Define X} alone
     * defines X for {@code <IfDefine>} but leaves {@code ${X}} undefined, AH00111); none in httpd 2.2.
     */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * Variables a {@code Define} would set whose line footprint did not read (too long once its variables are
     * replaced): httpd defines them, so {@code ${name}} of them is not undefined; their value is unknown.
     */
    public Set<String> unreadVariables() {
        return unreadVariables;
    }

    /** The ServerRoot the configuration declared (a host path), or null. */
    public String serverRoot() {
        return serverRoot;
    }

    /** The files httpd would read, in reading order. */
    public Set<SourceFile> filesRead() {
        return filesRead;
    }

    /** The main file, or null for a vhost-only project. */
    public SourceFile mainFile() {
        return mainFile;
    }

    /**
     * Modules the host is taken to load outside the configuration read (mod_wsgi around a project on upstream httpd,
     * which does not ship it): {@code <IfModule>} finds them, and nothing the project reads says they are loaded.
     */
    public List<String> hostModules() {
        return hostModules;
    }

    /** The MPM linked into the httpd binary ({@code event}), or null when the MPM is a module loaded by name. */
    public String builtInMpm() {
        return builtInMpm;
    }
}
