package io.github.footprint.model.pylons;

import java.util.Collections;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniSection;
import io.github.footprint.parse.ini.PasteContext;

/**
 * A PasteDeploy application section with the settings PasteDeploy hands its factory, its SQLAlchemy engines, and
 * the daemon group that serves it when the link from a {@code WSGIScriptAlias} through the {@code .wsgi} file's
 * loader call could be made.
 *
 * <p>One app per {@code [app:...]} section that no other app section builds on with {@code use} (a section used
 * that way is part of the app that uses it). Its settings are loaded as PasteDeploy loads them: through the
 * {@code loadapp} that reaches it when there is one (with {@code here} the file's folder on the host), otherwise
 * from the section itself (with {@code here} the file's folder in the project, see {@link #here()}).
 */
public final class PylonsApp {
    private final IniDocument ini;
    private final IniSection section;
    private final PasteContext context;
    private final List<SqlEngine> engines;
    private final List<String> enginePrefixes;
    private final boolean prefixesGiven;
    private final DaemonGroup servedBy;
    private final Loadapp loadapp;
    private final Loadapp fileLink;
    private final List<Loadapp> unresolved;
    private final String reachedThrough;
    private final String here;
    private final boolean hereOnHost;
    private final boolean embedded;

    PylonsApp(IniDocument ini, IniSection section, PasteContext context, List<SqlEngine> engines,
            List<String> enginePrefixes, boolean prefixesGiven, DaemonGroup servedBy, Loadapp loadapp,
            Loadapp fileLink, List<Loadapp> unresolved, String reachedThrough, String here, boolean hereOnHost,
            boolean embedded) {
        this.fileLink = fileLink;
        this.enginePrefixes = List.copyOf(enginePrefixes);
        this.prefixesGiven = prefixesGiven;
        this.unresolved = List.copyOf(unresolved);
        this.embedded = embedded;
        this.ini = ini;
        this.section = section;
        this.context = context;
        this.engines = Collections.unmodifiableList(engines);
        this.servedBy = servedBy;
        this.loadapp = loadapp;
        this.reachedThrough = reachedThrough;
        this.here = here;
        this.hereOnHost = hereOnHost;
    }

    public IniDocument ini() {
        return ini;
    }

    /** The app section (the outermost one of a {@code use} chain). */
    public IniSection section() {
        return section;
    }

    public Location location() {
        return section.location();
    }

    /**
     * What PasteDeploy builds for the app: its {@code global_conf} and {@code local_conf}, each value with its line;
     * null when PasteDeploy would fail to load it (FP001 says why).
     */
    public PasteContext context() {
        return context;
    }

    /** The engines its settings configure; empty when it cannot be loaded. */
    public List<SqlEngine> engines() {
        return engines;
    }

    /**
     * The prefixes {@code engine_from_config} reads this app's engines at: the {@code sqlalchemyPrefixes} parameter
     * when given ({@link #prefixesGiven()}), else those its settings name with a {@code PREFIXurl} key.
     */
    public List<String> enginePrefixes() {
        return enginePrefixes;
    }

    /** True when the {@code sqlalchemyPrefixes} parameter names the prefixes, false when the settings do. */
    public boolean prefixesGiven() {
        return prefixesGiven;
    }

    /** The daemon group whose threads run this app, or null when the link could not be made. */
    public DaemonGroup servedBy() {
        return servedBy;
    }

    /** True when a mount of the project leads to this app and runs it embedded in the Apache children. */
    public boolean embedded() {
        return embedded;
    }

    /**
     * The link from a mounted {@code .wsgi} script's loader call to this app, or null when no mount of the project
     * leads to it.
     */
    public Loadapp loadapp() {
        return loadapp;
    }

    /**
     * The first link of a mounted script that opens this app's INI file, whatever section it takes (this app's, another
     * one's, or one footprint cannot compute), or null when no mounted script opens the file.
     */
    public Loadapp fileLink() {
        return fileLink;
    }

    /**
     * When no mount leads to this app ({@link #loadapp()} null): the loader calls of mounted scripts that reach no
     * INI file of the project, each with why (a path the script computes from the environment...): one of them may
     * load this app on the host, which footprint does not guess. Empty for a linked app.
     */
    public List<Loadapp> unresolved() {
        return unresolved;
    }

    /**
     * The section the {@code loadapp} names when it reaches this app through another one (a {@code [pipeline:main]},
     * a {@code [composite:main]}), else null.
     */
    public String reachedThrough() {
        return reachedThrough;
    }

    /**
     * The process group the mount selects, or null when it runs embedded or no mount leads to the app
     * ({@link #servedBy()} is null when no {@code WSGIDaemonProcess} has the name).
     */
    public String processGroup() {
        return loadapp == null ? null : loadapp.mount().processGroup();
    }

    /** The {@code here} the settings were interpolated with. */
    public String here() {
        return here;
    }

    /**
     * True when {@link #here()} is the file's folder on the host (a {@code loadapp} of the project names the file),
     * false when it is the folder in the project (the folder on the host is unknown).
     */
    public boolean hereOnHost() {
        return hereOnHost;
    }
}
