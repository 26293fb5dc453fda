package io.github.footprint.rules.wsgi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.GroupRefusal;
import io.github.footprint.model.wsgi.GroupSelection;
import io.github.footprint.model.wsgi.ImportScript;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.model.wsgi.ServerScope;
import io.github.footprint.parse.wsgi.LineRefusal;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP207: a process group that cannot be used where it is selected. Three cases, as mod_wsgi 4.9 has them:
 * an alias with both {@code process-group=} and {@code application-group=}, or a {@code WSGIImportScript}, whose
 * group is not defined on an earlier line or is defined in a virtual host of another name (httpd refuses to start);
 * a {@code WSGIProcessGroup} or {@code process-group=} naming no group (HTTP 500 per request); and a group of
 * another virtual host's name (HTTP 500 per request from the servers it is refused to).
 */
@RuleMeta(id = "FP207", name = "process-group-unusable", severity = Severity.ERROR,
        summary = "A WSGIProcessGroup or process-group= names a daemon group that is not defined, or that mod_wsgi"
                + " does not let this server use")
public final class ProcessGroupUnusable implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        ModWsgi w = d.modWsgi();
        for (Mount m : w.mounts()) {
            if (m.refusal() != null && !m.processGroupSelection().unknown()
                    && !Placeholders.unresolvedIn(d, m.location(), m.processGroupSelection().written())) {
                String group = m.processGroupSelection().written();
                ctx.report(m.location(), m.directive() + " process-group=" + Excerpt.of(group) + ": " + Refusal.MARK
                        + " with '" + m.refusal().message() + "'; " + shortFix(m.refusal(), group), "The line mounts "
                        + m.url() + " and gives both process-group=" + group
                        + " and application-group=" + m.applicationGroup().written() + ", so mod_wsgi checks the group"
                        + " while reading it: " + detail(m.refusal()) + ". " + fix(m.refusal(), group) + ".");
            }
        }
        for (ImportScript i : w.imports()) {
            if (!i.refused() || i.processGroup() != null && (i.processGroup().unknown()
                    || Placeholders.unresolvedIn(d, i.location(), i.processGroup().written()))) {
                continue;
            }
            String fix = importFix(i);
            String detail = i.groupRefusal() != null ? detail(i.groupRefusal())
                    : missingGroup(i.lineRefusal()) ? BOTH_GROUPS : null;
            ctx.report(i.location(), "WSGIImportScript " + Excerpt.of(i.script()) + ": " + Refusal.MARK + " with '"
                    + i.refusalMessage() + "'; " + Phrases.lower(importShortFix(i)), (detail == null ? ""
                            : Phrases.sentence(detail) + " ") + fix + ".");
        }
        undefined(d, w, ctx);
        unreachable(w, ctx);
    }

    /** Why an import script without both groups is refused. */
    private static final String BOTH_GROUPS = "WSGIImportScript needs both process-group= and application-group=";

    /** Why mod_wsgi refuses the group, in the configuration's terms. */
    private static String detail(GroupRefusal r) {
        switch (r.kind()) {
            case NOT_YET_CONFIGURED:
                return r.definedLater() != null ? "WSGIDaemonProcess " + r.group() + " is defined at "
                        + r.definedLater().location() + ", after this line"
                        : "no WSGIDaemonProcess " + r.group() + " is defined anywhere";
            case NOT_ACCESSIBLE:
                return "the group is defined in " + describe(r.groupScope(), r.groupNameSoFar()) + ", and this line is in "
                        + describe(r.lineScope(), r.lineNameSoFar()) + ": a group defined in a virtual host can only be"
                        + " used by servers of the same ServerName";
            default:
                return "the group is defined in " + describe(r.groupScope(), r.groupNameSoFar()) + ", and this line is in "
                        + describe(r.lineScope(), r.lineNameSoFar()) + ": mod_wsgi compares the two servers' ServerName"
                        + " as read so far, and one has none by this line";
        }
    }

    private static String describe(ServerScope s, String nameSoFar) {
        String where = s.isVirtual() ? "<VirtualHost " + s.address() + "> (" + s.location() + ")" : "the main server";
        return where + (nameSoFar == null ? " with no ServerName before this line" : " named " + nameSoFar);
    }

    private static boolean missingGroup(LineRefusal r) {
        return r == LineRefusal.APPLICATION_GROUP_REQUIRED || r == LineRefusal.PROCESS_GROUP_REQUIRED;
    }

    private static String importFix(ImportScript i) {
        if (missingGroup(i.lineRefusal())) {
            return "Give both process-group= and application-group=";
        }
        if (i.groupRefusal() != null) {
            String group = i.processGroup().written();
            if (group.contains("%{")) {
                return "WSGIImportScript takes the group name as written, with no substitution: name a"
                        + " WSGIDaemonProcess defined above this line";
            }
            return i.groupRefusal().kind() == GroupRefusal.Kind.NOT_YET_CONFIGURED ? "Put WSGIDaemonProcess " + group
                    + " above this line (at server level, outside any <VirtualHost>)" : fix(i.groupRefusal(), group);
        }
        return "Write it as WSGIImportScript /path/to/script.py process-group=NAME application-group=NAME";
    }

    /** The fix in a few words, for the first line. */
    private static String shortFix(GroupRefusal refusal, String group) {
        return refusal.kind() == GroupRefusal.Kind.NOT_YET_CONFIGURED
                ? "define WSGIDaemonProcess " + Excerpt.of(group) + " above this line"
                : "define WSGIDaemonProcess " + Excerpt.of(group) + " outside any <VirtualHost>";
    }

    private static String importShortFix(ImportScript i) {
        if (missingGroup(i.lineRefusal())) {
            return "Give both process-group= and application-group=";
        }
        if (i.groupRefusal() != null) {
            String group = i.processGroup().written();
            if (group.contains("%{")) {
                return "Name a WSGIDaemonProcess defined above this line";
            }
            return shortFix(i.groupRefusal(), group);
        }
        return "Write WSGIImportScript /path/to/script.py process-group=NAME application-group=NAME";
    }

    private static String fix(GroupRefusal refusal, String group) {
        if (refusal.kind() == GroupRefusal.Kind.NOT_YET_CONFIGURED) {
            return "Put WSGIDaemonProcess " + group + " above this line (at server level, outside any <VirtualHost>,"
                    + " order is then easy to keep), or select the group with WSGIProcessGroup, which mod_wsgi only"
                    + " checks per request";
        }
        return "Define WSGIDaemonProcess " + group + " at server level, outside any <VirtualHost>, so every server may"
                + " use it; or keep it in the virtual host and select it only from virtual hosts that set the same"
                + " ServerName before this line";
    }

    /** Selections of a name no {@code WSGIDaemonProcess} has: mod_wsgi answers HTTP 500 for every request. */
    private static void undefined(Deployment d, ModWsgi w, RuleContext ctx) {
        Map<Location, List<String>> uses = new LinkedHashMap<>();
        Map<Location, GroupSelection> selections = new LinkedHashMap<>();
        Map<Location, String> names = new LinkedHashMap<>();
        for (GroupSelection g : w.processGroupLines()) {
            if (g.mode() == GroupSelection.Mode.DAEMON && g.daemon() == null) {
                selections.put(g.location(), g);
                uses.put(g.location(), new ArrayList<>());
            }
        }
        for (Mount m : w.mounts()) {
            GroupSelection g = m.processGroupSelection();
            if (m.refusal() != null || g.mode() != GroupSelection.Mode.DAEMON || g.daemon() != null) {
                continue;
            }
            selections.putIfAbsent(g.location(), g);
            uses.computeIfAbsent(g.location(), k -> new ArrayList<>()).add(m.directive() + " " + m.url() + " ("
                    + m.location() + ")");
            names.putIfAbsent(g.location(), m.directive() + " " + m.url());
        }
        for (Map.Entry<Location, GroupSelection> e : selections.entrySet()) {
            GroupSelection g = e.getValue();
            if (g.unknown() || Placeholders.unresolvedIn(d, e.getKey(), g.written())) {
                continue;
            }
            List<String> mounts = uses.get(e.getKey());
            String what = g.source() == GroupSelection.Source.OPTION ? "process-group=" + Excerpt.of(g.written())
                    : "WSGIProcessGroup " + Excerpt.of(g.written());
            String routes = mounts.isEmpty() ? "every WSGI request in its scope"
                    : g.source() == GroupSelection.Source.OPTION ? "every request to " + mounts.get(0)
                            : "every request to " + String.join(", ", mounts);
            ctx.report(e.getKey(), what + " names no WSGIDaemonProcess, so its requests get HTTP 500; "
                    + shortSuggestion(d, g.written()), (g.source() == GroupSelection.Source.OPTION ? names.get(e.getKey())
                            + " selects it. " : "") + "httpd starts (apache2 -t says Syntax OK), then"
                    + " answers " + routes + " with HTTP 500 and logs 'No WSGI daemon process called '" + g.written()
                    + "' has been configured'. " + suggestion(d, g.written()));
        }
    }

    private static String suggestion(Deployment d, String name) {
        for (DaemonGroup g : d.daemons()) {
            if (g.name().equalsIgnoreCase(name)) {
                return "Names are case-sensitive: did you mean '" + g.name() + "' (" + g.location() + ")?";
            }
        }
        if (d.daemons().isEmpty()) {
            return "Define it, such as WSGIDaemonProcess " + name + " processes=1 threads=15 maximum-requests=500, at"
                    + " server level outside any <VirtualHost>.";
        }
        return "Define WSGIDaemonProcess " + name + ", or name a defined group: " + d.daemons().stream()
                .map(g -> g.name() + " (" + g.location() + ")").distinct().collect(Collectors.joining(", ")) + ".";
    }

    /** The fix in a few words, for the first line. */
    private static String shortSuggestion(Deployment d, String name) {
        for (DaemonGroup g : d.daemons()) {
            if (g.name().equalsIgnoreCase(name)) {
                return "names are case-sensitive: did you mean '" + Excerpt.of(g.name()) + "'?";
            }
        }
        if (d.daemons().isEmpty()) {
            return "define it, such as WSGIDaemonProcess " + Excerpt.of(name) + " processes=1 threads=15"
                    + " maximum-requests=500";
        }
        return "define WSGIDaemonProcess " + Excerpt.of(name) + ", or name a defined group";
    }

    /** Groups of a virtual host selected from servers of another name: HTTP 500 for their requests. */
    private static void unreachable(ModWsgi w, RuleContext ctx) {
        Map<Location, List<Mount>> bySelection = new LinkedHashMap<>();
        for (Mount m : w.mounts()) {
            if (!m.unreachableFrom().isEmpty()) {
                bySelection.computeIfAbsent(m.processGroupSelection().location(), k -> new ArrayList<>()).add(m);
            }
        }
        for (Map.Entry<Location, List<Mount>> e : bySelection.entrySet()) {
            List<Mount> mounts = e.getValue();
            GroupSelection g = mounts.get(0).processGroupSelection();
            ServerScope home = g.daemonScope();
            Set<String> from = new LinkedHashSet<>();
            boolean unknown = home.nameUnknown();
            for (Mount m : mounts) {
                for (ServerScope s : m.unreachableFrom()) {
                    from.add(WsgiWords.server(s));
                    unknown |= s.nameUnknown();
                }
            }
            if (unknown) {
                // a ServerName a template left unknown: whether the names match is not known
                continue;
            }
            String what = g.source() == GroupSelection.Source.OPTION ? "process-group=" + Excerpt.of(g.written())
                    : "WSGIProcessGroup " + Excerpt.of(g.written());
            String forMounts = g.source() == GroupSelection.Source.OPTION ? mounts.get(0).directive() + " "
                    + mounts.get(0).url() + " selects it. " : "It selects the group for "
                    + mounts.stream().map(m -> m.directive() + " " + m.url() + " at " + m.location())
                            .collect(Collectors.joining(", ")) + ". ";
            ctx.report(e.getKey(), what + " is another virtual host's group: requests through " + from.size()
                    + " server(s) get HTTP 500; define the group at server level, outside any <VirtualHost>", forMounts + "WSGIDaemonProcess " + g.written() + " (" + g.daemon().location()
                    + ") is defined in " + WsgiWords.server(home) + ", and mod_wsgi lets a virtual host's group serve"
                    + " only requests of servers with the same ServerName: requests through "
                    + String.join(" and ", from) + " get HTTP 500 ('Daemon process called '" + g.written() + "' cannot"
                    + " be accessed by this WSGI application'). Define the group at server level to share it, or give"
                    + " each server its own group.");
        }
    }
}
