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
 * The install steps of Puppet manifests ({@code *.pp}): {@code file} resources whose {@code content} is
 * {@code template('module/path.erb')} or whose {@code source} is {@code puppet:///modules/module/path} (the module's
 * {@code templates/} and {@code files/} folders), {@code file} resources that are links ({@code ensure => link},
 * {@code target}) or absent, and {@code exec} resources that run {@code a2ensite}/{@code a2enmod}... Titles keep
 * {@code ${::mod::var}} as a named unknown; a variable the manifests assign literal strings to ({@code $var = '...'},
 * class parameter defaults, {@code case} branches) adds each value as an alternative.
 */
public final class PuppetSteps {
    private static final Pattern ASSIGN = Pattern.compile("\\$((?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)"
            + "\\s*=\\s*(?:'([^'\\n]*)'|\"([^\"\\n$]*)\")");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{?((?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_]"
            + "[A-Za-z0-9_]*)*)\\}?");
    private static final int MAX_ALTERNATIVES = 8;

    private final SourceSet sources;
    private final Map<String, Set<String>> variables = new LinkedHashMap<>();
    private final List<InstallStep> out = new ArrayList<>();

    private PuppetSteps(SourceSet sources) {
        this.sources = sources;
    }

    /** The steps of every manifest of the project, in tree order and then line order. */
    public static List<InstallStep> read(SourceSet sources) {
        PuppetSteps p = new PuppetSteps(sources);
        List<SourceFile> manifests = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            if (f.treePath().toLowerCase(Locale.ROOT).endsWith(".pp") && f.parseable()) {
                manifests.add(f);
            }
        }
        for (SourceFile f : manifests) {
            Matcher m = ASSIGN.matcher(f.text());
            while (m.find()) {
                String name = last(m.group(1));
                String value = m.group(2) != null ? m.group(2) : m.group(3);
                p.variables.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
            }
        }
        for (SourceFile f : manifests) {
            p.manifest(f);
        }
        return p.out;
    }

    private static String last(String name) {
        int k = name.lastIndexOf("::");
        return k >= 0 ? name.substring(k + 2) : name;
    }

    /** A token: its text (strings with their quote), its 0-based line. */
    private static final class Token {
        final String text;
        final int line;

        Token(String text, int line) {
            this.text = text;
            this.line = line;
        }

        boolean is(String s) {
            return text.equals(s);
        }

        boolean isString() {
            return text.startsWith("'") || text.startsWith("\"");
        }

        /** A string's value (quotes off, {@code \'} and {@code \\} read), or the word itself. */
        String value() {
            if (!isString()) {
                return text;
            }
            String inner = text.substring(1, Math.max(1, text.length() - 1));
            return inner.replace("\\'", "'").replace("\\\\", "\\");
        }
    }

    private static List<Token> tokens(SourceFile f) {
        String s = f.text();
        List<Token> out = new ArrayList<>();
        int line = 0;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int k = i; k < end; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = end;
            } else if (c == '\'' || c == '"') {
                int start = i;
                int startLine = line;
                i++;
                while (i < n && s.charAt(i) != c) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    if (i < n && s.charAt(i) == '\n') {
                        line++;
                    }
                    i++;
                }
                i = Math.min(n, i + 1);
                out.add(new Token(s.substring(start, i), startLine));
            } else if (c == '=' && i + 1 < n && s.charAt(i + 1) == '>') {
                out.add(new Token("=>", line));
                i += 2;
            } else if ("{}[](),;:".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), line));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "{}[](),;'\"#".indexOf(s.charAt(i)) < 0
                        && !(s.charAt(i) == '=' && i + 1 < n && s.charAt(i + 1) == '>')
                        && !(s.charAt(i) == ':' && !(i + 1 < n && s.charAt(i + 1) == ':')
                                && !(i > 0 && s.charAt(i - 1) == ':'))) {
                    i++;
                }
                if (i == start) {
                    i++;
                    continue;
                }
                out.add(new Token(s.substring(start, i), line));
            }
        }
        return out;
    }

    private void manifest(SourceFile f) {
        List<Token> t = tokens(f);
        for (int i = 0; i + 1 < t.size(); i++) {
            if ((t.get(i).is("file") || t.get(i).is("exec")) && t.get(i + 1).is("{")
                    && (i == 0 || !t.get(i - 1).is("=>"))) {
                i = resources(f, t, i + 2, t.get(i).is("file"));
            }
        }
    }

    /**
     * The resources of one {@code file { ... }} or {@code exec { ... }} body from {@code i}: title {@code :}
     * attributes, separated by {@code ;}; returns the index of the closing brace.
     */
    private int resources(SourceFile f, List<Token> t, int i, boolean file) {
        while (i < t.size() && !t.get(i).is("}")) {
            Token title = t.get(i);
            List<Token> titles = new ArrayList<>();
            if (title.is("[")) {
                i++;
                while (i < t.size() && !t.get(i).is("]")) {
                    if (!t.get(i).is(",")) {
                        titles.add(t.get(i));
                    }
                    i++;
                }
            } else {
                titles.add(title);
            }
            i++;
            if (i < t.size() && t.get(i).is(":")) {
                i++;
            }
            Map<String, List<Token>> attrs = new LinkedHashMap<>();
            while (i < t.size() && !t.get(i).is(";") && !t.get(i).is("}")) {
                if (i + 1 < t.size() && t.get(i + 1).is("=>")) {
                    String name = t.get(i).text;
                    i += 2;
                    List<Token> value = new ArrayList<>();
                    int depth = 0;
                    while (i < t.size()) {
                        Token v = t.get(i);
                        if (depth == 0 && (v.is(",") || v.is(";") || v.is("}"))) {
                            break;
                        }
                        if (v.is("(") || v.is("[") || v.is("{")) {
                            depth++;
                        } else if ((v.is(")") || v.is("]") || v.is("}")) && depth > 0) {
                            depth--;
                        }
                        value.add(v);
                        i++;
                    }
                    attrs.put(name, value);
                    if (i < t.size() && t.get(i).is(",")) {
                        i++;
                    }
                } else {
                    i++;
                }
            }
            for (Token each : titles) {
                resource(f, each, attrs, file);
            }
            if (i < t.size() && t.get(i).is(";")) {
                i++;
            }
        }
        return i;
    }

    private void resource(SourceFile f, Token title, Map<String, List<Token>> attrs, boolean file) {
        Location at = new Location(f.displayPath(), f.templateLine(title.line));
        if (!file) {
            List<Token> command = attrs.getOrDefault("command", List.of());
            if (!command.isEmpty() && command.get(0).isString()) {
                Toggles.command(command.get(0).value(), at, "Puppet", out);
            } else if (attrs.get("command") == null && title.isString()) {
                Toggles.command(title.value(), at, "Puppet", out);
            }
            return;
        }
        String path = title.isString() ? title.value() : title.text.startsWith("$") ? "${" + title.text.substring(1)
                + "}" : null;
        if (path == null) {
            return;
        }
        List<Token> path2 = attrs.get("path");
        if (path2 != null && !path2.isEmpty() && path2.get(0).isString()) {
            path = path2.get(0).value();
        }
        String ensure = single(attrs.get("ensure"));
        if ("link".equals(ensure) || attrs.containsKey("target") && ensure == null) {
            String target = single(attrs.get("target"));
            if (target != null) {
                out.add(InstallStep.link(paths(path), paths(target), at, "Puppet"));
            }
            return;
        }
        if ("absent".equals(ensure)) {
            out.add(InstallStep.remove(paths(path), at, "Puppet"));
            return;
        }
        String src = templateOf(attrs.get("content"));
        boolean template = src != null;
        if (src == null) {
            String source = single(attrs.get("source"));
            if (source != null && source.startsWith("puppet:///modules/")) {
                src = source.substring("puppet:///modules/".length());
            }
        }
        if (src == null) {
            return;
        }
        for (String alternative : expand(src)) {
            String tree = moduleFile(alternative, template ? "templates" : "files");
            if (tree != null) {
                out.add(InstallStep.file(paths(path), tree, at, "Puppet"));
                return;
            }
        }
    }

    /** The value of an attribute that is one string or word ({@code ensure => link}), or null. */
    private static String single(List<Token> value) {
        if (value == null || value.size() != 1) {
            return null;
        }
        Token v = value.get(0);
        if (v.text.startsWith("$")) {
            return "${" + v.text.substring(1) + "}";
        }
        return v.value();
    }

    /** The argument of {@code template('...')} (or of {@code template($var)}, as {@code ${var}}), or null. */
    private static String templateOf(List<Token> value) {
        if (value == null || value.size() < 4 || !value.get(0).is("template") || !value.get(1).is("(")) {
            return null;
        }
        Token arg = value.get(2);
        if (arg.isString()) {
            return arg.value();
        }
        return arg.text.startsWith("$") ? "${" + arg.text.substring(1) + "}" : null;
    }

    /** {@code module/rel} as a project file: {@code <...>module/<folder>/rel}, else {@code <...><folder>/rel}. */
    private String moduleFile(String moduleAndPath, String folder) {
        if (HostPattern.hasUnknown(HostPattern.canonical(moduleAndPath))) {
            return null;
        }
        int slash = moduleAndPath.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String module = moduleAndPath.substring(0, slash);
        String rel = moduleAndPath.substring(slash + 1);
        String exact = null;
        String loose = null;
        int looseHits = 0;
        for (String t : sources.treePaths()) {
            if (t.equals(module + "/" + folder + "/" + rel) || t.endsWith("/" + module + "/" + folder + "/" + rel)) {
                exact = t;
            } else if (t.equals(folder + "/" + rel) || t.endsWith("/" + folder + "/" + rel)) {
                loose = t;
                looseHits++;
            }
        }
        return exact != null ? exact : looseHits == 1 ? loose : null;
    }

    /** A path as written (canonical) followed by what the manifests' literal variables make of it. */
    private List<String> paths(String written) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : expand(written)) {
            out.add(HostPattern.canonical(s));
        }
        return new ArrayList<>(out);
    }

    /** The text, then each fully literal text the manifests' variables make of it. */
    private List<String> expand(String text) {
        List<String> out = new ArrayList<>();
        out.add(text);
        List<String> frontier = List.of(text);
        for (int level = 0; level < 4 && !frontier.isEmpty(); level++) {
            List<String> next = new ArrayList<>();
            for (String s : frontier) {
                Matcher m = INTERPOLATION.matcher(s);
                if (!m.find()) {
                    continue;
                }
                for (String v : variables.getOrDefault(last(m.group(1)), Set.of())) {
                    String r = s.substring(0, m.start()) + v + s.substring(m.end());
                    if (out.size() < MAX_ALTERNATIVES && !out.contains(r)) {
                        out.add(r);
                        next.add(r);
                    }
                }
            }
            frontier = next;
        }
        List<String> literal = new ArrayList<>();
        literal.add(text);
        for (String s : out) {
            if (!s.equals(text) && !INTERPOLATION.matcher(s).find()) {
                literal.add(s);
            }
        }
        return literal;
    }
}
