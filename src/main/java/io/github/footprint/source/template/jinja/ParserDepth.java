package io.github.footprint.source.template.jinja;

/**
 * How deep Jinja2's parser may nest before Python's recursion limit stops it, with no Jinjava class behind it: the
 * fast path ({@link FastJinja}) asks it of every expression, and a check that never needs Jinjava loads none.
 *
 * <p>Jinja2's parser recurses: about 4 Python frames per open block ({@code subparse}, {@code parse_statement}, the
 * tag's parser, {@code parse_statements}) and 14 per open bracket ({@code parse_primary} down through
 * {@code parse_tuple} and the operator levels), against Python's recursion limit of 1000 frames. Measured with
 * python3-jinja2 3.1: 247 nested {@code with}, 70 nested parentheses, 56 parentheses inside 50 {@code if}s fail with
 * RecursionError. A template that needs more frames than the limit always fails; under Ansible, whose own frames
 * lie below, sooner.
 */
final class ParserDepth {
    static final int BLOCK_FRAMES = 4;
    static final int BRACKET_FRAMES = 14;
    static final int RECURSION_LIMIT = 1000;

    private ParserDepth() {
    }

    /** Jinja2's RecursionError for brackets (a phrase, or empty) inside a number of open blocks. */
    static String recursion(String brackets, int blocks) {
        return "RecursionError: maximum recursion depth exceeded (Jinja2's parser needs a Python frame per level:"
                + (brackets.isEmpty() ? "" : " " + brackets) + (brackets.isEmpty() || blocks == 0 ? "" : " inside")
                + (blocks == 0 ? "" : " " + blocks + " nested blocks") + ", beyond Python's limit of "
                + RECURSION_LIMIT + " frames)";
    }

    /** The deepest nesting of {@code ( [ {} in a tag's content, outside string literals. */
    static int bracketDepth(String content) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return max;
    }
}
