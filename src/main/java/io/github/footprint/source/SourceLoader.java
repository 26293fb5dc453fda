package io.github.footprint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.footprint.base.Secrets;
import io.github.footprint.base.Severity;
import io.github.footprint.base.UrlPasswords;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.DialectDetector;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.SedForms;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateEngines;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.TemplateName;
import io.github.footprint.source.template.TemplateOptions;
import io.github.footprint.source.template.TemplateProblem;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.source.template.Variables;
import io.github.footprint.source.template.VariablesLoader;

/**
 * The source stage: finds the files under the source directory (Maven's Ant-style includes and
 * excludes), reads them as bytes, decodes them, renders their placeholders and keeps the line map.
 * It never throws for a bad file; bad bytes become {@link SourceProblem}s on that file.
 *
 * <p>Templates: a file's kind comes from its name without template suffixes ({@code production.ini.j2} is INI), its
 * dialect from the suffix or the content ({@link DialectDetector}). Maven placeholders are rendered here, as always;
 * Jinja2 and the other dialects go to their engine ({@link TemplateEngines}), with the variables of the environment
 * ({@link VariablesLoader}: the Ansible layout in the tree, then the user's files, read once, when the first template
 * needs them).
 */
public final class SourceLoader {
    private final Path baseDirectory;
    private final Path sourceDirectory;
    private final List<String> includes;
    private final List<String> excludes;
    private final TemplateEngines engines;
    private final FileTypes fileTypes;

    /**
     * @param baseDirectory the project base directory; display paths are relative to it
     * @param sourceDirectory the root of the templates (must exist and be a directory)
     * @param includes Ant-style globs, empty for everything
     * @param excludes Ant-style globs, empty for nothing
     */
    public SourceLoader(Path baseDirectory, Path sourceDirectory, List<String> includes, List<String> excludes) {
        this(baseDirectory, sourceDirectory, includes, excludes, TemplateEngines.standard());
    }

    /** @param engines the engine of each template dialect (the seam for Mako, ERB and sed readers) */
    public SourceLoader(Path baseDirectory, Path sourceDirectory, List<String> includes, List<String> excludes,
            TemplateEngines engines) {
        this(baseDirectory, sourceDirectory, includes, excludes, engines, FileTypes.NONE);
    }

    /** @param fileTypes the user's kind and dialect for files by glob ({@code <fileTypes>}) */
    public SourceLoader(Path baseDirectory, Path sourceDirectory, List<String> includes, List<String> excludes,
            TemplateEngines engines, FileTypes fileTypes) {
        this.fileTypes = fileTypes;
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        this.sourceDirectory = sourceDirectory.toAbsolutePath().normalize();
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.engines = engines;
    }

    /** The template options and the variables of one load, read the first time a template asks. */
    private final class Templating {
        final TemplateOptions options;
        final List<String> paths;
        private Variables variables;

        Templating(TemplateOptions options, List<String> paths) {
            this.options = options;
            this.paths = paths;
        }

        synchronized Variables variables() {
            if (variables == null) {
                variables = VariablesLoader.load(sourceDirectory, paths, options);
            }
            return variables;
        }

        synchronized Variables loaded() {
            return variables;
        }
    }

    /** The tree paths (relative, {@code /}) that includes and excludes select, sorted. */
    public List<String> scan() {
        return scanTree().paths;
    }

    /** What a scan found: the selected paths, sorted, and what it learnt of them on the way. */
    private static final class Scan {
        final List<String> paths;
        /** The selected entries that are no regular file (broken links, folders named like files). */
        final Set<String> unreadable;
        /** Every entry met that is a symbolic link (files and folders, selected or not). */
        final Set<String> links;

        /** The path each selected entry was found by (its name's bytes, whatever the JVM's locale). */
        final Map<String, Path> found;
        /** Entries never opened, with why. */
        final Map<String, TreeWalk.Notice> notices;

        Scan(List<String> paths, Set<String> unreadable, Set<String> links, Map<String, Path> found,
                Map<String, TreeWalk.Notice> notices) {
            this.paths = paths;
            this.unreadable = unreadable;
            this.links = links;
            this.found = found;
            this.notices = notices;
        }

        Path path(Path root, String treePath) {
            Path p = found.get(treePath);
            return p != null ? p : root.resolve(treePath);
        }

        /** True when the path or a folder above it is a symbolic link: only then may its real path differ. */
        boolean throughLink(String treePath) {
            if (links.isEmpty()) {
                return false;
            }
            for (int i = treePath.indexOf('/'); i > 0; i = treePath.indexOf('/', i + 1)) {
                if (links.contains(treePath.substring(0, i))) {
                    return true;
                }
            }
            return links.contains(treePath);
        }
    }

    private Scan scanTree() {
        TreeWalk walk = new TreeWalk(sourceDirectory, includes, excludes);
        walk.scan();
        return new Scan(walk.paths, walk.unreadable, walk.links, walk.found, walk.notices);
    }

    /**
     * Loads and renders every selected file for one environment's properties; templates with the Ansible layout of
     * the tree, the environment id taken from the {@code footprint.environment} property.
     */
    public SourceSet load(Properties properties, boolean filtering) {
        return load(properties, filtering, TemplateOptions.defaults(properties.getProperty("footprint.environment")));
    }

    /**
     * Loads and renders every selected file for one environment: Maven placeholders from its properties (unless
     * {@code filtering} is off), templates of the other dialects with the variables the options name.
     */
    public SourceSet load(Properties properties, boolean filtering, TemplateOptions options) {
        TemplateRenderer renderer = new TemplateRenderer(properties, filtering);
        Set<String> secrets = new TreeSet<>();
        for (String name : properties.stringPropertyNames()) {
            if (Secrets.isSecretName(name)) {
                secrets.add(properties.getProperty(name));
            }
            secrets.addAll(UrlPasswords.in(properties.getProperty(name)));
        }
        Path realRoot = realPath(sourceDirectory);
        List<SourceFile> files = new ArrayList<>();
        Map<String, String> linkTargets = new LinkedHashMap<>();
        Set<String> dirs = new TreeSet<>();
        Scan scan = scanTree();
        Templating templating = new Templating(options, scan.paths);
        if (renderer.enabled()) {
            for (String p : scan.paths) {
                if (TemplateName.of(p).dialect() == Dialect.JINJA2) {
                    engines.prepare(Dialect.JINJA2);
                    break;
                }
            }
        }
        List<String> toLoad = new ArrayList<>(scan.paths.size());
        for (String treePath : scan.paths) {
            for (int i = treePath.indexOf('/'); i > 0; i = treePath.indexOf('/', i + 1)) {
                dirs.add(treePath.substring(0, i));
            }
            // without a link on the way, the real path is the real root's: no need to ask the file system
            if (scan.throughLink(treePath)) {
                Path real = realPath(scan.path(sourceDirectory, treePath));
                if (real.startsWith(realRoot) && !real.equals(realRoot.resolve(treePath))) {
                    String target = realRoot.relativize(real).toString().replace('\\', '/');
                    if (!target.equals(treePath) && Files.isRegularFile(real)) {
                        linkTargets.put(treePath, target);
                        continue;
                    }
                }
            }
            toLoad.add(treePath);
        }
        displayRoot();
        files.addAll(loadAll(toLoad, scan, renderer, templating));
        for (Map.Entry<String, TreeWalk.Notice> e : scan.notices.entrySet()) {
            // what the walk did not open: said at the entry, never read
            String treePath = e.getKey();
            files.add(new SourceFile(displayPath(treePath), treePath, FileKind.of(treePath), List.of(), new int[0],
                    List.of(new SourceProblem(0, e.getValue().severity, e.getValue().message)), List.of(), false));
        }
        Reader reader = new Reader();
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        for (SourceFile f : files) {
            byPath.put(f.treePath(), f);
        }
        Map<String, SourceFile> aliases = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : linkTargets.entrySet()) {
            SourceFile target = byPath.get(e.getValue());
            if (target == null) {
                // the link's target is excluded or outside the selection: read it under the link's name
                target = loadOne(reader, e.getKey(), scan.path(sourceDirectory, e.getKey()), renderer, true,
                        templating);
                files.add(target);
            } else {
                aliases.put(e.getKey(), target);
            }
        }
        markSecrets(files, aliases, secrets);
        Variables variables = templating.loaded();
        if (variables != null) {
            secrets.addAll(variables.secretValues());
            attachProblems(files, variables);
        }
        files.sort((a, b) -> a.treePath().compareTo(b.treePath()));
        // a template is also found under the name it is deployed as (sites/shop.conf.j2 as sites/shop.conf), so that
        // an Include or a glob naming the deployed file reads the template, as long as no file has that name
        Set<String> taken = new java.util.HashSet<>(scan.paths);
        taken.addAll(aliases.keySet());
        for (SourceFile f : files) {
            TemplateName name = TemplateName.of(f.treePath());
            if (name.templated()) {
                String p = f.treePath();
                String deployed = p.substring(0, p.lastIndexOf('/') + 1) + name.baseName();
                if (taken.add(deployed)) {
                    aliases.put(deployed, f);
                }
            }
        }
        return new SourceSet(displayRoot(), files, aliases, secrets, dirs, false, variables);
    }

    /**
     * Marks the secret values of every file as its reader names them ({@link SecretMarks}), and keeps the values of
     * secret keys (not those in comments, nor in files footprint does not read) for the masked view.
     */
    private static void markSecrets(List<SourceFile> files, Map<String, SourceFile> aliases, Set<String> secrets) {
        Map<SourceFile, SourceFile> marked = new java.util.IdentityHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            SourceFile f = files.get(i);
            SourceFile m = f.marked(f.kind() == FileKind.OTHER ? null : secrets);
            if (m != f) {
                files.set(i, m);
                marked.put(f, m);
            }
        }
        if (!marked.isEmpty()) {
            aliases.replaceAll((k, v) -> marked.getOrDefault(v, v));
        }
    }

    /** The problems of variables files in the tree go to those files (a YAML error is located there). */
    private static void attachProblems(List<SourceFile> files, Variables variables) {
        for (int i = 0; i < files.size(); i++) {
            List<TemplateProblem> ps = variables.problems().get(files.get(i).treePath());
            if (ps != null) {
                List<SourceProblem> more = new ArrayList<>();
                for (TemplateProblem p : ps) {
                    more.add(new SourceProblem(p.line(), p.severity(), "variables file: " + p.message()));
                }
                files.set(i, files.get(i).withProblems(more));
            }
        }
    }

    private String displayRoot() {
        String r = displayRoot;
        if (r == null) {
            r = baseDirectory.relativize(sourceDirectory).toString().replace('\\', '/');
            r = r.isEmpty() ? "." : r;
            displayRoot = r;
        }
        return r;
    }

    /** The source directory as findings name it, worked out once. */
    private String displayRoot;

    private String displayPath(String treePath) {
        String root = displayRoot();
        return printable(".".equals(root) ? treePath : root + "/" + treePath);
    }

    /**
     * A path as reports show it: control characters (a newline, an escape sequence), and the Unicode line and
     * paragraph separators, as {@code \xNN} or a Unicode escape, so that a name never breaks a console line, an XML
     * report or a terminal.
     */
    static String printable(String path) {
        StringBuilder b = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029'
                    || (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < path.length()
                    && Character.isLowSurrogate(path.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(path.charAt(i - 1))));
            if (control && b == null) {
                b = new StringBuilder(path.substring(0, i));
            }
            if (b != null) {
                if (control) {
                    b.append(c <= 0xFF ? String.format(Locale.ROOT, "\\x%02X", (int) c)
                            : String.format(Locale.ROOT, "\\u%04X", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? path : b.toString();
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * {@link #loadOne} with the source stage's last resort: a failure of footprint's own on one file (a template
     * deeper than the engine's stack, say) is an error on that file, and the other files are read.
     */
    private SourceFile loadOne(Reader reader, String treePath, Path file, TemplateRenderer renderer,
            boolean mayBeFolder, Templating templating) {
        try {
            return loadFile(reader, treePath, file, renderer, mayBeFolder, templating);
        } catch (Throwable t) {
            io.github.footprint.base.InternalErrors.rethrowFatal(t);
            List<SourceProblem> problems = List.of(new SourceProblem(0, Severity.ERROR,
                    io.github.footprint.base.InternalErrors.message("reading and rendering this file", t)));
            return new SourceFile(displayPath(treePath), treePath, FileKind.of(treePath), List.of(), new int[0],
                    problems, List.of(), false);
        }
    }

    /** @param mayBeFolder false for what the scanner found to be a regular file */
    private SourceFile loadFile(Reader reader, String treePath, Path file, TemplateRenderer renderer,
            boolean mayBeFolder, Templating templating) {
        String display = displayPath(treePath);
        TemplateName name = TemplateName.of(treePath);
        FileTypes.Entry type = fileTypes.isEmpty() ? null : fileTypes.match(treePath);
        FileKind kind = type != null && type.kind() != null ? type.kind() : FileKind.of(treePath);
        Dialect given = type == null ? null : type.dialect();
        List<SourceProblem> problems = new ArrayList<>();
        if (mayBeFolder && Files.isDirectory(file)) {
            problems.add(new SourceProblem(0, Severity.WARNING, "this is a directory, not a file: footprint reads the files"
                    + " inside it on their own, and httpd reads them only where an Include names the folder"));
            return new SourceFile(display, treePath, kind, List.of(), new int[0], problems, List.of(), false);
        }
        int length;
        try {
            length = reader.read(file);
        } catch (IOException | RuntimeException e) {
            problems.add(new SourceProblem(0, Severity.ERROR, "the file cannot be read (" + describe(e)
                    + "); check that it is a readable file"));
            return new SourceFile(display, treePath, kind, List.of(), new int[0], problems, List.of(), false);
        }
        if (kind == FileKind.OTHER && name.templated() && (type == null || type.kind() == null)) {
            // a template whose name says nothing (apache-keystone.template): its content may
            kind = FileKind.sniff(new String(reader.buffer, 0, length, StandardCharsets.ISO_8859_1));
        }
        if (kind == FileKind.OTHER) {
            return loadOther(display, treePath, Arrays.copyOf(reader.buffer, length), renderer);
        }
        ByteScan scan = ByteScan.of(reader.buffer, length, reader.lineScratch);
        reader.lineScratch = scan.scratch != null ? scan.scratch : reader.lineScratch;
        if (scan.ascii) {
            // plain ASCII is valid UTF-8: no decoder, and the scan answered for the text
            String text = new String(reader.buffer, 0, length, StandardCharsets.ISO_8859_1);
            Dialect named = given != null ? given : name.dialect();
            // a dialect the user names is read as that dialect, whatever the text holds
            boolean unrendered = given != null && given != Dialect.NONE;
            // the scan knows the default placeholder forms; forms the user sets are looked for in the text
            boolean ownForms = !engines.sedForms().equals(SedForms.DEFAULT) && engines.sedForms().mayOccurIn(text);
            if (!scan.templateHint && !ownForms && !unrendered
                    && renderer.keeps(scan.carriageReturn, scan.delimiter)) {
                // nothing to render: the text is the file, line for line
                SourceFile kept = new SourceFile(display, treePath, kind, text, scan.starts, null, problems, List.of(),
                        true);
                return named == null ? kept : kept.tagged(named);
            }
            return renderAny(reader, display, treePath, kind, name, given, text, renderer, problems,
                    templating);
        }
        byte[] bytes = Arrays.copyOf(reader.buffer, length);
        if (scan.nul >= 0) {
            problems.add(new SourceProblem(lineOf(bytes, scan.nul), Severity.ERROR,
                    "binary content (a NUL byte) in " + kindName(kind)
                            + " file; it is not a text configuration file and was not read"));
            return new SourceFile(display, treePath, kind, List.of(), new int[0], problems, List.of(), false);
        }
        String text = SecretMarks.sanitize(decode(bytes, kind, problems));
        return renderAny(reader, display, treePath, kind, name, given, text, renderer, problems, templating);
    }

    /** Renders a text in its dialect: Maven placeholders here, the other dialects by their engine. */
    private SourceFile renderAny(Reader reader, String display, String treePath, FileKind kind, TemplateName name,
            Dialect given,
            String text, TemplateRenderer renderer, List<SourceProblem> problems,
            Templating templating) {
        boolean dollar = kind == FileKind.APACHE || kind == FileKind.INI;
        Dialect dialect = given != null ? given : DialectDetector.detect(name, text, dollar, engines.sedForms());
        TemplateEngine engine = engines.engine(dialect);
        if (given == Dialect.NONE) {
            // the user says the file holds no template syntax: read as written
            return new SourceFile(display, treePath, kind, text, lineStarts(text), null, problems, List.of(), true);
        }
        if (engine == null || !renderer.enabled()) {
            // Maven placeholders, or filtering off: every file is read as written (tagged with its dialect)
            SourceFile f;
            if (renderer.keeps(text)) {
                f = new SourceFile(display, treePath, kind, text, lineStarts(text), null, problems, List.of(), true);
            } else {
                f = render(display, treePath, kind, text, renderer, problems);
            }
            return engine == null ? f : f.tagged(dialect);
        }
        RenderedTemplate r = engine.render(new TemplateInput(treePath, text, dialect, templating.options.choices(),
                templating::variables, dollar));
        for (TemplateProblem p : r.problems()) {
            problems.add(new SourceProblem(p.line(), p.severity(), p.message()));
        }
        if (reader.defer && !r.unknowns().isEmpty()) {
            // on a reading thread: loader-wide ids are given in file order after the threads, so that they never
            // depend on which thread rendered first
            reader.pending = new Pending(display, treePath, kind, problems, dialect, r);
            return null;
        }
        return numberedFile(display, treePath, kind, problems, dialect, r);
    }

    /** A render with unknowns whose loader-wide ids are still to be given (see {@link #loadAll}). */
    private static final class Pending {
        final String display;
        final String treePath;
        final FileKind kind;
        final List<SourceProblem> problems;
        final Dialect dialect;
        final RenderedTemplate r;

        Pending(String display, String treePath, FileKind kind, List<SourceProblem> problems, Dialect dialect,
                RenderedTemplate r) {
            this.display = display;
            this.treePath = treePath;
            this.kind = kind;
            this.problems = problems;
            this.dialect = dialect;
            this.r = r;
        }
    }

    /** A rendered file with its unknowns numbered loader-wide. */
    private SourceFile numberedFile(String display, String treePath, FileKind kind, List<SourceProblem> problems,
            Dialect dialect, RenderedTemplate r) {
        Renumbered n = numbered(r);
        java.util.SortedMap<Integer, Unknown> unknowns = n == null ? r.unknowns() : n.unknowns;
        int[] starts = n == null ? r.lineStarts() : n.starts;
        if (starts != null) {
            // the rendered text is the file, line for line: no string per line
            String rendered = n == null ? r.text() : n.text;
            return new SourceFile(display, treePath, kind, rendered, starts, r.lineMap(), problems, r.parseable(),
                    dialect, unknowns, r.decisions(), r.assumptions());
        }
        List<String> lines = n == null ? r.lines() : n.lines;
        return new SourceFile(display, treePath, kind, lines, r.lineMap(), problems, r.parseable(), dialect,
                unknowns, r.decisions(), r.assumptions());
    }

    /**
     * The ids of unknowns, one per distinct expression in every file this loader reads (in every environment): the
     * same expression ({@code {{ site }}}) gets the same token in every file, so that names written with it (a daemon
     * group, a process group) compare equal, and a message can name the expression whatever file a token came from.
     */
    private final Map<String, Integer> unknownIds = new java.util.HashMap<>();
    /** Every unknown by its loader-wide id (the first occurrence of its expression). */
    private final java.util.SortedMap<Integer, Unknown> unknownTable = new java.util.TreeMap<>();

    /** The unknowns of every file this loader has read so far, by their loader-wide id. */
    public synchronized java.util.SortedMap<Integer, Unknown> unknowns() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unknownTable));
    }

    /** A render with its unknowns renumbered loader-wide (the text's tokens rewritten to match), or null if unchanged. */
    private synchronized Renumbered numbered(RenderedTemplate r) {
        if (r.unknowns().isEmpty()) {
            return null;
        }
        Map<Integer, Integer> ids = new java.util.HashMap<>();
        java.util.SortedMap<Integer, Unknown> table = new java.util.TreeMap<>();
        boolean same = true;
        for (Unknown u : r.unknowns().values()) {
            String key = u.dialect() + "\0" + u.written().replaceAll("\\s+", " ") + "\0" + u.variables()
                    + "\0" + u.secret();
            Integer id = unknownIds.get(key);
            if (id == null) {
                id = unknownIds.size() + 1;
                unknownIds.put(key, id);
                unknownTable.put(id, new Unknown(id, u.templateLine(), u.written(), u.variables(), u.dialect(),
                        u.secret()));
            }
            ids.put(u.id(), id);
            same &= id == u.id();
            table.putIfAbsent(id, new Unknown(id, u.templateLine(), u.written(), u.variables(), u.dialect(), u.secret()));
        }
        if (same) {
            return null;
        }
        return new Renumbered(r, ids, table);
    }

    /** A render whose tokens carry the loader-wide ids: its text and lines rewritten, the rest as rendered. */
    private static final class Renumbered {
        final String text;
        final int[] starts;
        final List<String> lines;
        final java.util.SortedMap<Integer, Unknown> unknowns;

        Renumbered(RenderedTemplate r, Map<Integer, Integer> ids, java.util.SortedMap<Integer, Unknown> unknowns) {
            this.unknowns = unknowns;
            int[] old = r.lineStarts();
            if (old != null) {
                // the text is the file, line for line: a token holds no line end, so the lines stay where they were
                text = renumber(r.text(), ids);
                starts = startsAgain(text, old.length - 1);
                lines = null;
            } else {
                text = null;
                starts = null;
                lines = new ArrayList<>(r.lines().size());
                for (String line : r.lines()) {
                    lines.add(renumber(line, ids));
                }
            }
        }
    }

    /** Where each of {@code count} lines starts in a text, then one past the end of the last line plus one. */
    private static int[] startsAgain(String text, int count) {
        int[] s = new int[count + 1];
        if (count == 0) {
            return s;
        }
        int line = 0;
        for (int i = 0; i < text.length() && line + 1 < count; i++) {
            if (text.charAt(i) == '\n') {
                s[++line] = i + 1;
            }
        }
        int end = text.indexOf('\n', s[count - 1]);
        s[count] = (end < 0 ? text.length() : end) + 1;
        return s;
    }

    private static String renumber(String text, Map<Integer, Integer> ids) {
        List<Unknowns.Span> spans = Unknowns.find(text);
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        int at = 0;
        for (Unknowns.Span s : spans) {
            Integer id = ids.get(s.id());
            b.append(text, at, s.start()).append(id == null ? text.substring(s.start(), s.end()) : Unknowns.token(id));
            at = s.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    /** Renders a text line by line and keeps the line map. */
    private static SourceFile render(String display, String treePath, FileKind kind, String text,
            TemplateRenderer renderer, List<SourceProblem> problems) {
        // each file's lines as its program ends them, so that line numbers are the program's
        LineEnds ends = LineEnds.of(kind);
        TemplateRenderer.Rendered r = renderer.render(ends.split(text), ends.loneCrEndsLine());
        problems.addAll(r.problems);
        return new SourceFile(display, treePath, kind, r.lines, r.lineMap(), problems, r.unresolved, true);
    }

    /** One thread's reading state: what files are read into, one after another (a file's text is copied out). */
    private static final class Reader {
        byte[] buffer = new byte[8192];
        ByteBuffer window = ByteBuffer.wrap(buffer);
        /** Where {@link ByteScan} notes line starts, reused from file to file. */
        int[] lineScratch = new int[512];
        /** On a reading thread of many: renders with unknowns are left {@link #pending}, numbered after the threads. */
        boolean defer;
        /** The last file's render left for numbering, or null. */
        Pending pending;

        /**
         * Reads the whole file into {@link #buffer} as {@link Files#readAllBytes} reads it (the size first, then to the
         * end, whatever the size said) and returns its length.
         */
        private int read(Path file) throws IOException {
            try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(file)) {
                long size = ch.size();
                if (size > Integer.MAX_VALUE - 8) {
                    throw new OutOfMemoryError("Required array size too large");
                }
                if (buffer.length <= size) {
                    grow((int) size + 1);
                }
                int n = 0;
                while (true) {
                    if (n == buffer.length) {
                        grow(n + 1);
                    }
                    window.clear().position(n);
                    int r = ch.read(window);
                    if (r < 0) {
                        return n;
                    }
                    n += r;
                }
            }
        }

        private void grow(int atLeast) {
            buffer = Arrays.copyOf(buffer, Math.max(atLeast, 2 * buffer.length));
            window = ByteBuffer.wrap(buffer);
        }
    }

    /** Below this many files the loader reads on one thread: starting others would cost more than it saves. */
    private static final int PARALLEL_FILES = 64;
    /** Files a reading thread takes at a time. */
    private static final int CHUNK = 16;
    /** How many threads read many files; 0 for as many as there are processors, at most four. */
    private int threads;

    /** This loader reading many files on exactly {@code n} threads (for tests: the result must not depend on it). */
    SourceLoader threads(int n) {
        threads = n;
        return this;
    }

    /**
     * Loads the files, in their order: on up to four threads (as many as there are processors) when there are many,
     * each thread with its own buffers, merged at the end; the result is the same list as
     * one thread's, whatever the order in which the threads finish.
     */
    private List<SourceFile> loadAll(List<String> paths, Scan scan, TemplateRenderer renderer, Templating templating) {
        int n = paths.size();
        SourceFile[] out = new SourceFile[n];
        int threads = n < PARALLEL_FILES ? 1 : Math.min((n + CHUNK - 1) / CHUNK,
                this.threads > 0 ? this.threads : Math.min(4, Runtime.getRuntime().availableProcessors()));
        if (threads <= 1) {
            Reader reader = new Reader();
            for (int i = 0; i < n; i++) {
                String p = paths.get(i);
                out[i] = loadOne(reader, p, scan.path(sourceDirectory, p), renderer, scan.unreadable.contains(p),
                        templating);
            }
            return Arrays.asList(out);
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Pending[] pendings = new Pending[n];
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Runnable work = () -> {
                Reader reader = new Reader();
                reader.defer = true;
                try {
                    for (int from = next.getAndAdd(CHUNK); from < n && failure.get() == null;
                            from = next.getAndAdd(CHUNK)) {
                        for (int i = from; i < Math.min(n, from + CHUNK); i++) {
                            String p = paths.get(i);
                            reader.pending = null;
                            out[i] = loadOne(reader, p, scan.path(sourceDirectory, p), renderer,
                                    scan.unreadable.contains(p), templating);
                            if (out[i] == null) {
                                pendings[i] = reader.pending;
                            }
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            };
            if (t == threads - 1) {
                work.run();
            } else {
                Thread th = new Thread(work, "footprint-load-" + t);
                th.setDaemon(true);
                th.start();
                started.add(th);
            }
        }
        for (Thread th : started) {
            boolean interrupted = false;
            while (th.isAlive()) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException) {
            throw (RuntimeException) f;
        }
        if (f != null) {
            throw (Error) f;
        }
        // the renders with unknowns, numbered in file order as one thread numbers them
        for (int i = 0; i < n; i++) {
            if (out[i] == null) {
                Pending p = pendings[i];
                String treePath = paths.get(i);
                try {
                    out[i] = numberedFile(p.display, p.treePath, p.kind, p.problems, p.dialect, p.r);
                } catch (RuntimeException | StackOverflowError e) {
                    io.github.footprint.base.InternalErrors.rethrowFatal(e);
                    out[i] = new SourceFile(displayPath(treePath), treePath, FileKind.of(treePath), List.of(),
                            new int[0], List.of(new SourceProblem(0, Severity.ERROR, io.github.footprint.base
                                    .InternalErrors.message("reading and rendering this file", e))), List.of(), false);
                }
            }
        }
        return Arrays.asList(out);
    }

    /** The kind with its article, for messages: "an Apache", "a shell"... */
    /**
     * A file footprint does not check on its own (README, images): it is read only so that an {@code Include}
     * naming it reads what httpd would. Binary content makes it unreadable, quietly; its placeholders are rendered
     * but not reported, and its bytes are never a finding.
     */
    private static SourceFile loadOther(String display, String treePath, byte[] bytes, TemplateRenderer renderer) {
        for (byte b : bytes) {
            if (b == 0) {
                return new SourceFile(display, treePath, FileKind.OTHER, List.of(), new int[0], List.of(), List.of(),
                        false);
            }
        }
        String text = SecretMarks.sanitize(decode(bytes, FileKind.OTHER, new ArrayList<>()));
        if (renderer.keeps(text)) {
            return new SourceFile(display, treePath, FileKind.OTHER, text, lineStarts(text), null, List.of(), List.of(),
                    true);
        }
        TemplateRenderer.Rendered r = renderer.render(LineEnds.HTTPD.split(text), false);
        return new SourceFile(display, treePath, FileKind.OTHER, r.lines, r.lineMap(), List.of(), List.of(), true);
    }

    private static String kindName(FileKind kind) {
        switch (kind) {
            case APACHE:
                return "an Apache";
            case INI:
                return "an INI";
            case SHELL:
                return "a shell";
            case SYSTEMD:
                return "a systemd";
            case PYTHON:
                return "a Python";
            default:
                return "a";
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file, or a link to a missing file";
        }
        // the system's reason alone: the exception's message carries the build machine's absolute path
        return TreeWalk.reason(e);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** UTF-8 when valid; otherwise Latin-1 (httpd reads bytes as they are) with a located problem. */
    private static String decode(byte[] bytes, FileKind kind, List<SourceProblem> problems) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // plain ASCII is valid UTF-8: skip the decoder (the common case, and the fast one)
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult cr = d.decode(in, out, true);
        if (!cr.isError()) {
            d.flush(out);
            out.flip();
            return out.toString();
        }
        int pos = in.position();
        int line = lineOf(bytes, pos);
        int col = 1;
        for (int i = pos - 1; i >= 0 && bytes[i] != '\n'; i--) {
            col++;
        }
        String what = String.format(Locale.ROOT, "the file is not valid UTF-8: byte 0x%02X at line %d, column %d", bytes[pos] & 0xff,
                line, col);
        if (kind == FileKind.INI) {
            problems.add(new SourceProblem(line, Severity.ERROR, what
                    + "; PasteDeploy stops with a UnicodeDecodeError: save the file as UTF-8", "PasteDeploy reads INI"
                    + " files as UTF-8."));
        } else {
            problems.add(new SourceProblem(line, Severity.WARNING, what
                    + "; read as Latin-1, byte for byte as httpd and the shell do. Save the file as UTF-8"));
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Where the lines of a text without {@code \r} start, as {@link LineEnds#HTTPD} cuts them (a last line without
     * its {@code \n} counts, an empty one does not), then one past the end of the last line plus one.
     */
    static int[] lineStarts(String text) {
        int n = text.length();
        int count = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        boolean tail = n > 0 && text.charAt(n - 1) != '\n';
        int[] starts = new int[count + (tail ? 1 : 0) + 1];
        int k = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[k++] = i + 1;
        }
        if (tail) {
            starts[k] = n + 1;
        }
        return starts;
    }

}
