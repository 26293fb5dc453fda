package io.github.footprint.model;

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
 * {@code loadapp} could be made.
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
    private final List<Engine> engines;
    private final DaemonGroup servedBy;
    private final String link;
    private final String here;
    private final boolean embedded;

    PylonsApp(IniDocument ini, IniSection section, PasteContext context, List<Engine> engines, DaemonGroup servedBy,
            String link, String here, boolean embedded) {
        this.embedded = embedded;
        this.ini = ini;
        this.section = section;
        this.context = context;
        this.engines = Collections.unmodifiableList(engines);
        this.servedBy = servedBy;
        this.link = link;
        this.here = here;
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
    public List<Engine> engines() {
        return engines;
    }

    /** The daemon group whose threads run this app, or null when the link could not be made. */
    public DaemonGroup servedBy() {
        return servedBy;
    }

    /** True when a mount of the project leads to this app and runs it embedded in the Apache children. */
    public boolean embedded() {
        return embedded;
    }

    /** How the link was made, or why it could not be: always a sentence for messages. */
    public String link() {
        return link;
    }

    /** Which {@code here} the settings were interpolated with, and why: a phrase for messages. */
    public String here() {
        return here;
    }
}
