package io.github.footprint.source.template.scan;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables an expression of a template language reads: the names a value for which would settle it. Names
 * after a dot (attributes, methods), keyword arguments, keywords, literals and a few builtins are not variables;
 * string literals are skipped.
 */
final class CodeNames {
    private static final Set<String> PYTHON_WORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "for",
            "lambda", "None", "True", "False", "len", "str", "int", "float", "bool", "list", "dict", "tuple", "set",
            "range", "repr", "min", "max", "sorted", "enumerate", "zip", "abs", "round", "getattr", "hasattr",
            "isinstance", "UNDEFINED", "context",
            "capture", "caller", "local", "self", "parent", "next", "loop");
    private static final Set<String> RUBY_WORDS = Set.of("and", "or", "not", "nil", "true", "false", "if", "unless",
            "else", "elsif", "end", "then", "do", "self", "defined?", "in", "scope", "puts", "print", "p", "require",
            "__FILE__", "__LINE__", "ENV");
    /** Puppet's {@code scope.lookupvar('a::b')}, {@code scope.function_lookupvar(['a::b'])}, {@code scope['a::b']}. */
    private static final Pattern SCOPE = Pattern.compile(
            "scope\\s*(?:\\.\\s*(?:lookupvar|function_lookupvar)\\s*\\(\\s*\\[?\\s*|\\[\\s*)(['\"])([^'\"]+)\\1"
                    + "\\s*\\]?\\s*[)\\]]?");
    /** Chef's {@code node['a']['b']} (or {@code node[:a][:b]}, {@code node["a"]}). */
    private static final Pattern NODE = Pattern.compile(
            "\\bnode((?:\\s*\\[\\s*(?:'[^']*'|\"[^\"]*\"|:[A-Za-z_][A-Za-z0-9_]*)\\s*\\])+)");

    private CodeNames() {
    }

    /** The variables of a Python expression (Mako, Tempita). */
    static Set<String> python(String code) {
        Set<String> out = new LinkedHashSet<>();
        scan(code, out, PYTHON_WORDS, false);
        return out;
    }

    /** The names bound by the target list of a Python {@code for} ({@code a, (b, c)}). */
    static Set<String> targets(String list) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(list);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /**
     * The variables of a Ruby expression (ERB): an instance variable {@code @port} as {@code port}, a Puppet scope
     * lookup by the name it looks up, a Chef attribute path as written ({@code node['a']['b']}), other local names.
     */
    static Set<String> ruby(String code) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = SCOPE.matcher(code);
        int at = 0;
        while (m.find()) {
            rest.append(code, at, m.start()).append(' ');
            out.add(m.group(2));
            at = m.end();
        }
        rest.append(code.substring(at));
        String s = rest.toString();
        m = NODE.matcher(s);
        rest = new StringBuilder();
        at = 0;
        while (m.find()) {
            rest.append(s, at, m.start()).append(' ');
            out.add("node" + m.group(1).replaceAll("\\s+", ""));
            at = m.end();
        }
        rest.append(s.substring(at));
        scan(rest.toString(), out, RUBY_WORDS, true);
        return out;
    }

    private static void scan(String code, Set<String> out, Set<String> words, boolean ruby) {
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(code, i);
                continue;
            }
            if (ruby && c == ':' && i + 1 < n && Character.isLetter(code.charAt(i + 1))
                    && (i == 0 || code.charAt(i - 1) != ':')) {
                // a symbol
                i++;
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                    i++;
                }
                continue;
            }
            if (Character.isLetter(c) || c == '_' || (ruby && c == '@')) {
                int start = i;
                i++;
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
                        || (ruby && code.charAt(i) == '@' && i == start + 1))) {
                    i++;
                }
                if (ruby && i < n && (code.charAt(i) == '?' || code.charAt(i) == '!')) {
                    i++;
                }
                String name = code.substring(start, i);
                if (afterDot(code, start) || words.contains(name) || keywordArgument(code, i)
                        || (start > 0 && Character.isDigit(code.charAt(start - 1)))) {
                    continue;
                }
                if (ruby) {
                    name = name.replaceFirst("^@@?", "");
                    if (name.isEmpty() || Character.isUpperCase(name.charAt(0))) {
                        // a constant (a class name), not a value of this template
                        continue;
                    }
                }
                out.add(name);
                continue;
            }
            i++;
        }
    }

    private static boolean afterDot(String code, int start) {
        int j = start - 1;
        while (j >= 0 && code.charAt(j) == ' ') {
            j--;
        }
        return j >= 0 && code.charAt(j) == '.' && (j == 0 || code.charAt(j - 1) != '.');
    }

    private static boolean keywordArgument(String code, int end) {
        int j = end;
        while (j < code.length() && code.charAt(j) == ' ') {
            j++;
        }
        return j + 1 < code.length() && code.charAt(j) == '=' && code.charAt(j + 1) != '='
                && code.charAt(j + 1) != '~' && code.charAt(j + 1) != '>'
                && (nesting(code, end) > 0);
    }

    /** How many brackets are open at a position (keyword arguments exist only inside a call). */
    private static int nesting(String code, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(code, i) - 1;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return depth;
    }

    /** The position after a string literal starting at {@code i} (its quote), backslash escapes read. */
    static int skipString(String code, int i) {
        char q = code.charAt(i);
        boolean triple = code.startsWith(String.valueOf(q).repeat(3), i);
        int j = i + (triple ? 3 : 1);
        while (j < code.length()) {
            char c = code.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == q && (!triple || code.startsWith(String.valueOf(q).repeat(3), j))) {
                return j + (triple ? 3 : 1);
            }
            j++;
        }
        return code.length();
    }
}
