package io.github.footprint.rules.wsgi;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.ApplicationGroup;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.ImportScript;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP213: a daemon group whose mounts load into several application groups. Each is a separate Python
 * (sub-)interpreter that imports everything again, in every process of the group. Most often the same script
 * under two host names (default {@code %{RESOURCE}} is one group per host and URL).
 */
@RuleMeta(id = "FP213", name = "several-application-groups", severity = Severity.INFO,
        summary = "A mod_wsgi daemon loads several application groups, each a separate interpreter with its own copy"
                + " of the modules in every process")
public final class SeveralApplicationGroups implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        ModWsgi w = d.modWsgi();
        Map<DaemonGroup, List<Mount>> byDaemon = new IdentityHashMap<>();
        for (Mount m : w.mounts()) {
            if (m.daemon() != null && m.refusal() == null) {
                byDaemon.computeIfAbsent(m.daemon(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<DaemonGroup, List<ImportScript>> imports = new IdentityHashMap<>();
        for (ImportScript i : w.imports()) {
            if (!i.refused() && i.processGroup() != null && i.processGroup().daemon() != null) {
                imports.computeIfAbsent(i.processGroup().daemon(), k -> new ArrayList<>()).add(i);
            }
        }
        for (DaemonGroup g : d.daemons()) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            Set<String> scripts = new LinkedHashSet<>();
            List<String> perRequest = new ArrayList<>();
            for (Mount m : byDaemon.getOrDefault(g, List.of())) {
                ApplicationGroup a = m.applicationGroup();
                String use = m.directive() + " " + m.url() + " (" + m.location() + ")";
                if (a.key() == null) {
                    if (a.perRequest()) {
                        perRequest.add(use + " under " + WsgiWords.applicationGroup(a));
                    }
                    continue;
                }
                groups.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(use);
                scripts.add(m.script());
            }
            for (ImportScript i : imports.getOrDefault(g, List.of())) {
                groups.computeIfAbsent(i.applicationGroup().key(), k -> new ArrayList<>())
                        .add("WSGIImportScript " + i.script() + " (" + i.location() + ")");
                scripts.add(i.script());
            }
            if (groups.size() < 2) {
                continue;
            }
            int n = groups.size();
            int processes = Math.max(1, g.processes());
            StringBuilder list = new StringBuilder();
            for (Map.Entry<String, List<String>> e : groups.entrySet()) {
                list.append(list.length() == 0 ? "" : "; ").append(e.getKey().isEmpty() ? "%{GLOBAL}" : "'" + e.getKey()
                        + "'").append(" for ").append(String.join(", ", e.getValue()));
            }
            String more = perRequest.isEmpty() ? "" : ", and more per request from " + String.join(", ", perRequest);
            long saved = (long) (n - 1) * processes;
            String fix = scripts.size() == 1
                    ? "WSGIApplicationGroup %{GLOBAL} saves " + saved
                            + (saved == 1 ? " interpreter copy" : " interpreter copies")
                    : "keep one application's scripts in one group (%{GLOBAL})";
            String why = scripts.size() == 1
                    ? "They all load " + scripts.iterator().next() + ": one group (WSGIApplicationGroup %{GLOBAL}, or"
                            + " the same application-group=) serves them all."
                    : "Scripts of one application belong in one group; different applications need their own, and"
                            + " this is what hosting them together costs.";
            ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + " loads " + n + " application groups, " + n
                    + " interpreters per process; " + fix, "The groups: " + list + more + ". Each of its " + processes
                    + " process(es) holds " + n + " Python interpreters, each importing the application's modules again"
                    + " (appRss " + Sizes.format(d.parameters().host().appRss()) + " each). " + why);
        }
    }
}
