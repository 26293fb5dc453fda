package io.github.footprint.source.template;

import java.util.Objects;
import java.util.function.Supplier;

/** What an engine gets to render one template. */
public final class TemplateInput {
    private final String treePath;
    private final String text;
    private final Dialect dialect;
    private final Choices choices;
    private final Supplier<Variables> variables;
    private final boolean dollarPlaceholders;

    /**
     * @param treePath the template's path in the tree ({@code /} separators)
     * @param text the decoded template, line ends as in the file
     * @param variables the environment's variables, loaded on first use
     */
    public TemplateInput(String treePath, String text, Dialect dialect, Choices choices,
            Supplier<Variables> variables) {
        this(treePath, text, dialect, choices, variables, false);
    }

    /**
     * @param dollarPlaceholders true where {@code $NAME} is no syntax of the file's own language (httpd, INI), so that
     *     it is a placeholder (Python's string.Template) for the sed-style reader
     */
    public TemplateInput(String treePath, String text, Dialect dialect, Choices choices,
            Supplier<Variables> variables, boolean dollarPlaceholders) {
        this.dollarPlaceholders = dollarPlaceholders;
        this.treePath = Objects.requireNonNull(treePath);
        this.text = Objects.requireNonNull(text);
        this.dialect = Objects.requireNonNull(dialect);
        this.choices = Objects.requireNonNull(choices);
        this.variables = Objects.requireNonNull(variables);
    }

    public String treePath() {
        return treePath;
    }

    public String text() {
        return text;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Choices choices() {
        return choices;
    }

    /** True when {@code $NAME} is a placeholder here (an httpd or INI file): see the constructor. */
    public boolean dollarPlaceholders() {
        return dollarPlaceholders;
    }

    /** The variables of the environment (loads them the first time any template asks). */
    public Variables variables() {
        return variables.get();
    }
}
