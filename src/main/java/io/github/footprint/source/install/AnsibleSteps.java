package io.github.footprint.source.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Location;
import io.github.footprint.source.HostPattern;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;

/**
 * The install steps of Ansible roles and playbooks: {@code template}/{@code copy} ({@code src} → {@code dest}, in
 * {@code key=value} or YAML form, over {@code with_items}/{@code loop} items), {@code file} links and removals,
 * {@code a2ensite}/{@code a2enmod}/{@code a2enconf} (and their {@code a2dis*}) in {@code command}/{@code shell}, and
 * the {@code apache2_module} module. A role's {@code template} source is relative to the role's {@code templates/}
 * folder, a {@code copy} source to its {@code files/}; a playbook's to its own folder. {@code {{ name }}} in a path
 * stays a named unknown unless the project's variable files ({@code defaults/}, {@code vars/}, {@code group_vars/},
 * {@code host_vars/}) give it literal values, which are added as alternatives.
 */
public final class AnsibleSteps {
    private static final Set<String> COPY = Set.of("template", "copy", "ansible.builtin.template",
            "ansible.builtin.copy", "ansible.legacy.template", "ansible.legacy.copy");
    private static final Set<String> FILE = Set.of("file", "ansible.builtin.file", "ansible.legacy.file");
    private static final Set<String> COMMAND = Set.of("command", "shell", "raw", "ansible.builtin.command",
            "ansible.builtin.shell", "ansible.builtin.raw", "ansible.legacy.command", "ansible.legacy.shell");
    private static final Set<String> APACHE_MODULE = Set.of("apache2_module", "community.general.apache2_module");
    private static final Set<String> LOOPS = Set.of("with_items", "loop", "with_list", "with_flattened");
    private static final Set<String> VAR_FOLDERS = Set.of("defaults", "vars", "group_vars", "host_vars");
    private static final Pattern ITEM = Pattern.compile(
            "\\{\\{-?\\s*item(?:\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*['\"]([^'\"]+)['\"]\\s*\\])?\\s*-?\\}\\}");
    private static final Pattern VAR = Pattern.compile("\\{\\{-?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*-?\\}\\}");
    private static final int MAX_ALTERNATIVES = 8;

    private final SourceSet sources;
    private final Map<String, List<Yaml.Node>> variables = new LinkedHashMap<>();
    private final List<InstallStep> out = new ArrayList<>();

    private AnsibleSteps(SourceSet sources) {
        this.sources = sources;
    }

    /** The steps of every YAML file of the project, in tree order and then line order. */
    public static List<InstallStep> read(SourceSet sources) {
        AnsibleSteps a = new AnsibleSteps(sources);
        List<SourceFile> yamls = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            String name = f.treePath().toLowerCase(Locale.ROOT);
            if ((name.endsWith(".yml") || name.endsWith(".yaml")) && f.parseable()) {
                yamls.add(f);
            }
        }
        Map<SourceFile, List<Yaml.Node>> docs = new LinkedHashMap<>();
        for (SourceFile f : yamls) {
            List<Yaml.Node> d = Yaml.parse(f.lines());
            docs.put(f, d);
            if (inVarFolder(f.treePath())) {
                for (Yaml.Node n : d) {
                    if (n instanceof Yaml.MapNode) {
                        ((Yaml.MapNode) n).entries.forEach((k, v) -> a.variables.computeIfAbsent(k,
                                x -> new ArrayList<>()).add(v));
                    }
                }
            }
        }
        docs.forEach((f, d) -> d.forEach(n -> a.walk(f, n, 0)));
        return a.out;
    }

    private static boolean inVarFolder(String treePath) {
        String[] parts = treePath.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (VAR_FOLDERS.contains(parts[i])) {
                return true;
            }
        }
        return false;
    }

    private void walk(SourceFile f, Yaml.Node n, int depth) {
        if (depth > 64) {
            return;
        }
        if (n instanceof Yaml.MapNode) {
            Yaml.MapNode m = (Yaml.MapNode) n;
            for (String key : m.entries.keySet()) {
                if (COPY.contains(key) || FILE.contains(key) || COMMAND.contains(key) || APACHE_MODULE.contains(key)) {
                    task(f, m, key);
                    break;
                }
            }
            for (Yaml.Node v : m.entries.values()) {
                walk(f, v, depth + 1);
            }
        } else if (n instanceof Yaml.Seq) {
            for (Yaml.Node v : ((Yaml.Seq) n).items) {
                walk(f, v, depth + 1);
            }
        }
    }

    /** One task: its module's arguments for each loop item. */
    private void task(SourceFile f, Yaml.MapNode task, String module) {
        Yaml.Node argsNode = task.get(module);
        Map<String, String> args = new LinkedHashMap<>();
        String freeForm = null;
        if (argsNode instanceof Yaml.MapNode) {
            ((Yaml.MapNode) argsNode).entries.forEach((k, v) -> {
                if (v instanceof Yaml.Scalar && ((Yaml.Scalar) v).value != null) {
                    args.put(k, ((Yaml.Scalar) v).value);
                }
            });
        } else if (argsNode instanceof Yaml.Scalar && ((Yaml.Scalar) argsNode).value != null) {
            freeForm = keyValues(((Yaml.Scalar) argsNode).value, args);
        }
        Yaml.Node extra = task.get("args");
        if (extra instanceof Yaml.MapNode) {
            ((Yaml.MapNode) extra).entries.forEach((k, v) -> {
                if (v instanceof Yaml.Scalar && ((Yaml.Scalar) v).value != null) {
                    args.putIfAbsent(k, ((Yaml.Scalar) v).value);
                }
            });
        }
        Location at = new Location(f.displayPath(), f.templateLine(task.line - 1));
        List<Yaml.Node> items = items(task);
        for (Yaml.Node item : items) {
            Map<String, String> a = new LinkedHashMap<>();
            args.forEach((k, v) -> a.put(k, item == null ? v : substitute(v, item)));
            String free = freeForm == null ? null : item == null ? freeForm : substitute(freeForm, item);
            if (COPY.contains(module)) {
                copy(f, module, a, at);
            } else if (FILE.contains(module)) {
                file(a, at);
            } else if (COMMAND.contains(module)) {
                String cmd = free != null && !free.isBlank() ? free : a.get("cmd");
                if (cmd != null) {
                    Toggles.command(cmd, at, "Ansible", out);
                }
            } else {
                String name = a.get("name");
                String state = a.getOrDefault("state", "present");
                if (name != null && !name.contains("{{") && (state.equals("present") || state.equals("absent"))) {
                    out.add(InstallStep.toggle(state.equals("present"), InstallStep.Unit.MODULE, name, at, "Ansible"));
                }
            }
        }
    }

    /** The loop's items (a literal list, or a variable the project's variable files give), or one null item. */
    private List<Yaml.Node> items(Yaml.MapNode task) {
        List<Yaml.Node> out = new ArrayList<>();
        for (String loop : LOOPS) {
            Yaml.Node n = task.get(loop);
            if (n instanceof Yaml.Seq) {
                out.addAll(((Yaml.Seq) n).items);
            } else if (n instanceof Yaml.Scalar && ((Yaml.Scalar) n).value != null) {
                Matcher m = VAR.matcher(((Yaml.Scalar) n).value.trim());
                if (m.matches()) {
                    for (Yaml.Node v : variables.getOrDefault(m.group(1), List.of())) {
                        if (v instanceof Yaml.Seq) {
                            out.addAll(((Yaml.Seq) v).items);
                        }
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.add(null);
        }
        return out;
    }

    /** {@code {{ item }}}, {@code {{ item.key }}} and {@code {{ item['key'] }}} replaced by the item's text. */
    private static String substitute(String text, Yaml.Node item) {
        Matcher m = ITEM.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) != null ? m.group(1) : m.group(2);
            String value = null;
            if (key == null && item instanceof Yaml.Scalar) {
                value = ((Yaml.Scalar) item).value;
            } else if (key != null && item instanceof Yaml.MapNode) {
                value = ((Yaml.MapNode) item).text(key);
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * Splits a free-form argument string into its {@code key=value} pairs (quotes and {@code {{ }}} respected) and
     * returns the rest (a command line) joined by blanks.
     */
    static String keyValues(String text, Map<String, String> into) {
        List<String> words = Toggles.words(text);
        StringBuilder rest = new StringBuilder();
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0 && w.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                into.put(w.substring(0, eq), Toggles.unquote(w.substring(eq + 1)));
            } else {
                if (rest.length() > 0) {
                    rest.append(' ');
                }
                rest.append(w);
            }
        }
        return rest.toString();
    }

    private void copy(SourceFile task, String module, Map<String, String> a, Location at) {
        String src = a.get("src");
        String dest = a.get("dest");
        if (src == null || dest == null || src.startsWith("/") || "yes".equals(a.get("remote_src"))
                || "true".equalsIgnoreCase(a.get("remote_src"))) {
            return;
        }
        boolean template = module.endsWith("template");
        String file = sourceFile(task.treePath(), src, template);
        if (file == null) {
            return;
        }
        if (dest.endsWith("/")) {
            String name = file.substring(file.lastIndexOf('/') + 1);
            dest = dest + (template ? HostPattern.hostName(name) : name);
        }
        out.add(InstallStep.file(paths(dest), file, at, "Ansible"));
    }

    private void file(Map<String, String> a, Location at) {
        String state = a.getOrDefault("state", "");
        String dest = a.getOrDefault("dest", a.getOrDefault("path", a.get("name")));
        if (dest == null) {
            return;
        }
        if ((state.equals("link") || state.equals("hard")) && a.get("src") != null) {
            out.add(InstallStep.link(paths(dest), paths(a.get("src")), at, "Ansible"));
        } else if (state.equals("absent")) {
            out.add(InstallStep.remove(paths(dest), at, "Ansible"));
        }
    }

    /**
     * The project file a task's {@code src} names: in a role, under its {@code templates/} (template) or
     * {@code files/} (copy) folder, then the role's own; in a playbook, the same below the playbook's folder. A source
     * with unknowns is matched as a pattern; it must then name one file.
     */
    private String sourceFile(String taskFile, String src, boolean template) {
        String dir = taskFile.lastIndexOf('/') >= 0 ? taskFile.substring(0, taskFile.lastIndexOf('/')) : "";
        List<String> bases = new ArrayList<>();
        int tasks = ("/" + dir + "/").lastIndexOf("/tasks/");
        if (tasks >= 0) {
            String role = tasks == 0 ? "" : dir.substring(0, tasks - 1);
            bases.add(join(role, template ? "templates" : "files"));
            bases.add(role);
        }
        bases.add(join(dir, template ? "templates" : "files"));
        bases.add(dir);
        for (String alternative : expand(src)) {
            String canonical = HostPattern.canonical(alternative);
            for (String base : bases) {
                String candidate = join(base, canonical);
                if (!HostPattern.hasUnknown(candidate)) {
                    if (sources.get(candidate).isPresent()) {
                        return candidate;
                    }
                    continue;
                }
                String found = null;
                int hits = 0;
                for (String t : sources.treePaths()) {
                    if ((base.isEmpty() || t.startsWith(base + "/")) && HostPattern.matches(candidate, t)) {
                        found = t;
                        hits++;
                    }
                }
                if (hits == 1) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    }

    /** A path as written (canonical) followed by what the project's variables make of it. */
    private List<String> paths(String written) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : expand(written)) {
            out.add(HostPattern.canonical(s));
        }
        return new ArrayList<>(out);
    }

    /**
     * The text as written, then each text the project's variable files make of it, replacing {@code {{ name }}}
     * by literal values (a value that is itself a template is expanded the same way, three levels deep).
     */
    List<String> expand(String text) {
        Set<String> out = new LinkedHashSet<>();
        out.add(text);
        List<String> frontier = List.of(text);
        for (int level = 0; level < 3 && out.size() < MAX_ALTERNATIVES; level++) {
            List<String> next = new ArrayList<>();
            for (String s : frontier) {
                Matcher m = VAR.matcher(s);
                if (!m.find()) {
                    continue;
                }
                for (Yaml.Node v : variables.getOrDefault(m.group(1), List.of())) {
                    if (v instanceof Yaml.Scalar && ((Yaml.Scalar) v).value != null) {
                        String r = s.substring(0, m.start()) + ((Yaml.Scalar) v).value + s.substring(m.end());
                        if (out.size() < MAX_ALTERNATIVES && out.add(r)) {
                            next.add(r);
                        }
                    }
                }
            }
            frontier = next;
        }
        // alternatives still holding an unknown are of no use beside the one as written
        List<String> result = new ArrayList<>();
        result.add(text);
        for (String s : out) {
            if (!s.equals(text) && !s.contains("{{")) {
                result.add(s);
            }
        }
        return result;
    }
}
