package io.github.footprint.parse.scripts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.github.footprint.parse.scripts.python.IniLoad;
import io.github.footprint.parse.scripts.python.PythonScript;
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
    /**
     * A shell command that starts httpd itself ({@code apache2ctl}, {@code apachectl}, {@code apache2},
     * {@code httpd}, {@code httpd-foreground}, with or without a path, {@code exec}, {@code env} or
     * {@code nohup}); its value is the command word. Settings above it reach the server it starts.
     */
    public static final String STARTS_HTTPD = "starts httpd";

    private final SourceFile file;
    private final List<Fact> variables = new ArrayList<>();
    private final List<Fact> settings = new ArrayList<>();
    private final List<Fact> starts = new ArrayList<>();
    private PythonScript python;

    ScriptFacts(SourceFile file) {
        this.file = file;
    }

    public SourceFile file() {
        return file;
    }

    /**
     * The Python reading of a {@code .wsgi}/{@code .py} script (empty for shell and systemd files): its INI loads
     * for a given host path ({@link PythonScript#loads}), CPython's refusal of the file and what was not read.
     */
    public Optional<PythonScript> python() {
        return Optional.ofNullable(python);
    }

    /**
     * The INI loads of a Python script installed at {@code hostScript} (mod_wsgi's {@code __file__}: the
     * WSGIScriptAlias target as written; null when unknown); empty for other scripts.
     */
    public List<IniLoad> iniLoads(String hostScript) {
        return python == null ? List.of() : python.loads(hostScript);
    }

    void python(PythonScript p) {
        python = p;
    }

    /** Shell variables assigned or exported, and systemd {@code Environment=} pairs, in file order. */
    public List<Fact> variables() {
        return Collections.unmodifiableList(variables);
    }

    /** The last assignment of a variable, if the script assigns it. */
    public Optional<Fact> variable(String name) {
        Fact last = null;
        for (Fact f : variables) {
            if (f.name().equals(name)) {
                last = f;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * {@code ulimit -s}, {@code LimitSTACK=}, {@code stack_size(...)}, {@code loadapp('config:...')} with a literal
     * argument (kept for the model's current reading; {@link #iniLoads} gives every loader, computed paths
     * included)...
     */
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

    /** The commands that start httpd ({@link #STARTS_HTTPD}), in file order; empty for most scripts. */
    public List<Fact> httpdStarts() {
        return Collections.unmodifiableList(starts);
    }

    void start(Fact f) {
        starts.add(f);
    }

    void variable(Fact f) {
        variables.add(f);
    }

    void replaceVariable(int index, Fact f) {
        variables.set(index, f);
    }

    void setting(Fact f) {
        settings.add(f);
    }
}
