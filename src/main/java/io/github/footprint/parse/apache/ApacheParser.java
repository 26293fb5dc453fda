package io.github.footprint.parse.apache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.Excerpt;
import io.github.footprint.base.CType;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.source.template.Unknowns;

/**
 * Reads httpd configuration as httpd 2.4 does (server/config.c, server/util.c): continuation lines,
 * whole-line comments, {@code ${VAR}} expansion, {@code ap_getword_conf} words, nested sections closed in
 * the file that opened them, and the read-time directives ({@code Include}, {@code Define},
 * {@code LoadModule}, {@code <IfModule>}, {@code <IfDefine>}, {@code <IfVersion>}, {@code <IfFile>}, mod_macro's
 * {@code <Macro>}, {@code Use} and {@code UndefMacro}...) evaluated in order. Problems are values with locations;
 * nothing is thrown.
 *
 * <p>Nothing recurses on the depth of the input: sections nest through the tree's parent links as in
 * {@code ap_build_config_sub}, the bodies of true conditionals (which httpd reads with a recursive
 * {@code ap_build_cont_config}) are frames of an explicit stack, skipped bodies ({@code ap_soak_end_container}) a
 * stack of names, macro expansions a stack of line sources ({@link ConfigStream}). Only {@code Include} recurses,
 * bounded as httpd bounds it ({@link #MAX_INCLUDE_DEPTH}).
 */
public final class ApacheParser {
    /** httpd's AP_MAX_INCLUDE_DEPTH. */
    static final int MAX_INCLUDE_DEPTH = 128;
    /**
     * footprint's bound on the lines all {@code Use} lines of one reading may produce. mod_macro has none: macros
     * that use other macros twice over expand exponentially and httpd runs until its memory is gone.
     */
    static final int MAX_EXPANDED_LINES = 1_000_000;
    /** The same bound on the characters they may produce. */
    static final long MAX_EXPANDED_CHARS = 64L * 1024 * 1024;
    /** footprint's bound on one line once its {@code ${...}} variables are replaced: 1 MiB of characters. */
    static final int MAX_EXPANDED_LINE = 1 << 20;
    /**
     * How many true conditionals may nest before footprint warns that httpd will not read them: httpd reads each
     * body with a recursive {@code ap_build_cont_config}, and Debian's apache2 2.4.71 with the default 8 MiB stack
     * crashed (segmentation fault) beyond about 8,440 nested {@code <IfModule !x.c>} (footprint's measurement).
     */
    static final int HTTPD_COND_DEPTH = 8000;
    /** The same for skipped bodies ({@code ap_soak_end_container}): it crashed beyond about 65,450 levels. */
    static final int HTTPD_SOAK_DEPTH = 60000;

    /** The read-time conditional sections, by lower-case name, with the name httpd registers (and prints). */
    private static final Map<String, String> CONDITIONALS = Map.of("ifmodule", "IfModule", "ifdefine", "IfDefine",
            "ifversion", "IfVersion", "iffile", "IfFile", "ifdirective", "IfDirective", "ifsection", "IfSection");
    /** Compiled into Debian's apache2 binary (apache2ctl -l), by source file and by identifier. */
    private static final List<String> BUILT_IN = List.of("core.c", "core_module", "mod_so.c", "so_module",
            "mod_watchdog.c", "watchdog_module", "http_core.c", "http_module", "mod_log_config.c",
            "log_config_module", "mod_logio.c", "logio_module", "mod_version.c", "version_module", "mod_unixd.c",
            "unixd_module");
    private static final List<String> MPMS = List.of("prefork", "worker", "event");
    private static final Pattern VAR = Pattern.compile("\\$\\{([^}]+)\\}");
    private static final String INVALID_COMMAND = "', perhaps misspelled or defined by a module not included in the"
            + " server configuration";

    /**
     * How to read: the declared httpd version, the MPM assumed without a main file, the start-up environment, and
     * for a distribution's binary ({@link #withServer}) its compiled-in modules, MPM and ServerRoot, and the files it
     * never reads.
     */
    public static final class Options {
        final String version;
        final String assumedMpm;
        final Map<String, String> environment;
        final List<String> builtIn;
        final String builtInMpm;
        final String serverRoot;
        final Predicate<SourceFile> disabled;
        final List<String> hostModules;

        /**
         * @param version {@code 2.2} or {@code 2.4}
         * @param assumedMpm the MPM that is loaded when there is no main file
         * @param environment variables a start-up script (Debian's envvars) exports to httpd
         */
        public Options(String version, String assumedMpm, Map<String, String> environment) {
            this(version, assumedMpm, environment, BUILT_IN, null, null, f -> false, List.of());
        }

        private Options(String version, String assumedMpm, Map<String, String> environment, List<String> builtIn,
                String builtInMpm, String serverRoot, Predicate<SourceFile> disabled, List<String> hostModules) {
            this.hostModules = List.copyOf(hostModules);
            this.version = version;
            this.assumedMpm = assumedMpm;
            this.environment = Map.copyOf(environment);
            this.builtIn = List.copyOf(builtIn);
            this.builtInMpm = builtInMpm;
            this.serverRoot = serverRoot;
            this.disabled = disabled;
        }

        /**
         * These options for a distribution's httpd binary.
         *
         * @param builtIn the modules compiled in, as {@code <IfModule>} tests them (identifiers and source files)
         * @param builtInMpm the MPM linked in ({@code event}), or null when the MPM is a module
         * @param serverRoot the compiled-in ServerRoot ({@code /etc/apache2})
         * @param disabled files of the tree httpd never reads (a project's site only in {@code sites-available})
         * @param hostModules modules taken to be loaded by the host outside the configuration read (mod_wsgi, which
         *     upstream httpd does not ship), as {@code <IfModule>} tests them
         */
        public Options withServer(List<String> builtIn, String builtInMpm, String serverRoot,
                Predicate<SourceFile> disabled, List<String> hostModules) {
            return new Options(version, assumedMpm, environment, builtIn, builtInMpm, serverRoot, disabled,
                    hostModules);
        }
    }

    private final SourceSet sources;
    private final HostPathMapper mapper;
    private final Options options;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Set<String> modules = new LinkedHashSet<>();
    private final Map<String, String> defines = new LinkedHashMap<>();
    /** The Define'd names that have a value: only these resolve {@code ${name}} (httpd's defined-vars table). */
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Set<SourceFile> filesRead = new LinkedHashSet<>();
    private final Deque<SourceFile> includeStack = new ArrayDeque<>();
    private final Names names = new Names();
    /** Reads the name of each line; used up before the next line is read, so one serves the whole reading. */
    private final ConfWords lineWords = new ConfWords("");
    /** mod_macro's {@code ap_macros}: the macros by lower-case name; null until the first {@code <Macro>}. */
    private Map<String, Macro> macros;
    private long expandedLines;
    private long expandedChars;
    /** Variables a line too long to read would have defined; lines that use them are not read either. */
    private final java.util.Set<String> overrun = new java.util.HashSet<>();
    private boolean lineOverrunSaid;
    private boolean expansionStopped;
    private boolean condDepthWarned;
    private boolean soakDepthWarned;
    private String serverRoot;
    private boolean vhostOnly;

    private ApacheParser(SourceSet sources, HostPathMapper mapper, Options options) {
        this.sources = sources;
        this.mapper = mapper;
        this.options = options;
        this.modules.addAll(options.builtIn);
        this.serverRoot = options.serverRoot;
    }

    /**
     * Reads the configuration from {@code main}, then every Apache file of the tree that it did not reach
     * (except Debian's disabled {@code *-available} files), as if included at its end. With no main file
     * (a vhost-only project) every Apache file is read in tree order and the assumed MPM is loaded.
     */
    public static ApacheConfig parse(SourceSet sources, HostPathMapper mapper, SourceFile main, Options options) {
        ApacheParser p = new ApacheParser(sources, mapper, options);
        Directive root = new Directive("server", "", List.of(), new Location("", 0), true, null);
        p.vhostOnly = main == null;
        if (main == null) {
            p.modules.add(options.assumedMpm + ".c");
            p.modules.add("mpm_" + options.assumedMpm + "_module");
        } else {
            p.readFile(main, root);
        }
        Map<SourceFile, List<String>> linksTo = new HashMap<>();
        sources.links().forEach((link, f) -> linksTo.computeIfAbsent(f, k -> new ArrayList<>()).add(link));
        for (SourceFile f : sources.files(FileKind.APACHE)) {
            if (!p.filesRead.contains(f) && !isDisabled(f, linksTo) && !options.disabled.test(f) && f.parseable()) {
                p.readFile(f, root);
            }
        }
        return new ApacheConfig(root, p.problems, p.modules, p.defines, p.is22() ? Map.of() : p.variables, p.serverRoot,
                p.filesRead, main, options.builtInMpm, options.hostModules, p.overrun);
    }

    /**
     * A file no Include reaches that is still not read: Debian keeps disabled modules, sites and confs in
     * *-available, and hidden files are never configuration; but a link of the tree outside them (what
     * {@code a2ensite} makes in {@code sites-enabled/}) enables the file it points at.
     */
    private static boolean isDisabled(SourceFile f, Map<SourceFile, List<String>> linksTo) {
        if (!isDisabled(f.treePath())) {
            return false;
        }
        for (String link : linksTo.getOrDefault(f, List.of())) {
            if (!isDisabled(link)) {
                return false;
            }
        }
        return true;
    }

    /** A path in a {@code *-available} folder or hidden. */
    private static boolean isDisabled(String treePath) {
        for (String part : treePath.split("/")) {
            if (part.endsWith("-available") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether mod_macro's {@code <Macro>}, {@code Use} and {@code UndefMacro} are known: after a
     * {@code LoadModule macro_module} (Debian: {@code a2enmod macro}); and in a project without a main file, where
     * nothing says which modules the host loads, always.
     */
    private boolean macroModuleLoaded() {
        return vhostOnly || modules.contains("macro_module");
    }

    private void readFile(SourceFile f, Directive parent) {
        filesRead.add(f);
        if (!f.parseable()) {
            return;
        }
        includeStack.push(f);
        read(new ConfigStream(f, is22(), problems), parent);
        includeStack.pop();
    }

    /**
     * The body of a true conditional, which {@code ap_build_cont_config} reads as a tree of its own, ended only by a
     * line that is exactly {@code </Name>} while none of its own sections is open; sections of the outer tree
     * cannot be closed from inside it, and its own unclosed sections pass unnoticed at the end of the file.
     */
    private static final class Frame {
        final Frame outer;
        final Directive base;
        /** The conditional's registered name, or null for the file itself ({@code ap_build_config}). */
        final String tag;

        Frame(Frame outer, Directive base, String tag) {
            this.outer = outer;
            this.base = base;
            this.tag = tag;
        }
    }

    /** One file's reading: its lines, the conditional bodies open, and the section directives are added to. */
    private static final class Reading {
        final ConfigStream s;
        Frame frame;
        Directive cur;
        /** How many true conditionals' bodies are being read. */
        int conditionals;

        Reading(ConfigStream s, Directive base) {
            this.s = s;
            this.frame = new Frame(null, base, null);
            this.cur = base;
        }
    }

    /** {@code ap_build_config} over one file, with the frames of true conditionals on an explicit stack. */
    private void read(ConfigStream s, Directive base) {
        Reading r = new Reading(s, base);
        while (s.next()) {
            if (r.frame.tag != null && r.cur == r.frame.base && s.closes(r.frame.tag)) {
                r.cur = r.frame.base.parent();
                r.frame = r.frame.outer;
                r.conditionals--;
                continue;
            }
            if (s.skipped()) {
                continue;
            }
            String src = s.src;
            int from = s.from;
            int to = s.to;
            if (hasVariable(src, from, to)) {
                src = expand(s, s.text());
                if (src == null) {
                    continue;
                }
                from = 0;
                to = src.length();
            }
            ConfWords words = lineWords.reset(src, from, to);
            String name = words.next(names);
            int rest = words.position();
            if (name.startsWith("</")) {
                if (!close(r, name)) {
                    break;
                }
                continue;
            }
            if (name.startsWith("<")) {
                readSection(r, name, src, rest, to);
                continue;
            }
            String key = names.key(name);
            if ((key.equals("use") || key.equals("undefmacro")) && macroModuleLoaded()) {
                if (key.equals("use")) {
                    use(r, src.substring(rest, to));
                } else {
                    undefMacro(r, src.substring(rest, to));
                }
                continue;
            }
            Directive d = node(r, name, key, src, rest, to, false);
            r.cur.add(d);
            if ((key.equals("use") || key.equals("undefmacro"))) {
                problems.add(ParseProblem.syntax(d.location(), s.located("Invalid command '" + name + INVALID_COMMAND
                        + "; load mod_macro first (LoadModule macro_module)"), name + " is mod_macro's: httpd knows it"
                        + " only after LoadModule macro_module."));
            }
            readTimeDirective(d, r.cur);
        }
        // the end of the file ends the bodies of true conditionals quietly, then the file's own sections must be closed
        while (r.frame.tag != null) {
            r.cur = r.frame.base.parent();
            r.frame = r.frame.outer;
        }
        if (!s.aborted()) {
            for (Directive d = r.cur; d != base; d = d.parent()) {
                problems.add(ParseProblem.syntax(d.location(), located(d, "<" + d.name() + "> was not closed.")));
            }
        }
    }

    /** A close tag ({@code ap_build_config_sub}); false when httpd stops reading there. */
    private boolean close(Reading r, String name) {
        ConfigStream s = r.s;
        if (r.cur == r.frame.base) {
            problems.add(ParseProblem.syntax(s.at(), s.located(name + " without matching <" + name.substring(2)
                    + " section")));
            return true;
        }
        if (!name.endsWith(">")) {
            problems.add(ParseProblem.syntax(s.at(), s.located(name + "> directive missing closing '>'")));
            s.abort();
            return false;
        }
        // the name between "</" and ">" is the open section's, ignoring case
        String open = r.cur.name();
        if (name.length() - 3 != open.length() || !name.regionMatches(true, 2, open, 0, open.length())) {
            String closing = name.substring(2, name.length() - 1);
            problems.add(ParseProblem.syntax(s.at(), s.located("Expected </" + open + "> but saw </" + closing + ">")));
            s.abort();
            return false;
        }
        r.cur = r.cur.parent();
        return true;
    }

    /** A directive or section read from the stream's current line: its place, and its Use when a macro made it. */
    private Directive node(Reading r, String name, String key, String text, int from, int to, boolean section) {
        ConfigStream s = r.s;
        MacroUse use = s.use();
        Directive d;
        if (use == null) {
            d = new Directive(name, key, text, from, to, s.file().displayPath(), s.line(), section, r.cur);
        } else {
            Location at = use.location();
            d = new Directive(name, key, text, from, to, at.file(), at.line(), section, r.cur);
            d.macroLine(s.macroLine());
        }
        return d;
    }

    private static String located(Directive d, String message) {
        return d.macroLine() == null ? message : message + " (" + d.macroLine().describe() + ")";
    }

    /**
     * A section's opening line; its arguments (what follows the name) are {@code src.substring(rest, to)}.
     */
    private void readSection(Reading r, String name, String src, int rest, int to) {
        ConfigStream s = r.s;
        String sect;
        String args;
        int from;
        int end;
        if (name.endsWith(">")) {
            sect = names.get(name, 1, name.length() - 1);
            args = rest == to ? ">" : src;
            from = rest == to ? 0 : rest;
            end = rest == to ? 1 : to;
        } else {
            sect = names.get(name, 1, name.length());
            args = src;
            from = rest;
            end = to;
        }
        String key = names.key(sect);
        String tag = CONDITIONALS.getOrDefault(key, sect);
        if (key.equals("ifversion")) {
            ifVersion(r, sect, args.substring(from, end));
            return;
        }
        if (key.equals("macro") && macroModuleLoaded()) {
            defineMacro(r, args.substring(from, end));
            return;
        }
        int gt = end - 1;
        while (gt >= from && args.charAt(gt) != '>') {
            gt--;
        }
        if (gt < from) {
            problems.add(ParseProblem.syntax(s.at(), s.located("<" + tag + "> directive missing closing '>'")));
            soak(s, tag);
            return;
        }
        // the arguments before the last '>', stripped as String.strip does (Unicode white space)
        int innerFrom = from;
        int innerTo = gt;
        while (innerFrom < innerTo && Character.isWhitespace(args.charAt(innerFrom))) {
            innerFrom++;
        }
        while (innerTo > innerFrom && Character.isWhitespace(args.charAt(innerTo - 1))) {
            innerTo--;
        }
        if (CONDITIONALS.containsKey(key)) {
            // start_cond_section: an optional '!', then the first word; further words are ignored
            boolean not = gt > from && args.charAt(from) == '!';
            String word = new ConfWords(args, not ? from + 1 : from, gt).next();
            if (word.isEmpty()) {
                problems.add(ParseProblem.syntax(s.at(), s.located("<" + tag
                        + "> directive requires additional arguments")));
                soak(s, tag);
                return;
            }
            if (evaluate(key, word, not)) {
                Directive d = node(r, sect, key, args, innerFrom, innerTo, true);
                r.cur.add(d);
                enterConditional(r, d, tag);
            } else {
                soak(s, tag);
            }
            return;
        }
        Directive d = node(r, sect, key, args, innerFrom, innerTo, true);
        if (key.equals("macro")) {
            // mod_macro is not loaded: httpd reads <Macro> as a section it knows no handler for and stops with
            // "Invalid command" once the tree is read; its body is not the configuration's, so it is kept aside
            problems.add(ParseProblem.syntax(d.location(), s.located("Invalid command '<" + sect + INVALID_COMMAND
                    + "; load mod_macro first (LoadModule macro_module)"), "<Macro> is mod_macro's: httpd knows it"
                    + " only after LoadModule macro_module."));
        } else {
            r.cur.add(d);
        }
        r.cur = d;
    }

    /** Reads the body of a true conditional next: a frame of its own, as {@code ap_build_cont_config} reads it. */
    private void enterConditional(Reading r, Directive d, String tag) {
        r.frame = new Frame(r.frame, d, tag);
        r.cur = d;
        if (++r.conditionals > HTTPD_COND_DEPTH && !condDepthWarned) {
            condDepthWarned = true;
            problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Severity.WARNING, d.location(), located(d,
                    r.conditionals + " nested <" + tag + "> sections whose test is true: Debian's apache2 2.4 crashed"
                            + " beyond about 8,440 levels; nest far fewer"), "They are read-time conditionals: httpd"
                            + " reads the body of each with a recursive call (ap_build_cont_config), and with the default"
                            + " 8 MiB stack it crashed (segmentation fault). footprint reads on."));
        }
    }

    /** mod_version's {@code <IfVersion>}: its own reading of the arguments, see {@link IfVersion}. */
    private void ifVersion(Reading r, String sect, String args) {
        ConfigStream s = r.s;
        IfVersion.Result v = IfVersion.evaluate(args, options.version);
        if (v.error != null) {
            problems.add(ParseProblem.syntax(s.at(), s.located(v.error)));
            soak(s, "IfVersion");
        } else if (v.matches) {
            int gt = args.lastIndexOf('>');
            String inner = (gt < 0 ? args : args.substring(0, gt)).strip();
            Directive d = node(r, sect, names.key(sect), inner, 0, inner.length(), true);
            r.cur.add(d);
            enterConditional(r, d, "IfVersion");
        } else {
            soak(s, "IfVersion");
        }
    }

    /**
     * Skips a body httpd does not read ({@code ap_soak_end_container}: a false condition), keeping its nesting
     * checks, with a stack of the sections open in it instead of httpd's recursion. Lines are taken as read, without
     * {@code ${VAR}} expansion; a close tag loses its last character, whatever it is, before the comparison. The
     * first error ends the skipping and the file (httpd stops there); httpd reports it at the skipped block's
     * opening line, and so does footprint, naming the line inside.
     */
    private void soak(ConfigStream s, String open) {
        Location at = s.at();
        String atOrigin = s.use() == null ? null : s.macroLine().describe();
        Deque<String> skipped = new ArrayDeque<>();
        Deque<String> lines = new ArrayDeque<>();
        skipped.push(open);
        lines.push("");
        while (s.next()) {
            if (s.from == s.to) {
                continue;
            }
            char c = s.src.charAt(s.from);
            if (c != '<' && c != '"' && c != '\'') {
                continue;
            }
            ConfWords words = new ConfWords(s.src, s.from, s.to);
            String name = words.next();
            if (!name.startsWith("<")) {
                continue;
            }
            if (name.startsWith("</")) {
                String closing = name.length() > 2 ? name.substring(2, name.length() - 1) : "";
                if (!closing.equalsIgnoreCase(skipped.peek())) {
                    problems.add(ParseProblem.syntax(at, withOrigin("Expected </" + skipped.peek() + "> but saw </"
                            + closing + "> (" + s.lineName() + ", in a block httpd skips)", atOrigin)));
                    s.abort();
                    return;
                }
                skipped.pop();
                lines.pop();
                if (skipped.isEmpty()) {
                    return;
                }
            } else {
                String nested = name.substring(1);
                if (words.atEnd() && nested.endsWith(">")) {
                    nested = nested.substring(0, nested.length() - 1);
                }
                skipped.push(nested);
                lines.push(s.lineName());
                if (skipped.size() > HTTPD_SOAK_DEPTH && !soakDepthWarned) {
                    soakDepthWarned = true;
                    problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Severity.WARNING, s.at(), s.located(
                            skipped.size() + " nested sections in a skipped block: Debian's apache2 2.4 crashed beyond"
                                    + " about 65,450 levels; nest far fewer"), "The block is a read-time conditional"
                                    + " whose test is false: httpd skips each nested section with a recursive call"
                                    + " (ap_soak_end_container), and with the default 8 MiB stack it crashed"
                                    + " (segmentation fault). footprint reads on."));
                }
            }
        }
        if (!s.aborted()) {
            String inner = lines.peek();
            problems.add(ParseProblem.syntax(at, withOrigin("Expected </" + skipped.peek() + "> before end of"
                    + " configuration" + (inner.isEmpty() ? "" : " (" + inner + ", in a block httpd skips)"), atOrigin)));
        }
    }

    private static String withOrigin(String message, String origin) {
        return origin == null ? message : message + " (" + origin + ")";
    }

    // ---------------------------------------------------------------- mod_macro

    /** A problem at the stream's current line, in mod_macro's words. */
    private void macroProblem(ConfigStream s, Severity severity, Location at, String message) {
        problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, severity, at, s.located(message)));
    }

    /** mod_macro's {@code ap_log_error(APLOG_WARNING, ...)}: a warning with its AH number. */
    private void macroWarning(ConfigStream s, Location at, String code, String message) {
        macroProblem(s, Severity.WARNING, at, "AH" + code + ": " + message);
    }

    /** The name httpd gives the configuration the current line came from: the file, or the Use's expansion. */
    private static String configName(ConfigStream s) {
        MacroUse use = s.use();
        return use == null ? s.file().displayPath() : use.where();
    }

    /**
     * mod_macro's {@code macro_section}: {@code <Macro name $a $b>} ... {@code </Macro>}, the body read as lines
     * ({@code get_lines_till_end_token}), checked ({@code check_macro_arguments}, {@code check_macro_contents}) and
     * kept under its lower-case name. Errors and warnings are mod_macro's, word for word.
     *
     * @param arg the text after {@code <Macro}, {@code >} included (RAW_ARGS)
     */
    private void defineMacro(Reading r, String arg) {
        ConfigStream s = r.s;
        Location at = s.at();
        int line = s.httpdLine();
        String config = configName(s);
        if (macros == null) {
            macros = new HashMap<>();
        }
        int endp = arg.lastIndexOf('>');
        if (endp < 0) {
            macroProblem(s, Severity.ERROR, at, "<Macro> directive missing closing '>'");
            skipMacroBody(s);
            return;
        }
        if (endp == 0) {
            macroProblem(s, Severity.ERROR, at, "<Macro macro definition: empty name");
            skipMacroBody(s);
            return;
        }
        warnIfNonBlank(s, at, "AH02801: non blank chars found after <Macro closing '>'", arg.substring(endp + 1), line,
                config);
        ConfWords words = new ConfWords(arg, 0, endp);
        String name = words.next().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            macroProblem(s, Severity.ERROR, at, "<Macro macro definition: name not found");
            skipMacroBody(s);
            return;
        }
        Macro old = macros.get(name);
        if (old != null) {
            macroWarning(s, at, "02802", "macro '" + name + "' multiply defined: " + old.locationText()
                    + ", redefined on line " + line + " of \"" + config + "\"");
        }
        String location = "defined on line " + line + " of \"" + config + "\"";
        String where = "macro '" + name + "' (" + location + ")";
        if (Macro.looksLikeAnArgument(name)) {
            macroWarning(s, at, "02803", where + " better prefix a macro name with any of '" + Macro.ARG_PREFIX + "'");
        }
        List<String> parameters = new ArrayList<>();
        while (!words.atEnd()) {
            parameters.add(words.next());
        }
        String error = checkParameters(s, at, name, location, parameters);
        if (error != null) {
            macroProblem(s, Severity.ERROR, at, error);
            skipMacroBody(s);
            return;
        }
        // get_lines_till_end_token, reading from what is being read now (an expansion goes on into the file)
        MacroUse definedIn = s.use();
        Set<String> context = definedIn == null ? Set.of() : s.activeNames();
        long physicalAtStart = s.physical();
        List<String> body = new ArrayList<>();
        List<Location> written = new ArrayList<>();
        int macroNesting = 1;
        int anyNesting = 1;
        boolean found = false;
        while (s.next()) {
            if (s.rawLength >= ConfigStream.MACRO_LINE_BUFFER) {
                // ap_cfg_getline into MAX_STRING_LEN: APR_ENOSPC ends the reading as the end of the file does
                break;
            }
            if (s.from < s.to && s.src.charAt(s.from) == '#') {
                continue;
            }
            int delta = (int) (s.physical() - physicalAtStart);
            String first = new ConfWords(s.src, s.from, s.to).next();
            if (first.startsWith("</")) {
                anyNesting--;
                if (anyNesting < 0) {
                    macroWarning(s, s.at(), "02793", "bad (negative) nesting on line " + delta + " of " + where);
                }
            } else if (first.startsWith("<")) {
                anyNesting++;
            }
            if (first.equalsIgnoreCase("</Macro>")) {
                String text = s.text();
                int gt = text.lastIndexOf('>');
                warnIfNonBlank(s, s.at(), "AH02794: non blank chars found after directive closing",
                        text.substring(gt + 1), definedIn == null ? s.httpdLine() : line + delta, config);
                if (--macroNesting == 0) {
                    if (anyNesting != 0) {
                        macroWarning(s, at, "02795", "bad cumulated nesting (" + (anyNesting > 0 ? "+" : "")
                                + anyNesting + ") in " + where);
                    }
                    found = true;
                    break;
                }
            } else if (first.equalsIgnoreCase("<Macro")) {
                macroNesting++;
            }
            body.add(s.text());
            written.add(s.written());
        }
        if (!found) {
            macroProblem(s, Severity.ERROR, at, where + " contents error: expected token not found: </Macro>");
            s.abort();
            return;
        }
        Macro m = new Macro(name, parameters, body.toArray(new String[0]), written.toArray(new Location[0]),
                s.file().displayPath(), definedIn, line, at, context);
        // check_macro_contents: an empty body, or parameters its lines never hold
        if (body.isEmpty()) {
            macroWarning(s, at, "02799", where + ": empty contents!");
        } else {
            boolean[] used = new boolean[parameters.size()];
            for (String l : body) {
                Macro.substituteLine(l, parameters, parameters, used);
            }
            for (int i = 0; i < used.length; i++) {
                if (!used[i]) {
                    macroWarning(s, at, "02800", where + ": argument '" + parameters.get(i) + "' (#" + (i + 1)
                            + ") never used");
                }
            }
        }
        macros.put(name, m);
    }

    /**
     * After an error in a {@code <Macro>} line httpd stops; footprint reads on, so it passes over the body the line
     * opened, as {@code get_lines_till_end_token} would have read it.
     */
    private static void skipMacroBody(ConfigStream s) {
        int nesting = 1;
        while (s.next()) {
            if (s.from < s.to && s.src.charAt(s.from) == '#') {
                continue;
            }
            String first = new ConfWords(s.src, s.from, s.to).next();
            if (first.equalsIgnoreCase("</Macro>")) {
                if (--nesting == 0) {
                    return;
                }
            } else if (first.equalsIgnoreCase("<Macro")) {
                nesting++;
            }
        }
    }

    /** {@code check_macro_arguments}: the error it returns, or null; its warnings on the way. */
    private String checkParameters(ConfigStream s, Location at, String name, String location, List<String> tab) {
        for (int i = 0; i < tab.size(); i++) {
            String a = tab.get(i);
            if (a.isEmpty()) {
                return "macro '" + name + "' (" + location + "): empty argument #" + (i + 1) + " name";
            } else if (!Macro.looksLikeAnArgument(a)) {
                macroWarning(s, at, "02796", "macro '" + name + "' (" + location + ") argument name '" + a + "' (#"
                        + (i + 1) + ") without expected prefix, better prefix argument names with one of '"
                        + Macro.ARG_PREFIX + "'.");
            }
            for (int j = i + 1; j < tab.size(); j++) {
                String b = tab.get(j);
                if (a.equals(b)) {
                    return "argument name conflict in macro '" + name + "' (" + location + "): argument '" + a
                            + "': #" + (i + 1) + " and #" + (j + 1) + ", change argument names!";
                }
                int n = Math.min(a.length(), b.length());
                if (!b.isEmpty() && a.regionMatches(0, b, 0, n)) {
                    macroWarning(s, at, "02797", "macro '" + name + "' (" + location + "): argument name prefix"
                            + " conflict (" + a + " #" + (i + 1) + " and " + b + " #" + (j + 1) + "), be careful about"
                            + " your macro definition!");
                }
            }
        }
        return null;
    }

    /** {@code warn_if_non_blank}: AH02989 when anything but blanks stands before a {@code #} in {@code rest}. */
    private void warnIfNonBlank(ConfigStream s, Location at, String what, String rest, int line, String config) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '#') {
                return;
            }
            if (c != ' ' && c != '\t') {
                macroWarning(s, at, "02989", what + " on line " + line + " of " + config + ": " + rest);
                return;
            }
        }
    }

    /**
     * mod_macro's {@code use_macro}: {@code Use name value...} reads the macro's body, values substituted, in place
     * of the Use line. Errors and warnings are mod_macro's.
     *
     * @param arg the text after {@code Use} (RAW_ARGS, variables expanded)
     */
    private void use(Reading r, String arg) {
        ConfigStream s = r.s;
        Location at = s.at();
        if (macros == null) {
            macroProblem(s, Severity.ERROR, at, "no macro defined before Use" + orderHint());
            return;
        }
        ConfWords words = new ConfWords(arg);
        String name = words.next().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            macroProblem(s, Severity.ERROR, at, "no macro name specified with Use");
            return;
        }
        Macro m = macros.get(name);
        if (m == null) {
            macroProblem(s, Severity.ERROR, at, "macro '" + name + "' undefined" + orderHint());
            return;
        }
        if (s.inUse(name)) {
            macroProblem(s, Severity.ERROR, at, "recursive use of macro '" + name + "' is invalid");
            return;
        }
        List<String> values = new ArrayList<>();
        while (!words.atEnd()) {
            values.add(words.next());
        }
        if (values.size() != m.parameters().size()) {
            macroProblem(s, Severity.ERROR, at, "macro '" + name + "' (" + m.locationText() + ") used with "
                    + values.size() + " arguments instead of " + m.parameters().size());
            return;
        }
        MacroUse use = new MacroUse(m, values, s.use(), s.file().displayPath(), s.httpdLine(), at, s.written());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isEmpty()) {
                macroWarning(s, at, "02798", use.where() + ": empty argument #" + (i + 1));
            }
        }
        String[] lines;
        try {
            lines = m.substitute(values, null);
        } catch (Macro.SubstitutionError e) {
            macroProblem(s, Severity.ERROR, at, use.where() + " error while substituting: " + e.getMessage());
            return;
        }
        long chars = 0;
        for (String l : lines) {
            chars += l.length() + 1;
        }
        if (expansionStopped) {
            return;
        }
        if (expandedLines + lines.length > MAX_EXPANDED_LINES || expandedChars + chars > MAX_EXPANDED_CHARS) {
            expansionStopped = true;
            problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Severity.ERROR, at, s.located("footprint stops"
                    + " expanding mod_macro Use lines here: with this one they would produce more than "
                    + MAX_EXPANDED_LINES + " lines or " + MAX_EXPANDED_CHARS / 1024 / 1024 + " MiB ("
                    + (expandedLines + lines.length) + " lines); expand fewer"), "mod_macro sets no bound and httpd"
                    + " expands until its memory is gone; this and every later Use line are not read."));
            return;
        }
        expandedLines += lines.length;
        expandedChars += chars;
        s.push(use, lines, m.written());
    }

    /** Without a main file the order files are read in is footprint's guess: say so where it matters. */
    private String orderHint() {
        return vhostOnly ? " (there is no main file: footprint reads the files in tree order, httpd in the order its"
                + " Include lines give)" : "";
    }

    /** mod_macro's {@code undef_macro}, after core's TAKE1 check. */
    private void undefMacro(Reading r, String arg) {
        ConfigStream s = r.s;
        Location at = s.at();
        ConfWords words = new ConfWords(arg);
        String w = words.next();
        if (w.isEmpty() || !words.atEnd()) {
            macroProblem(s, Severity.ERROR, at, "UndefMacro takes one argument, Remove a macro definition.");
            return;
        }
        if (macros == null) {
            macroProblem(s, Severity.ERROR, at, "no macro defined before UndefMacro");
            return;
        }
        String name = w.toLowerCase(Locale.ROOT);
        if (macros.remove(name) == null) {
            macroProblem(s, Severity.ERROR, at, "cannot remove undefined macro '" + name + "'");
        }
    }

    // ---------------------------------------------------------------- variables and read-time directives

    /** True when {@code src.substring(from, to)} holds {@code ${}: {@link #expand} has something to do. */
    private static boolean hasVariable(String src, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (src.charAt(i) == '$' && src.charAt(i + 1) == '{') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code ap_resolve_env}: Define'd values first, then the start-up environment; unknown names stay. The line's
     * length once expanded is worked out before it is built: beyond {@link #MAX_EXPANDED_LINE} it is not built and
     * not read (null), once said at the first such line (Defines that double each other, {@code Define d1
     * ${d0}${d0}} ... {@code d40}, would reach 2 TiB; httpd has no bound and expands until its memory is gone). A line
     * that uses a variable left undefined by such a line is not read either, and not reported again.
     */
    private String expand(ConfigStream s, String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        java.util.regex.Matcher m = VAR.matcher(text);
        List<String> values = new ArrayList<>();
        long length = text.length();
        boolean tooLong = false;
        while (m.find()) {
            String name = m.group(1);
            if (overrun.contains(name)) {
                tooLong = true;
            }
            String v = is22() ? null : variables.get(name);
            if (v == null) {
                v = options.environment.get(name);
            }
            values.add(v);
            length += v == null ? 0 : v.length() - (m.end() - m.start());
        }
        if (tooLong || length > MAX_EXPANDED_LINE) {
            ConfWords w = new ConfWords(text, 0, text.length());
            String name = w.next();
            if (names.key(name).equals("define")) {
                overrun.add(w.next());
            }
            if (!tooLong && !lineOverrunSaid) {
                lineOverrunSaid = true;
                problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Severity.ERROR, s.at(), s.located(
                        "footprint does not read this line: with its ${...} variables replaced it would be " + length
                        + " characters, more than footprint's bound of " + MAX_EXPANDED_LINE + "; shorten the values"
                        + " it uses"), "httpd sets no bound on a line's length once ${...} variables are replaced"
                        + " and expands until its memory is gone. This line, later lines that are as long, and lines"
                        + " that use a variable such a line would Define are not read."));
            }
            return null;
        }
        StringBuilder b = new StringBuilder((int) length);
        int last = 0;
        int i = 0;
        m.reset();
        while (m.find()) {
            String v = values.get(i++);
            b.append(text, last, m.start()).append(v != null ? v : text.substring(m.start(), m.end()));
            last = m.end();
        }
        b.append(text, last, text.length());
        return b.toString();
    }

    /** A message about a path with the secret values the marked path holds marked again wherever it quotes them. */
    private static String remarked(String message, String markedPath) {
        String out = message;
        int open = -1;
        for (int i = 0; i < markedPath.length(); i++) {
            char c = markedPath.charAt(i);
            if (c == io.github.footprint.base.Secrets.OPEN && open < 0) {
                open = i;
            } else if (c == io.github.footprint.base.Secrets.CLOSE && open >= 0) {
                String value = io.github.footprint.base.Secrets.strip(markedPath.substring(open + 1, i));
                if (!value.isEmpty()) {
                    out = out.replace(value, io.github.footprint.base.Secrets.wrap(value));
                }
                open = -1;
            }
        }
        return out;
    }

    private boolean is22() {
        return "2.2".equals(options.version);
    }

    private void readTimeDirective(Directive d, Directive parent) {
        switch (d.key()) {
            case "threadstacksize":
                // mpm_common.c: strtol(arg, NULL, 10); a negative value or ERANGE is refused while reading
                if (!d.args().isEmpty() && (Atoi.overflows(d.arg()) || Atoi.parse(d.arg()) < 0)) {
                    problems.add(ParseProblem.syntax(d.location(), located(d, "Invalid ThreadStackSize value: "
                            + d.arg())));
                }
                break;
            case "include":
                include(d, parent, false);
                break;
            case "includeoptional":
                include(d, parent, true);
                break;
            case "define":
                if (d.arg().isEmpty() || d.args().size() > 2) {
                    problems.add(ParseProblem.syntax(d.location(), located(d, "Define takes 1-2 arguments, Define a"
                            + " variable, optionally to a value.  Same as passing -D to the command line.")));
                } else if (d.arg().contains(":")) {
                    problems.add(ParseProblem.syntax(d.location(), located(d, "Variable name must not contain ':'")));
                } else {
                    String value = d.args().size() > 1 ? d.args().get(1) : "";
                    defines.put(d.arg(), value);
                    overrun.remove(d.arg());
                    // TAKE12 hands an empty second word over as none: the name is defined, ${name} has no value
                    if (!value.isEmpty()) {
                        variables.put(d.arg(), value);
                    }
                }
                break;
            case "undefine":
                defines.remove(d.arg());
                variables.remove(d.arg());
                overrun.remove(d.arg());
                break;
            case "loadmodule":
                if (d.args().size() >= 2) {
                    String id = d.args().get(0);
                    modules.add(id);
                    // <IfModule> also tests the module's source file name (module->name, its __FILE__), which the
                    // identifier gives (wsgi_module is mod_wsgi.c even as RHEL's mod_wsgi_python3.so; the MPMs are
                    // event.c...); the shared object's name gives it for modules named unlike their identifier
                    if (id.endsWith("_module")) {
                        String base = id.substring(0, id.length() - "_module".length());
                        modules.add(base.startsWith("mpm_") ? base.substring(4) + ".c" : "mod_" + base + ".c");
                    }
                    String file = d.args().get(1);
                    String base = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.so$", "");
                    modules.add(base.startsWith("mod_mpm_") ? base.substring(8) + ".c" : base + ".c");
                }
                break;
            case "serverroot":
                serverRoot = d.arg();
                break;
            default:
                break;
        }
    }

    private void include(Directive d, Directive parent, boolean optional) {
        String path = d.arg();
        Location at = d.location();
        if (d.args().size() != 1 || path.isEmpty()) {
            problems.add(ParseProblem.syntax(at, located(d, optional
                    ? "IncludeOptional takes one argument, Name or pattern of the config file(s) to be included;"
                            + " ignored if the file does not exist or the pattern does not match any files"
                    : "Include takes one argument, Name(s) of the config file(s) to be included; fails if the"
                            + " wildcard does not match at least one file")));
            return;
        }
        // include_config counts nested Include directives: the 129th fails, at its own line
        if (includeStack.size() > MAX_INCLUDE_DEPTH) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at, located(d,
                    "Exceeded maximum include depth of " + MAX_INCLUDE_DEPTH + ", There appears to be a recursion.")));
            return;
        }
        if (Unknowns.contains(path)) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.INFO, at, located(d, d.name() + " " + path
                    + " names a file the template leaves unknown; it is not read (give its variable a value to check"
                    + " it)")));
            return;
        }
        // the path as httpd has it: a secret's value (Define DB_PASSWORD x, then ${DB_PASSWORD} in the path) names the
        // file with its text, the markers only say that messages must mask it; they quote the marked path
        String real = io.github.footprint.base.Secrets.strip(path);
        HostPathMapper.Mapping m = mapper.map(real, serverRoot, false);
        if (!m.inside()) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.INFO, at, located(d, d.name() + " "
                    + Excerpt.of(path) + " names a file outside the deploy project, which is not read: map it with"
                    + " pathMappings to check it")));
            return;
        }
        List<String> targets = new ArrayList<>();
        if (Globs.hasWildcard(real)) {
            Globs.Expansion e = Globs.expand(sources, m.treePath(), real, optional);
            targets.addAll(e.files);
            if (e.error != null) {
                problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at, located(d,
                        remarked(e.error, path))));
            }
        } else if (sources.get(m.treePath()).isPresent()) {
            targets.add(m.treePath());
        } else if (sources.isDirectory(m.treePath())) {
            targets.addAll(Globs.underDirectory(sources, m.treePath()));
        } else if (!optional) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at, located(d,
                    "Could not open configuration file " + path + ": No such file or directory")));
        }
        for (String t : targets) {
            SourceFile f = sources.get(t).orElse(null);
            if (f == null) {
                continue;
            }
            if (includeStack.contains(f)) {
                problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at, located(d, d.name() + " "
                        + Excerpt.of(path) + " includes " + Excerpt.of(f.displayPath()) + " again, a cycle httpd stops"
                        + " on; include each file once"), d.name() + " " + path + " includes " + f.displayPath()
                        + ", which is already being read: a cycle. httpd stops with 'Exceeded maximum include depth of"
                        + " 128, There appears to be a recursion.'"));
                continue;
            }
            // httpd reads whatever an Include names, whatever its name ends with
            readFile(f, parent);
        }
    }

    private boolean evaluate(String key, String a, boolean not) {
        if (Unknowns.contains(a)) {
            // a module, define or file a template left unknown (<IfModule mpm_{{ backend }}_module>): whichever it
            // is, the body is what the author wrote for it, so it is read (negated or not)
            return true;
        }
        boolean result;
        switch (key) {
            case "ifmodule":
                result = moduleLoaded(a);
                break;
            case "ifdefine":
                result = defines.containsKey(a);
                break;
            case "iffile": {
                HostPathMapper.Mapping m = mapper.map(a, serverRoot, false);
                // a host file outside the project cannot be seen from here: assume it exists, as on a working host
                result = !m.inside() || sources.get(m.treePath()).isPresent() || sources.isDirectory(m.treePath());
                break;
            }
            default:
                // <IfDirective>/<IfSection>: footprint knows no module's directive table; assume present
                result = true;
                break;
        }
        return not != result;
    }

    private boolean moduleLoaded(String name) {
        if (vhostOnly) {
            for (String mpm : MPMS) {
                if (name.equals(mpm + ".c") || name.equals("mpm_" + mpm + "_module")) {
                    return mpm.equals(options.assumedMpm);
                }
            }
            // without the main file nobody can tell what is loaded: read what the vhost guards
            return true;
        }
        return modules.contains(name) || options.hostModules.contains(name);
    }
}
