package io.github.footprint.parse.ini;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Location;
import io.github.footprint.base.PythonText;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.template.Unknowns;
import org.ini4j.Config;
import org.ini4j.spi.IniHandler;
import org.ini4j.spi.IniParser;

/**
 * Reads an INI file as PasteDeploy's {@code configparser.ConfigParser} does ({@code strict=True},
 * {@code optionxform=str}, delimiters {@code =} and {@code :}, whole-line {@code #}/{@code ;} comments,
 * indented continuation, empty lines kept inside values).
 *
 * <p>The structure (comments, continuation by indentation, sections, duplicates, line numbers) follows
 * {@code RawConfigParser._read} line by line, because ini4j's {@code IniSource} trims every line and so
 * cannot see indentation. The name/value split of an option line is ini4j's {@link IniParser} (escapes
 * off), on the lines where it gives configparser's answer; lines where it would not (a backslash before
 * the delimiter, a line starting with {@code [}, control characters or non-ASCII white space, an empty
 * name) are split here by configparser's {@code OPTCRE}.
 */
public final class PasteIniReader {
    /** True when a stripped line holds nothing but tokens of unknown values (and blanks between them). */
    static boolean onlyUnknowns(String stripped) {
        if (!Unknowns.contains(stripped)) {
            return false;
        }
        int at = 0;
        for (Unknowns.Span t : Unknowns.find(stripped)) {
            if (!stripped.substring(at, t.start()).isBlank()) {
                return false;
            }
            at = t.end();
        }
        return stripped.substring(at).isBlank();
    }

    private static final String DEFAULT = "DEFAULT";

    private final IniParser ini4j;
    private final SplitHandler handler = new SplitHandler();

    public PasteIniReader() {
        Config config = new Config();
        config.setEscape(false);
        config.setEscapeNewline(false);
        config.setGlobalSection(true);
        config.setInclude(false);
        config.setEmptyOption(false);
        config.setMultiOption(true);
        config.setLowerCaseOption(false);
        config.setLowerCaseSection(false);
        this.ini4j = new Ini4jParser(config);
    }

    /**
     * ini4j's parser with this reader's configuration. {@code IniParser.newInstance} would look the class up as a
     * service first: a {@code META-INF/services} resource searched in every jar of the plugin's class realm, tens of
     * milliseconds of a cold check, to find the class named here.
     */
    private static final class Ini4jParser extends IniParser {
        Ini4jParser(Config config) {
            setConfig(config);
        }
    }

    /**
     * Collects the options ini4j reports for a batch of lines, each under a header of its own ({@code [n]}): the
     * option of line n, or none when ini4j reads none there.
     */
    private static final class SplitHandler implements IniHandler {
        String[][] out;
        int line = -1;

        @Override
        public void startIni() {
        }

        @Override
        public void endIni() {
        }

        @Override
        public void handleComment(String comment) {
        }

        @Override
        public void startSection(String sectionName) {
            line = Integer.parseInt(sectionName);
        }

        @Override
        public void endSection() {
            line = -1;
        }

        @Override
        public void handleOption(String optionName, String optionValue) {
            if (line >= 0 && out[line] == null) {
                out[line] = new String[] {optionName, optionValue == null ? "" : optionValue};
            }
        }
    }

    /**
     * ini4j's split of every line it would split as configparser does, in one pass: each line under a header of its
     * own, so that ini4j reads it alone as it would read a file of that one line (its lines do not join: escaped
     * newlines are off). One parse per line cost 20 microseconds each (a reader and its 16 KiB buffer apiece):
     * 4 s for a file of 200,000 options.
     */
    private String[][] ini4jSplits(List<String> lines) {
        String[][] out = new String[lines.size()][];
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String value = PythonText.strip(lines.get(i));
            int d = delimiter(value);
            if (d >= 0 && !value.startsWith("#") && !value.startsWith(";") && ini4jAgrees(value, d)) {
                batch.append('[').append(i).append("]\n").append(value).append('\n');
            }
        }
        if (batch.length() == 0) {
            return out;
        }
        handler.out = out;
        try {
            ini4j.parse(new StringReader(batch.toString()), handler);
        } catch (IOException e) {
            // every line falls back to configparser's own split
            return new String[lines.size()][];
        } finally {
            handler.out = null;
            handler.line = -1;
        }
        return out;
    }

    /** Reads one file; problems are returned in the document, never thrown. */
    public IniDocument read(SourceFile file) {
        List<ParseProblem> problems = new ArrayList<>();
        IniSection defaults = new IniSection(DEFAULT, new Location(file.displayPath(), 0));
        Map<String, IniSection> sections = new LinkedHashMap<>();
        Map<IniSection, Map<String, List<String>>> values = new LinkedHashMap<>();
        Map<IniSection, Map<String, Location>> where = new LinkedHashMap<>();
        values.put(defaults, new LinkedHashMap<>());
        where.put(defaults, new LinkedHashMap<>());
        java.util.Set<String> added = new java.util.HashSet<>();
        IniSection cur = null;
        String optname = null;
        int indentLevel = 0;
        List<String> lines = file.lines();
        String[][] splits = ini4jSplits(lines);
        read:
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Location at = new Location(file.displayPath(), file.templateLine(i));
            String stripped = PythonText.strip(line);
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            String value = comment ? "" : stripped;
            if (value.isEmpty()) {
                if (!comment && cur != null && optname != null && !optname.isEmpty()) {
                    List<String> v = values.get(cur).get(optname);
                    if (v != null) {
                        v.add("");
                    }
                }
                continue;
            }
            int indent = Py.firstNonSpace(line);
            if (onlyUnknowns(value) && !(cur != null && optname != null && !optname.isEmpty()
                    && indent > indentLevel)) {
                // a whole line a template leaves unknown ({{ extra_settings }}): any lines, or none; not an error
                optname = null;
                continue;
            }
            if (cur != null && optname != null && !optname.isEmpty() && indent > indentLevel) {
                values.get(cur).get(optname).add(value);
                continue;
            }
            indentLevel = indent;
            String header = Py.sectionHeader(value);
            if (header != null) {
                if (sections.containsKey(header)) {
                    if (added.contains(header)) {
                        problems.add(ParseProblem.syntax(at, "section '" + abbreviate(header) + "' already exists (line "
                                + sections.get(header).location().line() + "): configparser stops with"
                                + " DuplicateSectionError; merge the two sections", "PasteDeploy reads INI files with"
                                + " configparser in strict mode, where a second header of one name is an error, not a"
                                + " continuation of the first section."));
                        break read;
                    }
                    cur = sections.get(header);
                    added.add(header);
                } else if (header.equals(DEFAULT)) {
                    cur = defaults;
                } else {
                    cur = new IniSection(header, at);
                    sections.put(header, cur);
                    values.put(cur, new LinkedHashMap<>());
                    where.put(cur, new LinkedHashMap<>());
                    added.add(header);
                }
                optname = null;
                continue;
            }
            if (cur == null) {
                String broken = brokenHeader(value);
                problems.add(ParseProblem.syntax(at, (broken != null ? broken
                        : "'" + abbreviate(value) + "' comes before any section header")
                        + ": configparser stops with MissingSectionHeaderError; "
                        + (broken != null ? lower(headerFix(value)) : "put a section header such as [app:main]"
                                + " above it"), "configparser's message is 'File contains no section headers.':"
                                + " every key must follow a [section] line, and this line is the first that is"
                                + " neither blank nor a comment."));
                break;
            }
            String[] kv = split(value, splits[i]);
            if (kv == null) {
                String broken = brokenHeader(value);
                problems.add(broken != null
                        ? ParseProblem.syntax(at, broken + ": configparser raises ParsingError; "
                                + lower(headerFix(value)))
                        : ParseProblem.syntax(at, "'" + abbreviate(value) + "' has no '=' or ':': configparser raises"
                                + " ParsingError; write key = value, or indent it to continue the value above",
                                "The line is not indented under a key either, so it is neither a 'key = value' line,"
                                        + " a section header nor a continuation of the value above."));
                continue;
            }
            optname = kv[0];
            if (optname.isEmpty()) {
                problems.add(ParseProblem.syntax(at, "'" + abbreviate(value) + "' has no key before its '"
                        + value.charAt(0) + "': configparser raises ParsingError; write the key's name before it"));
            }
            String sectKey = cur == defaults ? DEFAULT : cur.name();
            if (added.contains(sectKey + "\u0000" + optname)) {
                problems.add(ParseProblem.syntax(at, "option '" + abbreviate(optname) + "' in section '"
                        + abbreviate(sectKey) + "' already exists (line " + where.get(cur).get(optname).line()
                        + "): configparser stops with DuplicateOptionError; keep one of the two", "PasteDeploy reads"
                        + " INI files with configparser in strict mode, where a key given twice in one section is an"
                        + " error, not an override."));
                break;
            }
            added.add(sectKey + "\u0000" + optname);
            List<String> v = new ArrayList<>();
            v.add(kv[1]);
            values.get(cur).put(optname, v);
            where.get(cur).put(optname, at);
        }
        for (Map.Entry<IniSection, Map<String, List<String>>> s : values.entrySet()) {
            for (Map.Entry<String, List<String>> e : s.getValue().entrySet()) {
                String joined = PythonText.rstrip(String.join("\n", e.getValue()));
                s.getKey().put(new IniEntry(e.getKey(), joined, where.get(s.getKey()).get(e.getKey())));
            }
        }
        return new IniDocument(file, defaults, new ArrayList<>(sections.values()), problems);
    }

    /** The first {@code =} or {@code :} of a stripped line, or -1. */
    private static int delimiter(String value) {
        int eq = value.indexOf('=');
        int colon = value.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }

    /**
     * {@code OPTCRE}: the option is everything before the first {@code =} or {@code :}; null without one. ini4j's
     * split of the line ({@link #ini4jSplits}) where it gives configparser's answer.
     */
    private static String[] split(String value, String[] ini4j) {
        int d = delimiter(value);
        if (d < 0) {
            return null;
        }
        if (ini4j != null && ini4jAgrees(value, d)) {
            return ini4j;
        }
        return new String[] {PythonText.rstrip(value.substring(0, d)), PythonText.strip(value.substring(d + 1))};
    }

    /** Where ini4j's split is known to equal configparser's for this stripped line. */
    private static boolean ini4jAgrees(String value, int delimiter) {
        if (delimiter == 0 || value.charAt(0) == '[' || value.lastIndexOf('\\', delimiter) >= 0) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && PythonText.isSpace(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What is wrong with a line that starts like a section header but is none ({@code SECTCRE} is
     * {@code \[(?P<header>.+)\]}): its {@code ]} is missing, or its name; null for any other line.
     */
    private static String brokenHeader(String value) {
        if (!value.startsWith("[")) {
            return null;
        }
        if (value.startsWith("[]")) {
            return "'" + abbreviate(value) + "' is a section header without a name";
        }
        return "'" + abbreviate(value) + "' is a section header without its closing ']'";
    }

    /** {@code Write [app:main]}: the header as it was meant, or what a header needs. */
    private static String headerFix(String value) {
        String name = PythonText.strip(value.substring(1));
        if (name.isEmpty() || value.startsWith("[]")) {
            return "Name the section between the brackets, such as [app:main]";
        }
        return "Write [" + abbreviate(name) + "]";
    }

    /** The text marked as quoted: shortening happens after secrets are masked (the findings stage), never here. */
    private static String abbreviate(String s) {
        return Excerpt.of(s);
    }

    /** {@code Write [app:main]} as the second half of a sentence: {@code write [app:main]}. */
    private static String lower(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }
}
