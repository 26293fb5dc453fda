package io.github.footprint.parse.ini;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;

/** A PasteDeploy INI file as Python's configparser reads it, with {@code [DEFAULT]} kept apart. */
public final class IniDocument {
    private final SourceFile file;
    private final IniSection defaults;
    private final List<IniSection> sections;
    private final List<ParseProblem> problems;

    IniDocument(SourceFile file, IniSection defaults, List<IniSection> sections, List<ParseProblem> problems) {
        this.file = file;
        this.defaults = defaults;
        this.sections = Collections.unmodifiableList(new ArrayList<>(sections));
        this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public SourceFile file() {
        return file;
    }

    /** The {@code [DEFAULT]} section (empty when the file has none). */
    public IniSection defaults() {
        return defaults;
    }

    /** The other sections, in file order. */
    public List<IniSection> sections() {
        return sections;
    }

    public Optional<IniSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Syntax errors, located; the first fatal one (as Python raises it) ends the reading. */
    public List<ParseProblem> problems() {
        return problems;
    }
}
