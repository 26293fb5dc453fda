package io.github.footprint.rules.wsgi;

import java.util.LinkedHashMap;
import java.util.Map;

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
                ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + " is already defined at "
                        + earlier.location() + ": httpd stops with 'Name duplicates previous WSGI daemon definition.'"
                        + " Names are unique across the whole server, virtual hosts included; define the group once"
                        + " (outside the <VirtualHost>) and select it with WSGIProcessGroup from both");
            }
        }
    }
}
