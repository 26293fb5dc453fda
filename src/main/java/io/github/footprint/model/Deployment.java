package io.github.footprint.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.memory.Stacks;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.pylons.Loadapp;
import io.github.footprint.model.pylons.PasteServer;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.PylonsModel;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.ShadowedKey;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.source.SourceSet;

/**
 * The deployment as the servers will run it, for one environment: what every rule reads. Immutable, every part
 * computed once by {@link ModelBuilder} before the deployment is made.
 */
public final class Deployment {
    private final String environment;
    private final SourceSet sources;
    private final ApacheConfig apache;
    private final List<IniDocument> inis;
    private final List<ScriptFacts> scripts;
    private final List<DaemonGroup> daemons;
    private final List<DaemonGroup> daemonDefinitions;
    private final List<Mount> mounts;
    private final ModWsgi modWsgi;
    private final PylonsModel pylons;
    private final Mpm mpm;
    private final Stacks stacks;
    private final Footprint footprint;
    private final ModelParameters parameters;

    Deployment(String environment, SourceSet sources, ApacheConfig apache, List<IniDocument> inis,
            List<ScriptFacts> scripts, List<DaemonGroup> daemons, ModWsgi modWsgi, PylonsModel pylons,
            Mpm mpm, Stacks stacks, Footprint footprint, ModelParameters parameters) {
        this.mpm = mpm;
        this.environment = environment;
        this.sources = sources;
        this.apache = apache;
        this.inis = List.copyOf(inis);
        this.scripts = List.copyOf(scripts);
        this.daemonDefinitions = List.copyOf(daemons);
        this.daemons = daemons.stream().filter(g -> !g.name().isEmpty()).collect(Collectors.toUnmodifiableList());
        this.modWsgi = modWsgi;
        this.mounts = modWsgi.mounts();
        this.pylons = pylons;
        this.stacks = stacks;
        this.footprint = footprint;
        this.parameters = parameters;
    }

    public String environment() {
        return environment;
    }

    public SourceSet sources() {
        return sources;
    }

    /** The httpd configuration, empty when the project has no Apache file. */
    public Optional<ApacheConfig> apache() {
        return Optional.ofNullable(apache);
    }

    public List<IniDocument> inis() {
        return inis;
    }

    public List<ScriptFacts> scripts() {
        return scripts;
    }

    /** Daemon groups in configuration order (duplicates included: FP206 reports them). */
    public List<DaemonGroup> daemons() {
        return daemons;
    }

    /** Every {@code WSGIDaemonProcess} httpd reads, in configuration order, those without a name included. */
    public List<DaemonGroup> daemonDefinitions() {
        return daemonDefinitions;
    }

    /** {@code WSGIScriptAlias} and {@code WSGIScriptAliasMatch} lines in reading order ({@link ModWsgi#mounts()}). */
    public List<Mount> mounts() {
        return mounts;
    }

    /** mod_wsgi as httpd will run it: servers, mounts, import scripts, process group lines, whether it is loaded. */
    public ModWsgi modWsgi() {
        return modWsgi;
    }

    /** The PasteDeploy applications of the INI files (see {@link PylonsApp}). */
    public List<PylonsApp> apps() {
        return pylons.apps();
    }

    /** The {@code [server:...]} sections of the INI files. */
    public List<PasteServer> servers() {
        return pylons.servers();
    }

    /** Loader calls of mounted scripts that reach no INI file of the project, each with why. */
    public List<Loadapp> unresolvedLinks() {
        return pylons.unresolved();
    }

    /** Section keys PasteDeploy drops because {@code [DEFAULT]} (or an including file) has the same key. */
    public List<ShadowedKey> shadowedKeys() {
        return pylons.shadowed();
    }

    /** The MPM and the sizing values httpd will run with. */
    public Mpm mpm() {
        return mpm;
    }

    public ModelParameters parameters() {
        return parameters;
    }

    /** The stack each kind of thread gets, where each comes from, and what httpd's start-up gives every process. */
    public Stacks stacks() {
        return stacks;
    }

    /** The worst-case memory and database connections of the whole host (docs/memory-model.md). */
    public Footprint footprint() {
        return footprint;
    }

    /** Every reader's problems: Apache, INI, and what PasteDeploy's loading of the INI files would raise. */
    public List<ParseProblem> problems() {
        List<ParseProblem> out = new ArrayList<>();
        if (apache != null) {
            out.addAll(apache.problems());
        }
        for (IniDocument d : inis) {
            out.addAll(d.problems());
        }
        out.addAll(pylons.problems());
        return Collections.unmodifiableList(out);
    }

    /** Names that Apache {@code Define}s with a value or a start-up script sets: they resolve {@code ${name}}. */
    public Set<String> definedNames() {
        Set<String> out = new TreeSet<>();
        if (apache != null) {
            out.addAll(apache.variables().keySet());
            out.addAll(apache.unreadVariables());
        }
        for (ScriptFacts s : scripts) {
            s.variables().forEach(f -> out.add(f.name()));
        }
        return out;
    }

    /** The first daemon group of this name, as mod_wsgi keeps it. */
    public Optional<DaemonGroup> daemon(String name) {
        return daemons.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
