package io.github.footprint.source.template;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.footprint.base.Severity;

/**
 * Finds and reads the variables of one environment: the Ansible layout in the tree, then the files the user names,
 * then the extra variables. The layout, lowest precedence first:
 *
 * <ol>
 * <li>role defaults: {@code <role>/defaults/main.yml} (or {@code main.yaml}, {@code main.json}, {@code main}, or every
 * file of a {@code main/} folder);
 * <li>{@code group_vars/all} (a file, {@code all.yml}, or every file of an {@code all/} folder);
 * <li>{@code group_vars/<environment id>}: the environment id names the inventory group;
 * <li>role vars: {@code <role>/vars/main.yml} and the like.
 * </ol>
 *
 * Several {@code group_vars} folders (one per inventory, {@code inventories/production/group_vars}): those below a
 * folder named after the environment id are read; with no such folder, the one nearest the root, when there is one.
 */
public final class VariablesLoader {
    private static final String DEFAULTS = "role defaults";
    private static final String GROUP_ALL = "group_vars/all";
    private static final String GROUP_ENV = "group_vars/<environment>";
    private static final String ROLE_VARS = "role vars";

    private VariablesLoader() {
    }

    /**
     * @param sourceDirectory the root of the tree
     * @param treePaths the files of the tree ({@code /} separators) the layout is looked for among
     */
    public static Variables load(Path sourceDirectory, Collection<String> treePaths, TemplateOptions options) {
        List<Variables.Layer> layers = new ArrayList<>();
        Map<String, List<TemplateProblem>> problems = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        if (options.ansibleLayout()) {
            layout(sourceDirectory, treePaths, options.environmentId(), layers, problems, notes);
        }
        for (Path p : options.variableFiles()) {
            String shown = shown(sourceDirectory, options.displayBase(), p);
            String text = read(p, shown, problems);
            if (text != null) {
                layers.add(layer(shown, "variables file", null, text, problems));
            }
        }
        if (!options.extraVariables().isEmpty()) {
            layers.add(new Variables.Layer("extra variables", "extra variables", null, options.extraVariables(),
                    false));
        }
        return new Variables(layers, problems, notes);
    }

    private static void layout(Path root, Collection<String> treePaths, String environmentId,
            List<Variables.Layer> layers, Map<String, List<TemplateProblem>> problems, List<String> notes) {
        Map<String, List<String>> defaults = new TreeMap<>();
        Map<String, List<String>> roleVars = new TreeMap<>();
        Map<String, List<String>> groupAll = new TreeMap<>();
        Map<String, List<String>> groupEnv = new TreeMap<>();
        for (String p : new TreeSet<>(treePaths)) {
            roleFile(p, "defaults", defaults);
            roleFile(p, "vars", roleVars);
            int g = p.startsWith("group_vars/") ? 0 : p.indexOf("/group_vars/") + 1;
            if (g > 0 || p.startsWith("group_vars/")) {
                String dir = p.substring(0, g + "group_vars".length());
                String rest = p.substring(dir.length() + 1);
                String group = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : stripExtension(rest);
                if (group == null || (!rest.contains("/") && !varsExtension(rest))) {
                    continue;
                }
                if (rest.contains("/") && !varsExtension(rest.substring(rest.lastIndexOf('/') + 1))) {
                    continue;
                }
                if (group.equals("all")) {
                    groupAll.computeIfAbsent(dir, k -> new ArrayList<>()).add(p);
                } else if (group.equals(environmentId)) {
                    groupEnv.computeIfAbsent(dir, k -> new ArrayList<>()).add(p);
                } else {
                    groupAll.putIfAbsent(dir, groupAll.getOrDefault(dir, new ArrayList<>()));
                }
            }
        }
        List<String> groupDirs = chooseGroupDirs(new TreeSet<>(groupAll.keySet()), groupEnv.keySet(),
                environmentId, notes);
        addRoleLayers(root, defaults, DEFAULTS, layers, problems);
        for (String dir : groupDirs) {
            for (String f : groupAll.getOrDefault(dir, List.of())) {
                addFile(root, f, GROUP_ALL, null, layers, problems);
            }
        }
        for (String dir : groupDirs) {
            for (String f : groupEnv.getOrDefault(dir, List.of())) {
                addFile(root, f, GROUP_ENV, null, layers, problems);
            }
        }
        addRoleLayers(root, roleVars, ROLE_VARS, layers, problems);
    }

    /** {@code <role>/defaults/main...}: adds the file under its role. */
    private static void roleFile(String p, String folder, Map<String, List<String>> byRole) {
        String marker = folder + "/main";
        int at = p.startsWith(marker) ? 0 : p.indexOf("/" + marker) + 1;
        if (at < 0 || (at == 0 && !p.startsWith(marker))) {
            return;
        }
        String role = at == 0 ? "" : p.substring(0, at - 1);
        String rest = p.substring(at + marker.length());
        boolean file = rest.isEmpty() || rest.equals(".yml") || rest.equals(".yaml") || rest.equals(".json");
        boolean inFolder = rest.startsWith("/") && varsExtension(rest.substring(rest.lastIndexOf('/') + 1));
        if (file || inFolder) {
            byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(p);
        }
    }

    private static List<String> chooseGroupDirs(TreeSet<String> dirs, Collection<String> withEnvironment,
            String environmentId, List<String> notes) {
        dirs.addAll(withEnvironment);
        if (dirs.isEmpty()) {
            return List.of();
        }
        if (environmentId != null) {
            List<String> named = new ArrayList<>();
            for (String d : dirs) {
                if (("/" + d + "/").contains("/" + environmentId + "/")) {
                    named.add(d);
                }
            }
            if (!named.isEmpty()) {
                return named;
            }
        }
        int min = Integer.MAX_VALUE;
        for (String d : dirs) {
            min = Math.min(min, depth(d));
        }
        List<String> nearest = new ArrayList<>();
        for (String d : dirs) {
            if (depth(d) == min) {
                nearest.add(d);
            }
        }
        if (nearest.size() > 1) {
            notes.add("several inventories hold group_vars (" + String.join(", ", nearest) + ") and none is in a"
                    + " folder named after the environment" + (environmentId == null ? "" : " '" + environmentId + "'")
                    + ": none of them was read; name the environment after the inventory folder");
            return List.of();
        }
        if (environmentId != null && !withEnvironment.contains(nearest.get(0))) {
            notes.add(nearest.get(0) + " has no group named after the environment '" + environmentId
                    + "': only its group 'all' was read");
        }
        return nearest;
    }

    private static int depth(String p) {
        int d = 0;
        for (int i = 0; i < p.length(); i++) {
            if (p.charAt(i) == '/') {
                d++;
            }
        }
        return d;
    }

    private static void addRoleLayers(Path root, Map<String, List<String>> byRole, String kind,
            List<Variables.Layer> layers, Map<String, List<TemplateProblem>> problems) {
        for (Map.Entry<String, List<String>> e : byRole.entrySet()) {
            for (String f : e.getValue()) {
                addFile(root, f, kind, e.getKey(), layers, problems);
            }
        }
    }

    private static void addFile(Path root, String treePath, String kind, String role, List<Variables.Layer> layers,
            Map<String, List<TemplateProblem>> problems) {
        String text = read(root.resolve(treePath), treePath, problems);
        if (text != null) {
            layers.add(layer(treePath, kind, role, text, problems));
        }
    }

    private static Variables.Layer layer(String origin, String kind, String role, String text,
            Map<String, List<TemplateProblem>> problems) {
        VarsFiles.Parsed parsed = VarsFiles.read(origin, text);
        if (parsed.problem() != null) {
            problems.computeIfAbsent(origin, k -> new ArrayList<>()).add(parsed.problem());
        }
        return new Variables.Layer(origin, kind, role, parsed.values(), parsed.encrypted());
    }

    /** A user's variables file as messages name it: relative to the project (or the source folder), never absolute. */
    private static String shown(Path sourceDirectory, Path displayBase, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Path base : new Path[] {displayBase, sourceDirectory.toAbsolutePath().normalize()}) {
            if (base != null && abs.startsWith(base.toAbsolutePath().normalize())) {
                return base.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/');
            }
        }
        return p.isAbsolute() ? String.valueOf(abs.getFileName()) : p.toString().replace('\\', '/');
    }

    private static String read(Path file, String shown, Map<String, List<TemplateProblem>> problems) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            problems.computeIfAbsent(shown, k -> new ArrayList<>()).add(new TemplateProblem(0, Severity.ERROR,
                    "the variables file cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + ")"));
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.computeIfAbsent(shown, k -> new ArrayList<>()).add(new TemplateProblem(0, Severity.ERROR,
                    "the variables file is not valid UTF-8, which Ansible requires"));
            return null;
        }
    }

    private static boolean varsExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml") || lower.endsWith(".json") || !name.contains(".");
    }

    private static String stripExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".yml", ".yaml", ".json"}) {
            if (lower.endsWith(ext)) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name.contains(".") ? null : name;
    }
}
