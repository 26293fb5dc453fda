package io.github.footprint.parse.apache;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.footprint.base.CType;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;

/**
 * Reads httpd configuration as httpd 2.4 does (server/config.c, server/util.c): continuation lines,
 * whole-line comments, {@code ${VAR}} expansion, {@code ap_getword_conf} words, nested sections closed in
 * the file that opened them, and the read-time directives ({@code Include}, {@code Define},
 * {@code LoadModule}, {@code <IfModule>}, {@code <IfDefine>}, {@code <IfVersion>}, {@code <IfFile>}...)
 * evaluated in order. Problems are values with locations; nothing is thrown.
 */
public final class ApacheParser {
    /** httpd's AP_MAX_INCLUDE_DEPTH. */
    static final int MAX_INCLUDE_DEPTH = 128;

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

    /** How to read: the declared httpd version, the MPM assumed without a main file, the start-up environment. */
    public static final class Options {
        final String version;
        final String assumedMpm;
        final Map<String, String> environment;

        /**
         * @param version {@code 2.2} or {@code 2.4}
         * @param assumedMpm the MPM that is loaded when there is no main file
         * @param environment variables a start-up script (Debian's envvars) exports to httpd
         */
        public Options(String version, String assumedMpm, Map<String, String> environment) {
            this.version = version;
            this.assumedMpm = assumedMpm;
            this.environment = Map.copyOf(environment);
        }
    }

    private final SourceSet sources;
    private final HostPathMapper mapper;
    private final Options options;
    private final List<ParseProblem> problems = new ArrayList<>();
    private final Set<String> modules = new LinkedHashSet<>(BUILT_IN);
    private final Map<String, String> defines = new LinkedHashMap<>();
    /** The Define'd names that have a value: only these resolve {@code ${name}} (httpd's defined-vars table). */
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Set<SourceFile> filesRead = new LinkedHashSet<>();
    private final Deque<SourceFile> includeStack = new ArrayDeque<>();
    private final Names names = new Names();
    /** Reads the name of each line; used up before the next line is read, so one serves the whole reading. */
    private final ConfWords lineWords = new ConfWords("");
    /** A line table a finished file gave back, for the next file to use (files are mostly read one after another). */
    private int[] spareSpans;
    private String serverRoot;
    private boolean vhostOnly;

    private ApacheParser(SourceSet sources, HostPathMapper mapper, Options options) {
        this.sources = sources;
        this.mapper = mapper;
        this.options = options;
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
        for (SourceFile f : sources.files(FileKind.APACHE)) {
            if (!p.filesRead.contains(f) && !isDisabled(f.treePath()) && f.parseable()) {
                p.readFile(f, root);
            }
        }
        return new ApacheConfig(root, p.problems, p.modules, p.defines, p.is22() ? Map.of() : p.variables, p.serverRoot,
                p.filesRead, main);
    }

    /**
     * Files no Include reaches that are still not read: Debian keeps disabled modules, sites and confs in
     * *-available (only *-enabled links turn them on), and hidden files are never configuration.
     */
    private static boolean isDisabled(String treePath) {
        for (String part : treePath.split("/")) {
            if (part.endsWith("-available") || part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * One file's logical lines as {@code ap_cfg_getline} makes them: a backslash right before the line end joins
     * the next physical line (it is removed, nothing is inserted), then the line is trimmed of C white space;
     * comments and blanks are dropped. httpd 2.4 continues after any trailing backslash, {@code \\} included;
     * httpd 2.2 took {@code \\} for an escaped backslash: no continuation, one backslash removed.
     */
    private Cursor logicalLines(SourceFile f) {
        String text = f.text();
        int n = f.lineCount();
        int[] spans = spareSpans != null && spareSpans.length >= 3 * Math.max(n, 1) ? spareSpans : null;
        spareSpans = spans != null ? null : spareSpans;
        Cursor out = new Cursor(f, n, spans);
        StringBuilder joined = null;
        int first = -1;
        for (int i = 0; i < n; i++) {
            // physical line i is text[s, e): read in place, copied only where lines are joined
            int s = f.lineStart(i);
            int e = f.lineEnd(i);
            if (i == 0 && e > s && text.charAt(s) == '\uFEFF') {
                problems.add(ParseProblem.syntax(new Location(f.displayPath(), f.templateLine(0)), "the file starts with"
                        + " a UTF-8 byte order mark: httpd reads those three bytes as part of the first directive and"
                        + " stops with \"Invalid command '\\xef\\xbb\\xbf...'\". Save the file as UTF-8 without BOM"));
                s++;
            }
            boolean continues = false;
            if (e > s && text.charAt(e - 1) == '\\') {
                continues = !(is22() && e - s >= 2 && text.charAt(e - 2) == '\\');
                e--;
            }
            if (first < 0) {
                first = f.templateLine(i);
            }
            if (continues && i + 1 < n) {
                if (joined == null) {
                    joined = new StringBuilder();
                }
                joined.append(text, s, e);
                continue;
            }
            String src = text;
            if (joined != null && joined.length() > 0) {
                src = joined.append(text, s, e).toString();
                s = 0;
                e = src.length();
                joined.setLength(0);
            }
            if (e - s > maxLineLength()) {
                problems.add(ParseProblem.syntax(new Location(f.displayPath(), first), "Error reading "
                        + f.displayPath() + " at line " + first + ": Line too long (" + (e - s)
                        + " characters; httpd " + options.version + " reads at most " + maxLineLength() + ")"));
                first = -1;
                continue;
            }
            // cfg_trim_line: C isspace only, not Unicode white space
            while (s < e && CType.isSpace(src.charAt(s))) {
                s++;
            }
            while (e > s && CType.isSpace(src.charAt(e - 1))) {
                e--;
            }
            if (s < e && src.charAt(s) != '#') {
                out.add(src == text ? null : src, s, e, first);
            }
            first = -1;
        }
        return out;
    }

    /** httpd 2.4's VARBUF_MAX_LEN (16 MiB) for configuration files; 2.2's MAX_STRING_LEN (8192). */
    private int maxLineLength() {
        return is22() ? 8192 : 16 * 1024 * 1024;
    }


    private void readFile(SourceFile f, Directive parent) {
        filesRead.add(f);
        if (!f.parseable()) {
            return;
        }
        includeStack.push(f);
        Cursor c = logicalLines(f);
        readBlock(c, parent, null, Block.FILE, -1, false);
        includeStack.pop();
        if (spareSpans == null || spareSpans.length < c.spans.length) {
            spareSpans = c.spans;
        }
    }

    /**
     * One file's logical lines and the reading position. Line {@code i} (an index, not an object) is
     * {@code src(i).substring(from(i), to(i))}, trimmed, from template line {@code line(i)}; lines are read in place
     * in the file's text, only joined continuation lines have a String of their own.
     */
    private static final class Cursor {
        final SourceFile file;
        /** from, to and template line of each logical line. */
        private int[] spans;
        /** The text of a line that is not the file's (joined continuation lines); null while there is none. */
        private String[] own;
        private int size;
        int next;

        /** @param spans a table to fill, at least three ints a line long, or null for a new one */
        Cursor(SourceFile file, int capacity, int[] spans) {
            this.file = file;
            this.spans = spans != null ? spans : new int[3 * Math.max(capacity, 1)];
        }

        void add(String text, int from, int to, int line) {
            if (3 * size == spans.length) {
                spans = java.util.Arrays.copyOf(spans, 2 * spans.length);
            }
            if (text != null) {
                if (own == null) {
                    own = new String[spans.length / 3];
                } else if (own.length <= size) {
                    own = java.util.Arrays.copyOf(own, spans.length / 3);
                }
                own[size] = text;
            }
            spans[3 * size] = from;
            spans[3 * size + 1] = to;
            spans[3 * size + 2] = line;
            size++;
        }

        String src(int i) {
            String s = own != null && i < own.length ? own[i] : null;
            return s != null ? s : file.text();
        }

        int from(int i) {
            return spans[3 * i];
        }

        int to(int i) {
            return spans[3 * i + 1];
        }

        /** The template line the logical line starts on. */
        int line(int i) {
            return spans[3 * i + 2];
        }

        String text(int i) {
            return src(i).substring(from(i), to(i));
        }

        /** {@code text(i).equalsIgnoreCase("</" + open + ">")}, without making either String. */
        boolean closes(int i, String open) {
            String s = src(i);
            int from = from(i);
            int to = to(i);
            return to - from == open.length() + 3 && s.startsWith("</", from)
                    && s.regionMatches(true, from + 2, open, 0, open.length()) && s.charAt(to - 1) == '>';
        }

        /** Set by a structural error: httpd stops reading there, and so does footprint for this file. */
        boolean aborted;

        boolean hasNext() {
            return next < size;
        }

        void abort() {
            aborted = true;
            next = size;
        }

        int take() {
            return next++;
        }

        Location at(int l) {
            return new Location(file.displayPath(), line(l));
        }
    }

    /** What a block of lines is read as, which decides how close tags and the end of the file are taken. */
    private enum Block {
        /** A whole file: httpd's {@code ap_build_config}; a close tag here has no section to close. */
        FILE,
        /** The body of a section ({@code <VirtualHost>}...), a node of the file's tree. */
        SECTION,
        /**
         * The body of a true {@code <IfModule>}-like conditional: {@code ap_build_cont_config} reads it as a tree of
         * its own, ended only by a line that is exactly {@code </Name>}; sections of the outer tree cannot be closed
         * from inside it, and its own unclosed sections pass unnoticed at the end of the file.
         */
        CONDITIONAL
    }

    /**
     * Reads directives into {@code parent} until the close tag of {@code open} (or the end of the file). Returns
     * normally in both cases; problems are recorded.
     *
     * @param quietEnd true inside a true conditional's body, where httpd does not notice unclosed sections
     */
    private void readBlock(Cursor c, Directive parent, String open, Block block, int openLine, boolean quietEnd) {
        while (c.hasNext()) {
            int l = c.take();
            if (block == Block.CONDITIONAL && c.closes(l, open)) {
                return;
            }
            String src = c.src(l);
            int from = c.from(l);
            int to = c.to(l);
            if (hasVariable(src, from, to)) {
                src = expand(c.text(l));
                from = 0;
                to = src.length();
            }
            ConfWords words = lineWords.reset(src, from, to);
            String name = words.next(names);
            int rest = words.position();
            if (name.startsWith("</")) {
                if (block != Block.SECTION) {
                    problems.add(ParseProblem.syntax(c.at(l), name + " without matching <" + name.substring(2)
                            + " section"));
                    continue;
                }
                if (!name.endsWith(">")) {
                    problems.add(ParseProblem.syntax(c.at(l), name + "> directive missing closing '>'"));
                    c.abort();
                    return;
                }
                // the name between "</" and ">" is the open section's, ignoring case
                if (name.length() - 3 != open.length() || !name.regionMatches(true, 2, open, 0, open.length())) {
                    String closing = name.substring(2, name.length() - 1);
                    problems.add(ParseProblem.syntax(c.at(l), "Expected </" + open + "> but saw </" + closing + ">"));
                    c.abort();
                }
                return;
            }
            if (name.startsWith("<")) {
                readSection(c, l, parent, name, src, rest, to, quietEnd || block == Block.CONDITIONAL);
                continue;
            }
            Directive d = new Directive(name, names.key(name), src, rest, to, c.file.displayPath(), c.line(l), false,
                    parent);
            parent.add(d);
            readTimeDirective(d, c, l, parent);
        }
        if (block == Block.SECTION && !quietEnd && !c.aborted) {
            problems.add(ParseProblem.syntax(c.at(openLine), "<" + open + "> was not closed."));
        }
    }

    /**
     * A section's opening line; its arguments (what follows the name) are {@code src.substring(rest, to)}.
     */
    private void readSection(Cursor c, int l, Directive parent, String name, String src, int rest, int to,
            boolean quietEnd) {
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
            ifVersion(c, l, parent, sect, args.substring(from, end));
            return;
        }
        int gt = end - 1;
        while (gt >= from && args.charAt(gt) != '>') {
            gt--;
        }
        if (gt < from) {
            problems.add(ParseProblem.syntax(c.at(l), "<" + tag + "> directive missing closing '>'"));
            soak(c, tag, l);
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
        String file = c.file.displayPath();
        if (CONDITIONALS.containsKey(key)) {
            // start_cond_section: an optional '!', then the first word; further words are ignored
            boolean not = gt > from && args.charAt(from) == '!';
            String word = new ConfWords(args, not ? from + 1 : from, gt).next();
            if (word.isEmpty()) {
                problems.add(ParseProblem.syntax(c.at(l), "<" + tag + "> directive requires additional arguments"));
                soak(c, tag, l);
                return;
            }
            if (evaluate(key, word, not, c, l)) {
                Directive d = new Directive(sect, key, args, innerFrom, innerTo, file, c.line(l), true, parent);
                parent.add(d);
                readBlock(c, d, tag, Block.CONDITIONAL, l, true);
            } else {
                soak(c, tag, l);
            }
            return;
        }
        if (key.equals("macro")) {
            problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Severity.INFO, c.at(l),
                    "mod_macro <Macro> is not expanded by footprint; the directives inside it and its Use lines"
                            + " are not checked"));
            skipMacro(c, l, args.substring(innerFrom, innerTo));
            return;
        }
        Directive d = new Directive(sect, key, args, innerFrom, innerTo, file, c.line(l), true, parent);
        parent.add(d);
        readBlock(c, d, sect, Block.SECTION, l, quietEnd);
    }

    /**
     * mod_macro's {@code get_lines_till_end_token}: the body runs to a line whose first word is {@code </Macro>},
     * nested {@code <Macro} counted; other sections may open in one macro and close in another (httpd only warns,
     * AH02793/AH02795), so they are not checked here.
     */
    private void skipMacro(Cursor c, int open, String args) {
        int nesting = 1;
        while (c.hasNext()) {
            int t = c.take();
            String first = new ConfWords(c.src(t), c.from(t), c.to(t)).next();
            if (first.equalsIgnoreCase("</Macro>")) {
                if (--nesting == 0) {
                    return;
                }
            } else if (first.equalsIgnoreCase("<Macro")) {
                nesting++;
            }
        }
        String name = new ConfWords(args).next().toLowerCase(Locale.ROOT);
        problems.add(ParseProblem.syntax(c.at(open), "macro '" + name + "' (defined on line " + c.line(open) + " of \""
                + c.file.displayPath() + "\") contents error: expected token not found: </Macro>"));
    }

    /** mod_version's {@code <IfVersion>}: its own reading of the arguments, see {@link IfVersion}. */
    private void ifVersion(Cursor c, int l, Directive parent, String sect, String args) {
        IfVersion.Result r = IfVersion.evaluate(args, options.version);
        if (r.error != null) {
            problems.add(ParseProblem.syntax(c.at(l), r.error));
            soak(c, "IfVersion", l);
        } else if (r.matches) {
            int gt = args.lastIndexOf('>');
            String inner = (gt < 0 ? args : args.substring(0, gt)).strip();
            Directive d = new Directive(sect, inner, ConfWords.split(inner), c.at(l), true, parent);
            parent.add(d);
            readBlock(c, d, "IfVersion", Block.CONDITIONAL, l, true);
        } else {
            soak(c, "IfVersion", l);
        }
    }

    /**
     * Skips a body httpd does not read ({@code ap_soak_end_container}: a false condition), keeping its nesting
     * checks. Close tags lose their last character, whatever it is, before the comparison; the first error ends
     * the skipping (httpd stops there), so an error is reported once, not again by every enclosing level.
     *
     * @return false when an error was reported
     */
    private boolean soak(Cursor c, String open, int openLine) {
        return soak(c, open, openLine, openLine);
    }

    /** @param outer the opening line of the outermost skipped block: httpd reports errors inside it there */
    private boolean soak(Cursor c, String open, int openLine, int outer) {
        while (c.hasNext()) {
            int l = c.take();
            if (c.src(l).charAt(c.from(l)) != '<') {
                continue;
            }
            ConfWords words = new ConfWords(expand(c.text(l)));
            String name = words.next();
            if (name.startsWith("</")) {
                String closing = name.length() > 2 ? name.substring(2, name.length() - 1) : "";
                if (!closing.equalsIgnoreCase(open)) {
                    problems.add(ParseProblem.syntax(c.at(outer), "Expected </" + open + "> but saw </" + closing + ">"
                            + (outer == l ? "" : " (line " + c.line(l) + ", in a block httpd skips)")));
                    c.abort();
                    return false;
                }
                return true;
            }
            String nested = name.substring(1);
            if (words.atEnd() && nested.endsWith(">")) {
                nested = nested.substring(0, nested.length() - 1);
            }
            if (!soak(c, nested, l, outer)) {
                return false;
            }
        }
        problems.add(ParseProblem.syntax(c.at(openLine), "Expected </" + open + "> before end of configuration"));
        return false;
    }

    /** True when {@code src.substring(from, to)} holds {@code ${}: {@link #expand} has something to do. */
    private static boolean hasVariable(String src, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (src.charAt(i) == '$' && src.charAt(i + 1) == '{') {
                return true;
            }
        }
        return false;
    }

    /** {@code ap_resolve_env}: Define'd values first, then the start-up environment; unknown names stay. */
    private String expand(String text) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        java.util.regex.Matcher m = VAR.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String v = is22() ? null : variables.get(name);
            if (v == null) {
                v = options.environment.get(name);
            }
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    private boolean is22() {
        return "2.2".equals(options.version);
    }

    private void readTimeDirective(Directive d, Cursor c, int l, Directive parent) {
        switch (d.key()) {
            case "include":
                include(d, c, parent, false);
                break;
            case "includeoptional":
                include(d, c, parent, true);
                break;
            case "define":
                if (d.arg().isEmpty() || d.args().size() > 2) {
                    problems.add(ParseProblem.syntax(d.location(), "Define takes 1-2 arguments, Define a variable,"
                            + " optionally to a value.  Same as passing -D to the command line."));
                } else if (d.arg().contains(":")) {
                    problems.add(ParseProblem.syntax(d.location(), "Variable name must not contain ':'"));
                } else {
                    String value = d.args().size() > 1 ? d.args().get(1) : "";
                    defines.put(d.arg(), value);
                    // TAKE12 hands an empty second word over as none: the name is defined, ${name} has no value
                    if (!value.isEmpty()) {
                        variables.put(d.arg(), value);
                    }
                }
                break;
            case "undefine":
                defines.remove(d.arg());
                variables.remove(d.arg());
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

    private void include(Directive d, Cursor c, Directive parent, boolean optional) {
        String path = d.arg();
        Location at = d.location();
        if (d.args().size() != 1 || path.isEmpty()) {
            problems.add(ParseProblem.syntax(at, optional
                    ? "IncludeOptional takes one argument, Name or pattern of the config file(s) to be included;"
                            + " ignored if the file does not exist or the pattern does not match any files"
                    : "Include takes one argument, Name(s) of the config file(s) to be included; fails if the"
                            + " wildcard does not match at least one file"));
            return;
        }
        // include_config counts nested Include directives: the 129th fails, at its own line
        if (includeStack.size() > MAX_INCLUDE_DEPTH) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at,
                    "Exceeded maximum include depth of " + MAX_INCLUDE_DEPTH + ", There appears to be a recursion."));
            return;
        }
        HostPathMapper.Mapping m = mapper.map(path, serverRoot, false);
        if (!m.inside()) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.INFO, at, d.name() + " " + path
                    + " names a file outside the deploy project; it is not read (map it with pathMappings to check it)"));
            return;
        }
        List<String> targets = new ArrayList<>();
        if (Globs.hasWildcard(path)) {
            Globs.Expansion e = Globs.expand(sources, m.treePath(), path, optional);
            targets.addAll(e.files);
            if (e.error != null) {
                problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at, e.error));
            }
        } else if (sources.get(m.treePath()).isPresent()) {
            targets.add(m.treePath());
        } else if (sources.isDirectory(m.treePath())) {
            targets.addAll(Globs.underDirectory(sources, m.treePath()));
        } else if (!optional) {
            problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at,
                    "Could not open configuration file " + path + ": No such file or directory"));
        }
        for (String t : targets) {
            SourceFile f = sources.get(t).orElse(null);
            if (f == null) {
                continue;
            }
            if (includeStack.contains(f)) {
                problems.add(new ParseProblem(ParseProblem.Kind.INCLUDE, Severity.ERROR, at, d.name() + " " + path
                        + " includes " + f.displayPath() + ", which is already being read: a cycle. httpd stops with"
                        + " 'Exceeded maximum include depth of 128, There appears to be a recursion.'"));
                continue;
            }
            // httpd reads whatever an Include names, whatever its name ends with
            readFile(f, parent);
        }
    }



    private boolean evaluate(String key, String a, boolean not, Cursor c, int l) {
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
        return modules.contains(name);
    }
}
