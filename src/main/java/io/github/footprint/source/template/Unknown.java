package io.github.footprint.source.template;

import java.util.List;
import java.util.Objects;

/**
 * A value no one could render: what the template wrote there, where, and which variables would settle it. It stands
 * in the rendered text as a token ({@link Unknowns}); the file's table maps the token's id to this.
 */
public final class Unknown {
    private final int id;
    private final int templateLine;
    private final String written;
    private final List<String> variables;
    private final Dialect dialect;
    private final boolean secret;

    /**
     * @param written the expression as the template writes it, delimiters included ({@code {{ workers | int }}})
     * @param variables the variables whose values would settle it, sorted (may be empty)
     * @param secret true when it derives from a secret (a vaulted or secret-named variable): never print its value
     */
    public Unknown(int id, int templateLine, String written, List<String> variables, Dialect dialect,
            boolean secret) {
        this.id = id;
        this.templateLine = templateLine;
        this.written = Objects.requireNonNull(written);
        this.variables = List.copyOf(variables);
        this.dialect = dialect;
        this.secret = secret;
    }

    public int id() {
        return id;
    }

    /** The template line (1-based) of the expression. */
    public int templateLine() {
        return templateLine;
    }

    /** The expression as written, delimiters included. */
    public String written() {
        return written;
    }

    /** The variables whose values would settle it, sorted. */
    public List<String> variables() {
        return variables;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when it derives from a secret value. */
    public boolean secret() {
        return secret;
    }

    /** The token that stands for it in rendered text. */
    public String token() {
        return Unknowns.token(id);
    }

    @Override
    public String toString() {
        return "#" + id + " line " + templateLine + " " + written + " " + variables + (secret ? " secret" : "");
    }
}
