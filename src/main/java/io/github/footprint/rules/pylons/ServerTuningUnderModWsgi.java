package io.github.footprint.rules.pylons;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.pylons.PasteServer;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.ini.IniEntry;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP308: tuning in a {@code [server:...]} section of an INI file that mod_wsgi loads. mod_wsgi's {@code .wsgi}
 * script calls a loader ({@code loadapp}, {@code get_app}...), which builds the application only; nothing reads the server section, so its
 * thread and queue settings change nothing (docs/domain/paste.md#when-apache-serves-the-application): the daemon's
 * {@code processes} and {@code threads}
 * do that job.
 */
@RuleMeta(id = "FP308", name = "server-tuning-ignored-under-mod-wsgi", severity = Severity.INFO,
        summary = "Server tuning in an INI file that mod_wsgi loads, where no server section is ever read")
public final class ServerTuningUnderModWsgi implements Rule {
    /** Keys every server section has, which say what to run rather than how to tune it. */
    private static final Set<String> NOT_TUNING = Set.of("use", "host", "port", "paste.server_factory",
            "paste.server_runner");

    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (PasteServer s : d.servers()) {
            if (s.modWsgi() == null) {
                continue;
            }
            List<IniEntry> tuning = new ArrayList<>();
            for (IniEntry e : s.section().entries()) {
                if (!NOT_TUNING.contains(e.key())) {
                    tuning.add(e);
                }
            }
            if (tuning.isEmpty()) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            for (IniEntry e : tuning) {
                shown.add(e.key() + " = " + e.value());
            }
            DaemonGroup g = null;
            for (PylonsApp app : d.apps()) {
                if (app.ini() == s.ini() && app.servedBy() != null) {
                    g = app.servedBy();
                    break;
                }
            }
            String daemon = g == null ? "the WSGIDaemonProcess that serves the app (its processes= and threads=)"
                    : "daemon '" + g.name() + "' (" + g.location() + "): processes=" + g.processes() + " threads="
                            + g.threads();
            String size = g == null ? "the WSGIDaemonProcess that serves the app" : "daemon '" + g.name()
                    + "' (processes=" + g.processes() + " threads=" + g.threads() + ")";
            ctx.report(tuning.get(0).location(), "[" + s.section().name() + "] " + (tuning.size() == 1
                    ? Excerpt.of(shown.get(0)) + " has" : tuning.size() + " settings have") + " no effect under"
                    + " mod_wsgi; size " + size + " instead", "The settings: " + String.join(", ", shown) + ". mod_wsgi"
                    + " loads this file (" + Phrases.loadapp(s.modWsgi()) + "; path: "
                    + Phrases.derivation(s.modWsgi()) + ") and builds the application only, so no"
                    + " server section is ever read; the threads that serve requests are those of " + daemon
                    + ". Keep the server settings only for paster serve in development, or remove them.");
        }
    }
}
