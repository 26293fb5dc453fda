package io.github.footprint.source.template;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.footprint.base.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one variables file: YAML as Ansible reads it (PyYAML's YAML 1.1 rules, {@code !vault} and {@code !unsafe}),
 * JSON, or Java properties. A file encrypted whole with Ansible Vault is recognised and read as nothing.
 */
public final class VarsFiles {
    /** The result of reading one file. */
    public static final class Parsed {
        private final Map<String, Object> values;
        private final boolean encrypted;
        private final TemplateProblem problem;

        Parsed(Map<String, Object> values, boolean encrypted, TemplateProblem problem) {
            this.values = values;
            this.encrypted = encrypted;
            this.problem = problem;
        }

        /** The variables, in file order (empty for an encrypted or unreadable file). */
        public Map<String, Object> values() {
            return values;
        }

        /** True for a file encrypted whole with Ansible Vault: its variables exist but are unknown. */
        public boolean encrypted() {
            return encrypted;
        }

        /** Why the file could not be read, or null. */
        public TemplateProblem problem() {
            return problem;
        }
    }

    private VarsFiles() {
    }

    /** True when a text is an Ansible Vault file ({@code $ANSIBLE_VAULT;1.1;AES256} on its first line). */
    public static boolean isVault(String text) {
        String t = text.startsWith("\ufeff") ? text.substring(1) : text;
        return t.stripLeading().startsWith("$ANSIBLE_VAULT;");
    }

    /** Reads a file by its name's extension: .json, .properties, anything else YAML (Ansible's extension-less files). */
    public static Parsed read(String name, String text) {
        if (isVault(text)) {
            return new Parsed(new LinkedHashMap<>(), true, null);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".properties")) {
            return properties(text);
        }
        if (lower.endsWith(".json")) {
            return json(text);
        }
        return yaml(text);
    }

    private static Parsed properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new Parsed(new LinkedHashMap<>(), false,
                    new TemplateProblem(0, Severity.ERROR, "cannot be read as properties: " + e.getMessage()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(p.stringPropertyNames());
        names.sort(null);
        for (String k : names) {
            out.put(k, p.getProperty(k));
        }
        // a.b=c also reads as {{ a.b }}: nested maps for dotted names, where no plain value is in the way
        for (String k : names) {
            if (k.indexOf('.') > 0 && !k.endsWith(".")) {
                nest(out, k.split("\\."), p.getProperty(k));
            }
        }
        return new Parsed(out, false, null);
    }

    @SuppressWarnings("unchecked")
    private static void nest(Map<String, Object> root, String[] parts, String value) {
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = m.get(parts[i]);
            if (next == null) {
                next = new LinkedHashMap<String, Object>();
                m.put(parts[i], next);
            } else if (!(next instanceof Map)) {
                return;
            }
            m = (Map<String, Object>) next;
        }
        m.putIfAbsent(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Parsed json(String text) {
        try {
            Object v = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .readValue(text, Object.class);
            if (v == null) {
                return new Parsed(new LinkedHashMap<>(), false, null);
            }
            if (!(v instanceof Map)) {
                return new Parsed(new LinkedHashMap<>(), false, new TemplateProblem(1, Severity.ERROR,
                        "a variables file must hold a mapping of names to values, not a " + typeName(v)));
            }
            return new Parsed(smallInts((Map<String, Object>) v), false, null);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return new Parsed(new LinkedHashMap<>(), false,
                    new TemplateProblem(line, Severity.ERROR, "not valid JSON: " + withoutContent(
                            e.getOriginalMessage())));
        }
    }

    /** Integers as the smallest of Integer, Long, BigInteger (what YAML gives too). */
    @SuppressWarnings("unchecked")
    private static <T> T smallInts(T v) {
        if (v instanceof java.math.BigInteger) {
            java.math.BigInteger b = (java.math.BigInteger) v;
            if (b.bitLength() < 32) {
                return (T) Integer.valueOf(b.intValue());
            }
            return b.bitLength() < 64 ? (T) Long.valueOf(b.longValue()) : v;
        }
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>();
            ((Map<String, Object>) v).forEach((k, x) -> m.put(k, smallInts(x)));
            return (T) m;
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object x : (List<Object>) v) {
                l.add(smallInts(x));
            }
            return (T) l;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Parsed yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setNestingDepthLimit(PYYAML_DEPTH);
        // what Yaml.load does, without the Yaml facade: it makes a Representer and DumperOptions for writing YAML,
        // classes footprint never uses, loaded cold on every check of a tree with a variables file (34 on
        // examples/ansible-role; YamlOnDemandTest)
        AnsibleConstructor constructor = new AnsibleConstructor(options);
        constructor.setAllowDuplicateKeys(options.isAllowDuplicateKeys());
        constructor.setWrappedToRootException(options.isWrappedToRootException());
        Object v;
        try {
            constructor.setComposer(new Composer(new ParserImpl(new StreamReader(text), options), new PyYamlResolver(),
                    options));
            v = constructor.getSingleData(Object.class);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (problem.startsWith("Nesting Depth exceeded")) {
                problem = tooDeep();
            }
            problem = withoutContent(problem);
            return new Parsed(new LinkedHashMap<>(), false, new TemplateProblem(m == null ? 0 : m.getLine() + 1,
                    Severity.ERROR, "not valid YAML: " + problem));
        } catch (YAMLException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Nesting Depth exceeded")) {
                return new Parsed(new LinkedHashMap<>(), false,
                        new TemplateProblem(tooDeepAt(text), Severity.ERROR, "not valid YAML: " + tooDeep()));
            }
            return new Parsed(new LinkedHashMap<>(), false,
                    new TemplateProblem(0, Severity.ERROR, "not valid YAML: " + withoutContent(e.getMessage())));
        } catch (ClassCastException e) {
            return new Parsed(new LinkedHashMap<>(), false,
                    new TemplateProblem(0, Severity.ERROR, "not valid YAML: a value of an unexpected type"));
        }
        if (v == null) {
            return new Parsed(new LinkedHashMap<>(), false, null);
        }
        if (!(v instanceof Map)) {
            return new Parsed(new LinkedHashMap<>(), false, new TemplateProblem(1, Severity.ERROR,
                    "a variables file must hold a mapping of names to values, not a " + typeName(v)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return new Parsed(out, false, null);
    }

    /**
     * How deep collections may nest: PyYAML's Python loader composes nodes recursively and stops with RecursionError
     * at 492 nested block or flow mappings or block sequences, at 494 for flow sequences in a mapping (PyYAML 6.0,
     * Python 3.11, its limit of 1000 frames); beyond 493 every shape fails. SnakeYAML's own default (50) refused
     * files Ansible reads. Ansible on libyaml reads deeper; footprint reads no deeper than this.
     */
    static final int PYYAML_DEPTH = 493;

    /** A quotation of the file in a parser's message: {@code 'x'}, {@code 'x'(113)}, {@code ('x' (code 120))}. */
    private static final Pattern QUOTED = Pattern.compile("\\(?'(?:[^'\n]|'(?=[^\\s:,.)]))*'\\s*(?:\\(code [^)]*\\)"
            + "|\\([0-9]+\\))?\\)?");
    /** What a parser quotes that is its own syntax, not the file's content. */
    private static final Pattern SYNTAX = Pattern.compile("\\(?'(?:<[a-z ]+>|null|true|false|[:\\[\\]{},\\-?|>]"
            + "|\\.\\.\\.|---)'\\)?");

    /**
     * A Jackson or SnakeYAML message without what it quotes of the file (an unrecognised token, an unexpected
     * character, a snippet, a source excerpt): the line is named by the finding, a secret nearby never is. The
     * parser's own syntax it quotes ({@code ':'}, {@code '<block end>'}, {@code 'null'}) stays.
     */
    static String withoutContent(String message) {
        if (message == null) {
            return "the parser gives no reason";
        }
        String m = message;
        int cut = m.indexOf("\n");
        if (cut >= 0) {
            m = m.substring(0, cut);
        }
        int source = m.indexOf(" [Source:");
        if (source < 0) {
            source = m.indexOf(" (start marker at");
        }
        if (source >= 0) {
            m = m.substring(0, source);
        }
        java.util.regex.Matcher q = QUOTED.matcher(m);
        StringBuilder b = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(b, SYNTAX.matcher(q.group()).matches() ? java.util.regex.Matcher.quoteReplacement(
                    q.group()) : "");
        }
        q.appendTail(b);
        return b.toString().replaceAll("  +", " ").replace(" :", ":").trim();
    }

    /** The line where collections first nest too deep, found by the parser's events (it does not recurse). */
    private static int tooDeepAt(String text) {
        int depth = 0;
        try {
            ParserImpl parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
            while (parser.peekEvent() != null) {
                org.yaml.snakeyaml.events.Event e = parser.getEvent();
                if (e instanceof org.yaml.snakeyaml.events.CollectionStartEvent) {
                    if (++depth > PYYAML_DEPTH) {
                        return e.getStartMark().getLine() + 1;
                    }
                } else if (e instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            return 0;
        }
        return 0;
    }

    private static String tooDeep() {
        return "collections nest more than " + PYYAML_DEPTH + " levels deep: PyYAML's Python loader stops here with"
                + " 'RecursionError: maximum recursion depth exceeded' (Ansible on libyaml reads deeper); footprint"
                + " reads none of this file's values";
    }

    private static String typeName(Object v) {
        return v instanceof List ? "list" : v instanceof String ? "string" : v.getClass().getSimpleName().toLowerCase(
                Locale.ROOT);
    }

    /** PyYAML's implicit resolvers (YAML 1.1), in PyYAML's order: floats need a dot, exponents a sign. */
    private static final class PyYamlResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile(
                    "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"), "yYnNtTfFoO",
                    10);
            addImplicitResolver(Tag.FLOAT, Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"), "-+0123456789.");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
                    + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"), "-+0123456789");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<", 10);
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL|)$"), "~nN\0", 10);
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null, 10);
            addImplicitResolver(Tag.TIMESTAMP, Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                    + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
                    + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"), "0123456789", 50);
        }
    }

    /** SafeConstructor plus Ansible's tags; timestamps stay the text they were (Python prints a date so). */
    private static final class AnsibleConstructor extends SafeConstructor {
        AnsibleConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!vault"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return VarValues.Vaulted.INSTANCE;
                }
            });
            yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof ScalarNode) {
                        return new VarValues.Unsafe(((ScalarNode) node).getValue());
                    }
                    return yamlConstructors.get(node instanceof org.yaml.snakeyaml.nodes.SequenceNode ? Tag.SEQ
                            : Tag.MAP).construct(node);
                }
            });
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return ((ScalarNode) node).getValue();
                }
            });
        }
    }
}
