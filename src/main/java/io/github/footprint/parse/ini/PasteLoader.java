package io.github.footprint.parse.ini;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.footprint.base.Location;
import io.github.footprint.base.PythonText;
import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;

/**
 * PasteDeploy's loading of a context ({@code loadcontext}, {@code ConfigLoader.get_context} and its helpers),
 * reproduced from PasteDeploy 3.1's {@code loadwsgi.py} without running any Python: section lookup by prefix
 * and name, {@code [DEFAULT]} merging, {@code set}/{@code get}, {@code use} chains through {@code config:} files,
 * {@code egg:} and {@code call:} loaders, pipelines, filter-apps and {@code filter-with}. What PasteDeploy would
 * raise becomes a located {@link ParseProblem} (FP001) with its exception class and text; the load stops there,
 * as {@code loadapp} does. Eggs and modules are not imported: an {@code egg:} or {@code call:} loader is recorded,
 * not checked.
 */
public final class PasteLoader {
    /** PasteDeploy's object types: the section prefixes they look for and the protocols they accept. */
    public enum ObjectType {
        APP(PasteContext.Kind.APP, new String[][] {{"app", "application"}, {"composite", "composit"}, {"pipeline"},
            {"filter-app"}}, new String[][] {{"paste.app_factory"}, {"paste.composite_factory"},
                {"paste.composit_factory"}}),
        FILTER(PasteContext.Kind.FILTER, new String[][] {{"filter"}},
                new String[][] {{"paste.filter_factory", "paste.filter_app_factory"}}),
        SERVER(PasteContext.Kind.SERVER, new String[][] {{"server"}},
                new String[][] {{"paste.server_factory", "paste.server_runner"}});

        final PasteContext.Kind kind;
        final String[][] prefixes;
        final String[][] protocols;

        ObjectType(PasteContext.Kind kind, String[][] prefixes, String[][] protocols) {
            this.kind = kind;
            this.prefixes = prefixes;
            this.protocols = protocols;
        }

        /** {@code ' or '.join(map(repr, _flatten(config_prefixes)))}. */
        String prefixList() {
            List<String> all = new ArrayList<>();
            for (String[] g : prefixes) {
                for (String p : g) {
                    all.add(Py.repr(p));
                }
            }
            return String.join(" or ", all);
        }

        /** The object type a section is loaded as, by its prefix; null for sections PasteDeploy never loads. */
        public static ObjectType ofSection(IniSection s) {
            String name = s.name();
            for (ObjectType t : values()) {
                for (String[] g : t.prefixes) {
                    for (String p : g) {
                        if (name.startsWith(p + ":")) {
                            return t;
                        }
                    }
                }
            }
            return null;
        }
    }

    /** Finds the file a {@code config:} URI names. */
    public interface Resolver {
        /** A target by its absolute path on the host. */
        Target byHostPath(String hostPath);

        /** A relative target of a file whose host path is unknown: relative to that file in the project. */
        Target relativeTo(PasteConfig from, String relativePath);
    }

    /** The answer of a {@link Resolver}. */
    public static final class Target {
        final PasteConfig config;
        final String why;
        final boolean missing;

        private Target(PasteConfig config, String why, boolean missing) {
            this.config = config;
            this.why = why;
            this.missing = missing;
        }

        /** The file, or null when there is none to read. */
        public PasteConfig config() {
            return config;
        }

        /** The file, read with PasteDeploy's defaults for its path. */
        public static Target found(PasteConfig config) {
            return new Target(config, null, false);
        }

        /** Outside the project: its settings are unknown (info). */
        public static Target outside(String why) {
            return new Target(null, why, false);
        }

        /** A path that maps into the project, but no such INI file is there: PasteDeploy fails to open it. */
        public static Target missing(String why) {
            return new Target(null, why, true);
        }

        /** A file configparser refuses: the load stops there, and FP001 already reports why. */
        public static Target failed() {
            return new Target(null, null, false);
        }
    }

    private static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z]+:");

    private final Resolver resolver;
    private final Map<String, ParseProblem> problems = new LinkedHashMap<>();
    private final Map<Location, ShadowedKey> shadowed = new LinkedHashMap<>();
    /**
     * The longest chain of {@code use = config:} files PasteDeploy follows: 3.0.1 (Debian 12's python3-pastedeploy)
     * under Python 3.11's recursion limit of 1000 loads a chain of 197 {@code use} steps with {@code loadcontext} and
     * raises RecursionError at 198 (measured by bisection; a .wsgi's own frames lower it by a few). Beyond it the
     * loader stops with Python's words instead of following the chain further.
     */
    static final int MAX_USE_DEPTH = 197;

    private final Deque<String> stack = new ArrayDeque<>();

    public PasteLoader(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Everything PasteDeploy would raise in the loads so far, each once, in the order found. */
    public List<ParseProblem> problems() {
        return new ArrayList<>(problems.values());
    }

    /** The section keys PasteDeploy drops because a default has the same name, each once. */
    public List<ShadowedKey> shadowed() {
        return new ArrayList<>(shadowed.values());
    }

    /**
     * {@code loadapp('config:FILE#name')} (or {@code loadserver}): the context. When PasteDeploy would raise, the
     * problem is recorded and the result is what the settings say as far as they could be read (a context that
     * {@link PasteContext#failed() failed}), or null when not even that is known (a missing section, an
     * interpolation error).
     *
     * @param at where the load is asked for (the {@code loadapp} call), for "no such section"
     */
    public PasteContext load(ObjectType type, PasteConfig config, String name, Location at) {
        return load(type, config, name, null, at);
    }

    /**
     * {@code loader.get_app(name, global_conf=...)}, as a composite's factory calls it (Paste's URL map): the same
     * as {@link #load(ObjectType, PasteConfig, String, Location)} with the caller's globals.
     */
    public PasteContext load(ObjectType type, PasteConfig config, String name, Map<String, Setting> global,
            Location at) {
        stack.clear();
        try {
            return getContext(type, config, name, global == null ? null : new LinkedHashMap<>(global), at);
        } catch (Fail f) {
            record(f.problem);
            return f.partial;
        }
    }

    /**
     * One section loaded as PasteDeploy loads it once {@code find_config_section} has chosen it: what a
     * {@code loadapp} reaching this section gets. When PasteDeploy would raise, as {@link #load}.
     */
    public PasteContext loadSection(ObjectType type, PasteConfig config, IniSection section) {
        stack.clear();
        try {
            return sectionContext(type, config, section, null);
        } catch (Fail f) {
            record(f.problem);
            return f.partial;
        }
    }

    private void record(ParseProblem p) {
        if (p == null) {
            return;
        }
        problems.putIfAbsent(p.location() + "\u0000" + p.message(), p);
    }

    /** An exception PasteDeploy raises, located. */
    private static final class Fail extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ParseProblem problem;
        /** The settings as far as they were read before PasteDeploy would raise, or null. */
        transient PasteContext partial;

        /** @param problem what to report, or null when it is reported elsewhere */
        Fail(ParseProblem problem) {
            super(problem == null ? null : problem.message(), null, false, false);
            this.problem = problem;
        }

        static Fail error(Location at, String exception, String message, String hint) {
            return new Fail(ParseProblem.syntax(at, exception + ": " + message + " (PasteDeploy stops loading here"
                    + (hint.isEmpty() ? ")" : "). " + hint)));
        }
    }

    private PasteContext getContext(ObjectType type, PasteConfig config, String name, Map<String, Setting> global,
            Location at) throws Fail {
        if (name != null && ABSOLUTE.matcher(name).find()) {
            return loadContext(type, name, config, global, at);
        }
        IniSection section = findConfigSection(type, config, name, at);
        return sectionContext(type, config, section, global);
    }

    /** {@code loadcontext(object_type, uri, relative_to=dirname(filename), global_conf)}. */
    private PasteContext loadContext(ObjectType type, String uri, PasteConfig from, Map<String, Setting> global,
            Location at) throws Fail {
        String name = null;
        int hash = uri.indexOf('#');
        if (hash >= 0) {
            name = uri.substring(hash + 1);
            uri = uri.substring(0, hash);
        }
        if (name == null) {
            name = "main";
        }
        int colon = uri.indexOf(':');
        if (colon < 0) {
            throw Fail.error(at, "LookupError", "URI has no scheme: " + Py.repr(uri),
                    "Write config:FILE, egg:DIST or call:module:function");
        }
        String scheme = uri.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String path = uri.substring(colon + 1);
        Map<String, Setting> g = global == null ? new LinkedHashMap<>() : global;
        switch (scheme) {
            case "config":
                return loadConfig(type, uri, path, name, from, global, at);
            case "egg":
                return new PasteContext(type.kind, "egg:" + path + "#" + name, g, Map.of());
            case "call":
                if (path.indexOf(':') < 0) {
                    throw Fail.error(at, "LookupError", "Configuration not in format module:function",
                            "Write call:package.module:function");
                }
                return new PasteContext(type.kind, "call:" + path, g, Map.of());
            default:
                throw Fail.error(at, "LookupError", "URI scheme not known: " + Py.repr(scheme)
                        + " (from config, egg, call)", "Use egg:, config: or call:, or the name of a section");
        }
    }

    /** {@code _loadconfig}: the path joined to the including file's folder, then that file's context. */
    private PasteContext loadConfig(ObjectType type, String uri, String path, String name, PasteConfig from,
            Map<String, Setting> global, Location at) throws Fail {
        boolean isabs = path.startsWith("/");
        path = path.replace('\\', '/');
        Target target;
        if (from.hostPath() != null || isabs) {
            if (!isabs) {
                String relativeTo = parent(from.hostPath());
                path = relativeTo.endsWith("/") ? relativeTo + path : relativeTo + "/" + path;
            }
            if (path.startsWith("///")) {
                path = path.substring(2);
            }
            target = resolver.byHostPath(PythonText.strip(unquote(path)));
        } else {
            target = resolver.relativeTo(from, PythonText.strip(unquote(path)));
        }
        if (target.config == null) {
            if (target.why == null) {
                throw new Fail(null);
            }
            if (target.missing) {
                throw Fail.error(at, "FileNotFoundError", "[Errno 2] No such file or directory: " + Py.repr(path)
                        + " (" + target.why + ")", "Add the file to the project or correct the path");
            }
            record(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.INFO, at, "use = " + uri + "#" + name
                    + " leaves the project (" + target.why + "): footprint cannot read it, so the settings it holds"
                    + " are unknown. Add the file to the project, or a pathMappings entry for its folder"));
            PasteContext unknown = new PasteContext(type.kind, "config:" + path + "#" + name,
                    global == null ? Map.of() : global, Map.of());
            unknown.incomplete();
            return unknown;
        }
        PasteConfig loaded = global == null || global.isEmpty() ? target.config
                : target.config.withCallerDefaults(global);
        return getContext(type, loaded, name, global, at);
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : i == 0 ? "/" : path.substring(0, i);
    }

    /** {@code find_config_section} with {@code _find_sections}. */
    private IniSection findConfigSection(ObjectType type, PasteConfig config, String name, Location at) throws Fail {
        List<IniSection> possible = new ArrayList<>();
        for (String[] group : type.prefixes) {
            for (String prefix : group) {
                List<IniSection> found = new ArrayList<>();
                String n = name;
                if (n == null) {
                    config.document().section(prefix).ifPresent(found::add);
                    n = "main";
                }
                for (IniSection s : config.sections()) {
                    if (s.name().startsWith(prefix + ":") && PythonText.strip(s.name().substring(prefix.length() + 1))
                            .equals(n)) {
                        found.add(s);
                    }
                }
                if (!found.isEmpty()) {
                    possible.addAll(found);
                    break;
                }
            }
        }
        if (possible.isEmpty()) {
            throw Fail.error(at, "LookupError", "No section " + Py.repr(String.valueOf(name)) + " (prefixed by "
                    + type.prefixList() + ") found in config " + config.filename(), "Name an existing section, or"
                    + " add [" + type.prefixes[0][0] + ":" + name + "] to " + config.document().file().displayPath());
        }
        if (possible.size() > 1) {
            List<String> names = new ArrayList<>();
            possible.forEach(s -> names.add(s.name()));
            throw Fail.error(at, "LookupError", "Ambiguous section names " + Py.repr(names) + " for section "
                    + Py.repr(String.valueOf(name)) + " (prefixed by " + type.prefixList() + ") found in config "
                    + config.filename(), "Rename all but one of them");
        }
        return possible.get(0);
    }

    /** The body of {@code ConfigLoader.get_context} once the section is known. */
    private PasteContext sectionContext(ObjectType type, PasteConfig config, IniSection section,
            Map<String, Setting> globalIn) throws Fail {
        String key = config.document().file().displayPath() + "#" + section.name() + "#" + type;
        if (stack.size() > MAX_USE_DEPTH) {
            throw Fail.error(section.location(), "RecursionError", "maximum recursion depth exceeded: more than "
                    + MAX_USE_DEPTH + " sections in a row lead on through use, pipeline, next or filter-with to ["
                    + section.name() + "] of " + config.document().file().displayPath(), "Shorten the chain");
        }
        if (stack.contains(key)) {
            throw Fail.error(section.location(), "RecursionError", "maximum recursion depth exceeded: ["
                    + section.name() + "] of " + config.document().file().displayPath() + " leads back to itself"
                    + " through use, pipeline, next or filter-with", "Break the loop");
        }
        stack.push(key);
        try {
            return sectionContextInner(type, config, section, globalIn);
        } finally {
            stack.pop();
        }
    }

    private PasteContext sectionContextInner(ObjectType type, PasteConfig config, IniSection section,
            Map<String, Setting> globalIn) throws Fail {
        Map<String, Setting> defaults = config.defaults();
        for (Setting d : defaults.values()) {
            check(d, config, section);
        }
        Map<String, Setting> global = new LinkedHashMap<>(defaults);
        if (globalIn != null) {
            global.putAll(globalIn);
        }
        Map<String, Setting> local = new LinkedHashMap<>();
        Map<String, Setting> additions = new LinkedHashMap<>();
        Map<String, Setting> getFromGlobals = new LinkedHashMap<>();
        for (String option : config.options(section)) {
            if (option.startsWith("set ")) {
                Setting s = check(config.get(section, option), config, section);
                String name = PythonText.strip(option.substring(4));
                Setting v = s.as(name, Setting.Origin.SET, null);
                additions.put(name, v);
                global.put(name, v);
            } else if (option.startsWith("get ")) {
                Setting s = check(config.get(section, option), config, section);
                getFromGlobals.put(PythonText.strip(option.substring(4)), s);
            } else if (defaults.containsKey(option)) {
                Optional<IniEntry> own = section.get(option);
                if (own.isPresent()) {
                    shadowed.putIfAbsent(own.get().location(), new ShadowedKey(config, section,
                            config.get(section, option), defaults.get(option)));
                }
            } else {
                local.put(option, check(config.get(section, option), config, section));
            }
        }
        for (Map.Entry<String, Setting> e : getFromGlobals.entrySet()) {
            Setting g = global.get(e.getValue().value());
            if (g == null) {
                throw Fail.error(e.getValue().location(), "KeyError", Py.repr(e.getValue().value()), "get "
                        + e.getKey() + " = " + e.getValue().value() + " copies a global that neither [DEFAULT] nor a"
                        + " set line defines");
            }
            local.put(e.getKey(), g.as(e.getKey(), Setting.Origin.GET, e.getValue().location()));
        }
        Setting filterWith = null;
        if ((type == ObjectType.APP || type == ObjectType.FILTER) && local.containsKey("filter-with")) {
            filterWith = local.remove("filter-with");
        }
        local.remove("require");
        PasteContext context;
        try {
            if (section.name().startsWith("filter-app:")) {
                context = filterAppContext(config, section, global, local, additions);
            } else if (section.name().startsWith("pipeline:")) {
                context = pipelineContext(config, section, global, local);
            } else if (local.containsKey("use")) {
                context = contextFromUse(type, config, section, local, global, additions);
            } else {
                context = contextFromExplicit(type, section, local, global);
                context.outer(new PasteContext.SectionRef(config, section));
            }
        } catch (Fail f) {
            if (f.partial == null) {
                // the settings are known; what is missing is how to build the object
                f.partial = new PasteContext(type.kind, null, global, local);
                f.partial.outer(new PasteContext.SectionRef(config, section));
                f.partial.fail();
            }
            throw f;
        }
        if (filterWith != null) {
            PasteContext with = new PasteContext(PasteContext.Kind.FILTER_WITH, null, global, local);
            with.outer(new PasteContext.SectionRef(config, section));
            with.filter = getContext(ObjectType.FILTER, config, filterWith.value(), global, filterWith.location());
            with.next = context;
            return with;
        }
        return context;
    }

    private static Setting check(Setting s, PasteConfig config, IniSection section) throws Fail {
        if (s.ok()) {
            return s;
        }
        InterpolationError e = s.error();
        String hint;
        switch (e.type()) {
            case "InterpolationMissingOptionError":
                hint = "Define the key in [" + section.name() + "] or [DEFAULT] (or pass it in loadapp's global_conf),"
                        + " or write %% for a literal %";
                break;
            case "InterpolationSyntaxError":
                hint = "Write %% for a literal % (a URL-encoded password such as p%40ss becomes p%%40ss)";
                break;
            case "InterpolationDepthError":
                hint = "The values refer to each other in a loop or more than 10 deep";
                break;
            default:
                hint = "";
        }
        throw Fail.error(s.location(), e.type(), e.pasteMessage(), hint);
    }

    private PasteContext contextFromUse(ObjectType type, PasteConfig config, IniSection section,
            Map<String, Setting> local, Map<String, Setting> global, Map<String, Setting> additions) throws Fail {
        Setting use = local.remove("use");
        PasteContext context;
        try {
            context = getContext(type, config, use.value(), global, use.location());
        } catch (Fail f) {
            if (f.partial != null) {
                // what this section adds still applies to what was read of the one it uses
                f.partial.globalConf.putAll(additions);
                f.partial.localConf.putAll(local);
                f.partial.outer(new PasteContext.SectionRef(config, section));
            }
            throw f;
        }
        context.globalConf.putAll(additions);
        context.localConf.putAll(local);
        if (global.containsKey("__file__")) {
            context.globalConf.put("__file__", global.get("__file__"));
        }
        context.outer(new PasteContext.SectionRef(config, section));
        return context;
    }

    private PasteContext contextFromExplicit(ObjectType type, IniSection section, Map<String, Setting> local,
            Map<String, Setting> global) throws Fail {
        List<String> possible = new ArrayList<>();
        String protocol = null;
        for (String[] group : type.protocols) {
            for (String p : group) {
                if (local.containsKey(p)) {
                    possible.add("(" + Py.repr(p) + ", " + Py.repr(local.get(p).value()) + ")");
                    if (protocol == null) {
                        protocol = p;
                    }
                    break;
                }
            }
        }
        if (possible.size() > 1) {
            throw Fail.error(local.get(protocol).location(), "LookupError", "Multiple protocols given in section "
                    + Py.repr(section.name()) + ": [" + String.join(", ", possible) + "]", "Keep one of them");
        }
        if (protocol == null) {
            throw Fail.error(section.location(), "LookupError", "No loader given in section " + Py.repr(section.name()),
                    "Add use = egg:Dist#name (or a " + type.protocols[0][0] + " = module:function line)");
        }
        Setting factory = local.remove(protocol);
        return new PasteContext(type.kind, protocol + " = " + factory.value(), global, local);
    }

    private PasteContext filterAppContext(PasteConfig config, IniSection section, Map<String, Setting> global,
            Map<String, Setting> local, Map<String, Setting> additions) throws Fail {
        if (!local.containsKey("next")) {
            throw Fail.error(section.location(), "LookupError", "The [" + section.name() + "] section in "
                    + config.filename() + " is missing a 'next' setting", "Add next = NAME of the application");
        }
        Setting next = local.remove("next");
        PasteContext context = new PasteContext(PasteContext.Kind.FILTER_APP, null, global, local);
        context.outer(new PasteContext.SectionRef(config, section));
        context.next = getContext(ObjectType.APP, config, next.value(), global, next.location());
        if (local.containsKey("use")) {
            context.filter = contextFromUse(ObjectType.FILTER, config, section, new LinkedHashMap<>(local), global,
                    additions);
        } else {
            context.filter = contextFromExplicit(ObjectType.FILTER, section, new LinkedHashMap<>(local), global);
        }
        return context;
    }

    private PasteContext pipelineContext(PasteConfig config, IniSection section, Map<String, Setting> global,
            Map<String, Setting> local) throws Fail {
        if (!local.containsKey("pipeline")) {
            throw Fail.error(section.location(), "LookupError", "The [" + section.name() + "] section in "
                    + config.filename() + " is missing a 'pipeline' setting", "Add pipeline = filter ... app");
        }
        Setting pipelineKey = local.remove("pipeline");
        List<String> pipeline = Py.split(pipelineKey.value());
        if (!local.isEmpty()) {
            Setting first = local.values().iterator().next();
            throw Fail.error(first.location(), "LookupError", "The [" + section.name() + "] pipeline section in "
                    + config.filename() + " has extra (disallowed) settings: " + String.join(", ", local.keySet()),
                    "Move them to the sections the pipeline names");
        }
        PasteContext context = new PasteContext(PasteContext.Kind.PIPELINE, null, global, local);
        context.outer(new PasteContext.SectionRef(config, section));
        if (pipeline.isEmpty()) {
            throw Fail.error(pipelineKey.location(), "IndexError", "list index out of range",
                    "The pipeline is empty: list its filters, then the application last, pipeline = filter ... app");
        }
        context.app = getContext(ObjectType.APP, config, pipeline.get(pipeline.size() - 1), global,
                pipelineKey.location());
        for (String f : pipeline.subList(0, pipeline.size() - 1)) {
            context.filters.add(getContext(ObjectType.FILTER, config, f, global, pipelineKey.location()));
        }
        return context;
    }

    /** {@code urllib.parse.unquote}: {@code %XX} sequences decoded as UTF-8, invalid bytes replaced. */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            flush(bytes, out);
            out.append(s.charAt(i));
            i++;
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes.toByteArray())));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
        bytes.reset();
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
