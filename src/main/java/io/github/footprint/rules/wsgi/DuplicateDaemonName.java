package io.github.footprint.rules.wsgi;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP206: two {@code WSGIDaemonProcess} with one name anywhere in the server: httpd refuses to start. */
@RuleMeta(id = "FP206", name = "duplicate-daemon-name", severity = Severity.ERROR,
        summary = "Two WSGIDaemonProcess directives share a name, which httpd refuses at start-up")
public final class DuplicateDaemonName implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Map<String, DaemonGroup> first = new LinkedHashMap<>();
        for (DaemonGroup g : d.daemons()) {
            DaemonGroup earlier = first.putIfAbsent(g.name(), g);
            if (earlier != null) {
                Location at = earlier.location();
                String file = at.file();
                String shown = file.equals(g.location().file()) ? "line " + at.line()
                        : file.substring(file.lastIndexOf('/') + 1) + ":" + at.line();
                ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + " is already defined at " + shown
                        + ", so httpd refuses to start; define it once and select it with WSGIProcessGroup",
                        "The first definition is at " + at + ". httpd stops with 'Name duplicates previous WSGI daemon"
                        + " definition.': names are unique across the whole server, virtual hosts included. Define"
                        + " the group once, outside the <VirtualHost>, and select it with WSGIProcessGroup from"
                        + " both.");
            }
        }
    }
}
