package io.github.footprint.model.pylons;

import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.IniSection;
import io.github.footprint.parse.ini.PasteContext;

/**
 * A {@code [server:...]} section: what {@code paster serve} (or {@code pserve}) would start, with the settings
 * PasteDeploy hands the server runner. Under mod_wsgi the section is never read: {@link #modWsgi()} says which
 * {@code loadapp} loads the file instead.
 */
public final class PasteServer {
    private final IniDocument ini;
    private final IniSection section;
    private final PasteContext context;
    private final Loadapp modWsgi;

    PasteServer(IniDocument ini, IniSection section, PasteContext context, Loadapp modWsgi) {
        this.ini = ini;
        this.section = section;
        this.context = context;
        this.modWsgi = modWsgi;
    }

    public IniDocument ini() {
        return ini;
    }

    public IniSection section() {
        return section;
    }

    /** The settings the runner receives ({@code local_conf}), or null when PasteDeploy would fail to load it. */
    public PasteContext context() {
        return context;
    }

    /**
     * How mod_wsgi loads this file (the {@code WSGIScriptAlias} and the {@code loadapp} call), or null when no
     * mount of the project does: then this section is what serves the application.
     */
    public Loadapp modWsgi() {
        return modWsgi;
    }

    /**
     * True when the server is Paste's own HTTP server ({@code paste.httpserver:server_runner}): {@code use =
     * egg:Paste#http} (distribution names compare as {@code importlib.metadata} normalises them) or an explicit
     * {@code paste.server_runner = paste.httpserver:server_runner}.
     */
    public boolean isPasteHttp() {
        if (context == null || context.loader() == null) {
            return false;
        }
        String loader = context.loader();
        if (loader.startsWith("egg:")) {
            return Eggs.is(loader, "paste", "http");
        }
        return loader.equals("paste.server_runner = paste.httpserver:server_runner");
    }
}
