package io.github.footprint.model;

import java.util.Collections;
import java.util.List;

import io.github.footprint.findings.Location;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniSection;

/**
 * A PasteDeploy application section with its SQLAlchemy engines, and the daemon group that serves it when
 * the link from a {@code WSGIScriptAlias} through the {@code .wsgi} file's {@code loadapp} could be made.
 */
public final class PylonsApp {
    private final IniDocument ini;
    private final IniSection section;
    private final List<Engine> engines;
    private final DaemonGroup servedBy;
    private final String link;

    PylonsApp(IniDocument ini, IniSection section, List<Engine> engines, DaemonGroup servedBy, String link) {
        this.ini = ini;
        this.section = section;
        this.engines = Collections.unmodifiableList(engines);
        this.servedBy = servedBy;
        this.link = link;
    }

    public IniDocument ini() {
        return ini;
    }

    public IniSection section() {
        return section;
    }

    public Location location() {
        return section.location();
    }

    public List<Engine> engines() {
        return engines;
    }

    /** The daemon group whose threads run this app, or null when the link could not be made. */
    public DaemonGroup servedBy() {
        return servedBy;
    }

    /** How the link was made, or why it could not be: always a sentence for messages. */
    public String link() {
        return link;
    }
}
