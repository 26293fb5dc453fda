package io.github.footprint.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule page ({@code src/main/resources/io/github/footprint/rules/FPnnn.md}) as the tests read it: the title
 * line, the {@code ## } sections in order, and the fenced code blocks of each section. An example block names
 * the file it stands for in a deploy tree in its info string: {@code ```apache file=apache/app.conf}; or it is
 * the plugin's {@code <configuration>} the example runs with (budgets such as {@code <memory>}), marked
 * {@code ```xml configuration}.
 *
 * <p>Parsing never throws; what is malformed (an unclosed fence, an example block without {@code file=}) is
 * collected in {@link #problems()}.
 */
public final class RulePage {
    /** The sections every page has, in this order. */
    public static final List<String> SECTIONS = List.of("What it finds", "Why it matters", "Bad example",
            "Good example", "How to fix");
    /** The section a rule with options adds after the others. */
    public static final String OPTIONS = "Options";
    public static final String BAD = "Bad example";
    public static final String GOOD = "Good example";

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^##\\s+(.+?)\\s*#*\\s*$");

    /** The info-string word that marks an example's plugin configuration: {@code ```xml configuration}. */
    public static final String CONFIGURATION = "configuration";

    /** One fenced code block. */
    public static final class Block {
        private final String language;
        private final Map<String, String> attributes;
        private final List<String> flags;
        private final String text;
        private final int line;

        Block(String language, Map<String, String> attributes, List<String> flags, String text, int line) {
            this.language = language;
            this.attributes = Collections.unmodifiableMap(attributes);
            this.flags = List.copyOf(flags);
            this.text = text;
            this.line = line;
        }

        /** True for the plugin configuration of an example ({@code ```xml configuration}), not a file of the tree. */
        public boolean configuration() {
            return flags.contains(CONFIGURATION);
        }

        /** The first word of the info string ({@code apache}, {@code ini}, {@code python}, {@code sh}), or "". */
        public String language() {
            return language;
        }

        /** The deploy-tree path of the {@code file=} attribute, or null. */
        public String file() {
            return attributes.get("file");
        }

        /** The block's lines, each ending with a newline (empty for an empty block). */
        public String text() {
            return text;
        }

        /** The page line of the opening fence. */
        public int line() {
            return line;
        }
    }

    private final String title;
    private final Map<String, String> sections;
    private final Map<String, List<Block>> blocks;
    private final List<String> problems;

    private RulePage(String title, Map<String, String> sections, Map<String, List<Block>> blocks,
            List<String> problems) {
        this.title = title;
        this.sections = Collections.unmodifiableMap(sections);
        this.blocks = Collections.unmodifiableMap(blocks);
        this.problems = Collections.unmodifiableList(problems);
    }

    /** Reads a page. */
    public static RulePage parse(String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        List<String> problems = new ArrayList<>();
        String title = null;
        Map<String, StringBuilder> bodies = new LinkedHashMap<>();
        Map<String, List<Block>> blocks = new LinkedHashMap<>();
        String current = null;
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i < lines.length && lines[i].startsWith("# ")) {
            title = lines[i].substring(2).strip();
            i++;
        } else {
            problems.add("the page does not start with a '# FPnnn rule-name' title line");
        }
        for (; i < lines.length; i++) {
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                int open = i + 1;
                String marker = fence.group(1);
                StringBuilder text = new StringBuilder();
                boolean closed = false;
                for (i++; i < lines.length; i++) {
                    if (lines[i].strip().equals(marker)) {
                        closed = true;
                        break;
                    }
                    text.append(lines[i]).append('\n');
                }
                if (!closed) {
                    problems.add("line " + open + ": the code block is never closed");
                }
                Block b = block(fence.group(2), text.toString(), open);
                if (current != null) {
                    blocks.get(current).add(b);
                    bodies.get(current).append("(code)\n");
                }
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = section.group(1);
                if (bodies.containsKey(current)) {
                    problems.add("line " + (i + 1) + ": section '" + current + "' appears twice");
                }
                bodies.put(current, new StringBuilder());
                blocks.put(current, new ArrayList<>());
                continue;
            }
            if (current != null) {
                bodies.get(current).append(line).append('\n');
            } else if (!line.isBlank()) {
                problems.add("line " + (i + 1) + ": text before the first '## ' section");
            }
        }
        Map<String, String> sections = new LinkedHashMap<>();
        bodies.forEach((k, v) -> sections.put(k, v.toString().strip()));
        for (String example : List.of(BAD, GOOD)) {
            int configurations = 0;
            for (Block b : blocks.getOrDefault(example, List.of())) {
                if (b.configuration()) {
                    if (!b.language().equals("xml") || b.file() != null) {
                        problems.add("line " + b.line() + ": a configuration block is written ```xml configuration,"
                                + " without file=");
                    }
                    if (++configurations == 2) {
                        problems.add("line " + b.line() + ": the " + example + " has two configuration blocks");
                    }
                    continue;
                }
                if (b.file() == null || b.file().isEmpty()) {
                    problems.add("line " + b.line() + ": a block of the " + example
                            + " has no file=PATH in its info string");
                } else if (b.file().startsWith("/") || b.file().contains("\\") || b.file().equals("..")
                        || b.file().startsWith("../") || b.file().contains("/../")) {
                    problems.add("line " + b.line() + ": file=" + b.file()
                            + " is not a path relative to the deploy source directory");
                }
            }
        }
        return new RulePage(title, sections, blocks, problems);
    }

    private static Block block(String info, String text, int line) {
        String[] words = info.strip().isEmpty() ? new String[0] : info.strip().split("\\s+");
        String language = "";
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            int eq = words[w].indexOf('=');
            if (eq > 0) {
                attributes.put(words[w].substring(0, eq), words[w].substring(eq + 1));
            } else if (w == 0) {
                language = words[w];
            } else {
                flags.add(words[w]);
            }
        }
        return new Block(language, attributes, flags, text, line);
    }

    /** The title line without {@code # }, or null when the page has none. */
    public String title() {
        return title;
    }

    /** Section headings in page order. */
    public List<String> sectionNames() {
        return new ArrayList<>(sections.keySet());
    }

    /** A section's text (code blocks shown as {@code (code)}), stripped; null when the page lacks it. */
    public String section(String name) {
        return sections.get(name);
    }

    /** The code blocks of a section, in page order (empty when there are none or no such section). */
    public List<Block> blocks(String section) {
        return blocks.getOrDefault(section, List.of());
    }

    /** What is malformed in the page, as sentences; empty for a well-formed page. */
    public List<String> problems() {
        return problems;
    }
}
