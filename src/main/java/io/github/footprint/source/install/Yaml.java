package io.github.footprint.source.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of YAML that Ansible roles and playbooks are written in, read leniently: block mappings and sequences by
 * indentation, flow mappings and sequences ({@code { src: a, dest: b }}, also over several lines), plain, single-
 * and double-quoted scalars, literal and folded block scalars, comments, several documents. Anchors, aliases and
 * tags are read as text. It never fails: what it cannot read it keeps as plain text or passes over, and every line
 * is visited once. Each node knows the 1-based line it starts on.
 */
final class Yaml {
    /**
     * How deep collections are read: PyYAML's Python loader stops with RecursionError at 492 to 494 nested
     * collections; deeper content is passed over.
     */
    static final int MAX_DEPTH = 493;

    private Yaml() {
    }

    /** A node: {@link Scalar}, {@link Seq} or {@link MapNode}. */
    abstract static class Node {
        final int line;

        Node(int line) {
            this.line = line;
        }
    }

    /** Text; null for an empty value. */
    static final class Scalar extends Node {
        final String value;

        Scalar(int line, String value) {
            super(line);
            this.value = value;
        }

        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    static final class Seq extends Node {
        final List<Node> items = new ArrayList<>();

        Seq(int line) {
            super(line);
        }

        @Override
        public String toString() {
            return items.toString();
        }
    }

    static final class MapNode extends Node {
        final Map<String, Node> entries = new LinkedHashMap<>();

        MapNode(int line) {
            super(line);
        }

        Node get(String key) {
            return entries.get(key);
        }

        /** The scalar text of a key, or null. */
        String text(String key) {
            Node n = entries.get(key);
            return n instanceof Scalar ? ((Scalar) n).value : null;
        }

        @Override
        public String toString() {
            return entries.toString();
        }
    }

    /** A logical line: its indentation, its content without the comment, its 1-based number. */
    private static final class Line {
        final int indent;
        final String content;
        final int number;

        Line(int indent, String content, int number) {
            this.indent = indent;
            this.content = content;
            this.number = number;
        }
    }

    /** The documents of a file's lines (line terminators already split off; a trailing CR is dropped). */
    static List<Node> parse(List<String> raw) {
        List<Line> lines = logical(raw);
        List<Node> docs = new ArrayList<>();
        Reader r = new Reader(lines);
        while (r.i < lines.size()) {
            Line l = lines.get(r.i);
            if (l.content.equals("---") || l.content.startsWith("--- ") || l.content.equals("...")) {
                r.i++;
                continue;
            }
            int before = r.i;
            Node n = r.node(l.indent);
            if (n != null) {
                docs.add(n);
            }
            if (r.i == before) {
                r.i++;
            }
        }
        return docs;
    }

    /** Lines without comments and blanks, flow collections that span lines joined into one. */
    private static List<Line> logical(List<String> raw) {
        List<Line> out = new ArrayList<>();
        int i = 0;
        while (i < raw.size()) {
            String text = stripCr(raw.get(i));
            int number = i + 1;
            i++;
            String content = uncomment(text);
            if (content.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < content.length() && (content.charAt(indent) == ' ' || content.charAt(indent) == '\t')) {
                indent++;
            }
            String body = content.substring(indent).stripTrailing();
            // a flow collection left open goes on over the next lines (at most 200 of them)
            int depth = depth(body);
            int joined = 0;
            while (depth > 0 && i < raw.size() && joined < 200) {
                String more = uncomment(stripCr(raw.get(i))).trim();
                i++;
                joined++;
                body = body + " " + more;
                depth = depth(body);
            }
            out.add(new Line(indent, body, number));
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** The text before a comment: a {@code #} at the start or after a blank, outside quotes. */
    private static String uncomment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if ((c == '"' || c == '\'') && (i == 0 || " \t:[{,-=".indexOf(s.charAt(i - 1)) >= 0)) {
                quote = c;
            } else if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** How many flow brackets are open at the end of the text (Jinja2's {@code {{ }}} and quotes not counted). */
    private static int depth(String s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                if (i == 0 || " \t:[{,".indexOf(s.charAt(i - 1)) >= 0) {
                    quote = c;
                }
            } else if (c == '{' && s.startsWith("{{", i)) {
                int end = s.indexOf("}}", i + 2);
                if (end < 0) {
                    return depth;
                }
                i = end + 1;
            } else if ((c == '{' || c == '[') && (i == 0 || depth > 0 || " \t:-,".indexOf(s.charAt(i - 1)) >= 0)) {
                depth++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    /** Block structure over the logical lines. */
    private static final class Reader {
        final List<Line> lines;
        int i;
        /** A line's content with a sequence dash taken off, read at a deeper indentation (the inline item). */
        Line pending;

        Reader(List<Line> lines) {
            this.lines = lines;
        }

        private Line current() {
            if (pending != null) {
                return pending;
            }
            return i < lines.size() ? lines.get(i) : null;
        }

        private void advance() {
            if (pending != null) {
                pending = null;
            }
            i++;
        }

        /** How deep node(), seq() and map() call each other now. */
        private int depth;

        /**
         * The node at the current line if it is indented at least {@code min}. Beyond {@link #MAX_DEPTH} levels the
         * lines of the node are passed over (read as an empty value), so that the reader's recursion stays bounded.
         */
        Node node(int min) {
            Line l = current();
            if (l != null && l.indent >= min && depth >= MAX_DEPTH) {
                advance();
                while (i < lines.size() && lines.get(i).indent >= min) {
                    i++;
                }
                return new Scalar(l.number, null);
            }
            depth++;
            try {
                return nodeAt(min);
            } finally {
                depth--;
            }
        }

        private Node nodeAt(int min) {
            Line l = current();
            if (l == null || l.indent < min) {
                return null;
            }
            if (isDash(l.content)) {
                return seq(l.indent);
            }
            if (entry(l.content) != null) {
                return map(l.indent);
            }
            advance();
            String text = l.content;
            // a plain scalar goes on over more deeply indented lines
            while (i < lines.size() && pending == null && lines.get(i).indent > l.indent
                    && !isDash(lines.get(i).content) && entry(lines.get(i).content) == null) {
                text = text + " " + lines.get(i).content;
                i++;
            }
            return value(text, l.number);
        }

        private static boolean isDash(String content) {
            return content.equals("-") || content.startsWith("- ") || content.startsWith("-\t");
        }

        private Seq seq(int indent) {
            Line first = current();
            Seq s = new Seq(first.number);
            while (true) {
                Line l = current();
                if (l == null || l.indent != indent || !isDash(l.content)) {
                    return s;
                }
                String rest = l.content.substring(1);
                int pad = 1;
                while (pad - 1 < rest.length() && (rest.charAt(pad - 1) == ' ' || rest.charAt(pad - 1) == '\t')) {
                    pad++;
                }
                String item = rest.trim();
                int before = i;
                if (item.isEmpty()) {
                    advance();
                    Node child = node(indent + 1);
                    s.items.add(child == null ? new Scalar(l.number, null) : child);
                } else {
                    // the item's content stands where it starts: a mapping there goes on at that column
                    pending = new Line(indent + pad, item, l.number);
                    Node child = node(indent + pad);
                    s.items.add(child == null ? new Scalar(l.number, item) : child);
                    if (pending != null) {
                        advance();
                    }
                }
                if (i == before && pending == null) {
                    i++;
                }
            }
        }

        private MapNode map(int indent) {
            Line first = current();
            MapNode m = new MapNode(first.number);
            while (true) {
                Line l = current();
                if (l == null || l.indent != indent) {
                    return m;
                }
                String[] kv = entry(l.content);
                if (kv == null) {
                    return m;
                }
                String key = kv[0];
                String rest = kv[1];
                advance();
                Node value;
                if (rest.isEmpty() || rest.startsWith("&") && !rest.contains(" ")) {
                    Line next = current();
                    if (next != null && next.indent > indent) {
                        value = node(next.indent);
                    } else if (next != null && next.indent == indent && isDash(next.content)) {
                        value = seq(indent);
                    } else {
                        value = new Scalar(l.number, null);
                    }
                } else if (rest.startsWith("|") || rest.startsWith(">")) {
                    StringBuilder b = new StringBuilder();
                    while (i < lines.size() && lines.get(i).indent > indent) {
                        if (b.length() > 0) {
                            b.append(rest.startsWith("|") ? "\n" : " ");
                        }
                        b.append(lines.get(i).content);
                        i++;
                    }
                    value = new Scalar(l.number, b.toString());
                } else {
                    String text = rest;
                    while (i < lines.size() && lines.get(i).indent > indent && !isDash(lines.get(i).content)
                            && entry(lines.get(i).content) == null && !startsFlow(rest)) {
                        text = text + " " + lines.get(i).content;
                        i++;
                    }
                    value = value(text, l.number);
                }
                m.entries.put(key, value == null ? new Scalar(l.number, null) : value);
            }
        }

        private static boolean startsFlow(String s) {
            return (s.startsWith("{") && !s.startsWith("{{")) || s.startsWith("[");
        }
    }

    /** {@code key: rest} of a mapping line, or null: the key (unquoted) and the rest after the colon, trimmed. */
    static String[] entry(String content) {
        if (content.isEmpty() || content.startsWith("- ") || content.equals("-")) {
            return null;
        }
        char c0 = content.charAt(0);
        if (c0 == '"' || c0 == '\'') {
            int end = closing(content, 0);
            if (end < 0 || end + 1 >= content.length() || content.charAt(end + 1) != ':') {
                return null;
            }
            String rest = content.substring(end + 2);
            if (!rest.isEmpty() && rest.charAt(0) != ' ' && rest.charAt(0) != '\t') {
                return null;
            }
            return new String[] {unquote(content.substring(0, end + 1)), rest.trim()};
        }
        if (c0 == '{' || c0 == '[' || c0 == '|' || c0 == '>' || c0 == '*' || c0 == '!' || c0 == '%' || c0 == '@'
                || c0 == '`') {
            return null;
        }
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '{' && content.startsWith("{{", i)) {
                return null;
            }
            if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ' || content.charAt(i + 1) == '\t')) {
                String key = content.substring(0, i).trim();
                if (key.isEmpty() || key.contains(" #")) {
                    return null;
                }
                return new String[] {key, content.substring(i + 1).trim()};
            }
        }
        return null;
    }

    /** The index of the quote that closes the one at {@code start}, or -1. */
    private static int closing(String s, int start) {
        char q = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (q == '"' && c == '\\') {
                i++;
            } else if (c == q) {
                if (q == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() - 1) {
                    char e = s.charAt(++i);
                    b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
        if (s.length() >= 2 && s.charAt(0) == '\'' && s.charAt(s.length() - 1) == '\'') {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        return s;
    }

    /** A value written on one (logical) line: flow collection, quoted or plain scalar. */
    static Node value(String text, int line) {
        String t = text.trim();
        // anchors and tags before the value are not part of it
        while ((t.startsWith("&") || t.startsWith("!")) && t.indexOf(' ') > 0) {
            t = t.substring(t.indexOf(' ') + 1).trim();
        }
        if ((t.startsWith("{") && !t.startsWith("{{")) || t.startsWith("[")) {
            Flow f = new Flow(t, line);
            Node n = f.node();
            return n == null ? new Scalar(line, t) : n;
        }
        if (t.startsWith("\"") || t.startsWith("'")) {
            int end = closing(t, 0);
            if (end > 0) {
                return new Scalar(line, unquote(t.substring(0, end + 1)));
            }
        }
        return new Scalar(line, t.isEmpty() || t.equals("~") || t.equals("null") ? null : t);
    }

    /** A flow collection's reader. */
    private static final class Flow {
        final String s;
        final int line;
        int i;

        Flow(String s, int line) {
            this.s = s;
            this.line = line;
        }

        private int depth;

        /** A flow node; beyond {@link #MAX_DEPTH} nested collections the rest of the line is passed over. */
        Node node() {
            if (depth >= MAX_DEPTH) {
                i = s.length();
                return new Scalar(line, null);
            }
            depth++;
            try {
                return nodeAt();
            } finally {
                depth--;
            }
        }

        private void blanks() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Node nodeAt() {
            blanks();
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == '{' && !s.startsWith("{{", i)) {
                i++;
                MapNode m = new MapNode(line);
                while (true) {
                    blanks();
                    if (i >= s.length()) {
                        return m;
                    }
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    if (s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    int before = i;
                    String key = scalar(true);
                    blanks();
                    Node value = new Scalar(line, null);
                    if (i < s.length() && s.charAt(i) == ':') {
                        i++;
                        value = node();
                        if (value == null) {
                            value = new Scalar(line, null);
                        }
                    }
                    if (key != null) {
                        m.entries.put(key, value);
                    }
                    if (i == before) {
                        i++;
                    }
                }
            }
            if (c == '[') {
                i++;
                Seq q = new Seq(line);
                while (true) {
                    blanks();
                    if (i >= s.length()) {
                        return q;
                    }
                    if (s.charAt(i) == ']') {
                        i++;
                        return q;
                    }
                    if (s.charAt(i) == ',') {
                        i++;
                        continue;
                    }
                    int before = i;
                    Node n = node();
                    if (n != null) {
                        q.items.add(n);
                    }
                    if (i == before) {
                        i++;
                    }
                }
            }
            return new Scalar(line, scalar(false));
        }

        /** A quoted or plain scalar ending at {@code ,}, {@code ]}, {@code }} (and {@code :} for a key). */
        private String scalar(boolean key) {
            blanks();
            if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                int end = closing(s, i);
                if (end < 0) {
                    String r = s.substring(i + 1);
                    i = s.length();
                    return r;
                }
                String r = unquote(s.substring(i, end + 1));
                i = end + 1;
                return r;
            }
            int start = i;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '{' && s.startsWith("{{", i)) {
                    int end = s.indexOf("}}", i + 2);
                    i = end < 0 ? s.length() : end + 2;
                    continue;
                }
                if (c == ',' || c == ']' || c == '}' || (c == ':' && key)) {
                    break;
                }
                i++;
            }
            String r = s.substring(start, i).trim();
            return r.isEmpty() ? null : r;
        }
    }
}
