package io.github.footprint.source.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine tells the source stage about templates for one environment: the variables files the user names
 * ({@code -Dfootprint.variables}, an environment's {@code <variables>}), extra variables that beat every file (as
 * Ansible's {@code -e}), the environment id (which names the inventory group whose {@code group_vars} apply), whether
 * Ansible layouts in the tree are read, and the branch to take at each decision point. Immutable.
 */
public final class TemplateOptions {
    private final List<Path> variableFiles;
    private final Map<String, Object> extraVariables;
    private final String environmentId;
    private final boolean ansibleLayout;
    private final Choices choices;
    private Path displayBase;

    private TemplateOptions(List<Path> variableFiles, Map<String, Object> extraVariables, String environmentId,
            boolean ansibleLayout, Choices choices) {
        this.variableFiles = List.copyOf(variableFiles);
        this.extraVariables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extraVariables));
        this.environmentId = environmentId;
        this.ansibleLayout = ansibleLayout;
        this.choices = Objects.requireNonNull(choices);
    }

    /** No files, no extras, Ansible layouts read, every decision takes branch 0. */
    public static TemplateOptions defaults(String environmentId) {
        return new TemplateOptions(List.of(), Map.of(), environmentId, true, Choices.DEFAULT);
    }

    /** The user's variables files, lowest precedence first (each beats the Ansible layout and the ones before). */
    public TemplateOptions withVariableFiles(List<Path> files) {
        return new TemplateOptions(files, extraVariables, environmentId, ansibleLayout, choices);
    }

    /** Variables that beat every file. */
    public TemplateOptions withExtraVariables(Map<String, ?> extra) {
        return new TemplateOptions(variableFiles, new LinkedHashMap<>(extra), environmentId, ansibleLayout, choices);
    }

    public TemplateOptions withAnsibleLayout(boolean read) {
        return new TemplateOptions(variableFiles, extraVariables, environmentId, read, choices);
    }

    public TemplateOptions withChoices(Choices c) {
        return new TemplateOptions(variableFiles, extraVariables, environmentId, ansibleLayout, c);
    }

    /** These options, with the folder messages name the user's variables files relative to (the project). */
    public TemplateOptions withDisplayBase(Path base) {
        TemplateOptions o = new TemplateOptions(variableFiles, extraVariables, environmentId, ansibleLayout, choices);
        o.displayBase = base;
        return o;
    }

    /** The folder messages name the user's variables files relative to, or null. */
    public Path displayBase() {
        return displayBase;
    }

    public List<Path> variableFiles() {
        return variableFiles;
    }

    public Map<String, Object> extraVariables() {
        return extraVariables;
    }

    /** The environment id, or null; it names the inventory group ({@code group_vars/<id>}). */
    public String environmentId() {
        return environmentId;
    }

    public boolean ansibleLayout() {
        return ansibleLayout;
    }

    public Choices choices() {
        return choices;
    }
}
