package io.github.footprint.parse.scripts.python;

/** One token of Python source, with where it is (offsets into the text the tokenizer read). */
final class PyToken {
    enum Type {
        NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END
    }

    final Type type;
    /** The source text of the token (for STRING the whole literal with prefix and quotes). */
    final String text;
    final int start;
    final int end;
    /** STRING: the prefix in lower case ("", "r", "b", "f", "rb", "fr", "u"...). */
    final String prefix;
    /** STRING: offsets of the body between the quotes. */
    final int bodyStart;
    final int bodyEnd;

    PyToken(Type type, String text, int start, int end) {
        this(type, text, start, end, null, 0, 0);
    }

    PyToken(Type type, String text, int start, int end, String prefix, int bodyStart, int bodyEnd) {
        this.type = type;
        this.text = text;
        this.start = start;
        this.end = end;
        this.prefix = prefix;
        this.bodyStart = bodyStart;
        this.bodyEnd = bodyEnd;
    }

    boolean is(String op) {
        return (type == Type.OP || type == Type.NAME) && text.equals(op);
    }

    @Override
    public String toString() {
        return type + "(" + text + ")@" + start;
    }
}
