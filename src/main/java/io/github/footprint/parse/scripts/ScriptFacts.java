package io.github.footprint.parse.scripts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.footprint.source.SourceFile;

/** What footprint reads from one start-up script: literal settings only, each with its line. */
public final class ScriptFacts {
    /** The names of facts. */
    public static final String ULIMIT_STACK_KIB = "ulimit -s";
    public static final String ULIMIT_VIRTUAL_KIB = "ulimit -v";
    public static final String LIMIT_STACK_BYTES = "LimitSTACK";
    public static final String LIMIT_AS_BYTES = "LimitAS";
    public static final String PYTHON_STACK_SIZE = "stack_size";
    public static final String LOADAPP = "loadapp";

    private final SourceFile file;
    private final List<Fact> variables = new ArrayList<>();
    private final List<Fact> settings = new ArrayList<>();

    ScriptFacts(SourceFile file) {
        this.file = file;
    }

    public SourceFile file() {
        return file;
    }

    /** Shell variables assigned or exported, and systemd {@code Environment=} pairs, in file order. */
    public List<Fact> variables() {
        return Collections.unmodifiableList(variables);
    }

    /** {@code ulimit -s}, {@code LimitSTACK=}, {@code stack_size(...)}, {@code loadapp('config:...')}... */
    public List<Fact> settings() {
        return Collections.unmodifiableList(settings);
    }

    /** Settings of one name, in file order. */
    public List<Fact> settings(String name) {
        List<Fact> out = new ArrayList<>();
        for (Fact f : settings) {
            if (f.name().equals(name)) {
                out.add(f);
            }
        }
        return out;
    }

    void variable(Fact f) {
        variables.add(f);
    }

    void setting(Fact f) {
        settings.add(f);
    }
}
