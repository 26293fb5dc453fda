package io.github.footprint.rules.input;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Location;
import io.github.footprint.base.Platform;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.PlatformChoice;
import io.github.footprint.source.SourceFile;

/**
 * FP006: the project has httpd files but no httpd main file, so the server around them is not the project's: a
 * distribution's stock tree ({@code platform} debian or httpd), or, with none, an assumed MPM with httpd's compiled-in
 * values. One info finding says which and why; the footprint table's first line says it too.
 */
@RuleMeta(id = "FP006", name = "server-assumed", severity = Severity.INFO,
        summary = "No main httpd file: the project's files are read inside a distribution's stock configuration, or"
                + " inside an assumed server")
public final class ServerAssumed implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        PlatformChoice p = d.parameters().platform();
        if (!p.applied() || d.apache().isEmpty()) {
            return;
        }
        Mpm mpm = d.mpm();
        String server = mpm.kind() == null ? "no MPM" : mpm.kind().label() + " MPM, MaxRequestWorkers "
                + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS) + (mpm.kind() == Mpm.Kind.PREFORK ? ""
                        : " / ThreadsPerChild " + mpm.effective(MpmDirective.THREADS_PER_CHILD)) + " = "
                + mpm.maxChildren() + " children";
        String brief = mpm.kind() == null ? "no MPM" : mpm.kind().label() + " MPM, " + mpm.maxChildren()
                + " children" + (mpm.kind() == Mpm.Kind.PREFORK ? "" : " x "
                        + mpm.effective(MpmDirective.THREADS_PER_CHILD) + " threads");
        String why = p.auto() ? "platform=auto, from " + p.reason() : "platform=" + p.platform().label();
        List<String> unread = unread(d);
        String unreadCount = unread.isEmpty() ? "" : ", " + unread.size() + " file(s) never read";
        if (p.platform() != Platform.NONE) {
            ctx.report(Location.PROJECT, "No main httpd file: read inside " + p.platform().serverName() + " ("
                    + brief + ")" + unreadCount + "; set platform if the host runs another server", "The project's"
                    + " files are read inside " + p.platform().server() + " (" + why + "), standing where the host has"
                    + " them; " + server + unreadSentence(unread) + ". Set platform (debian, httpd, none) if the host"
                    + " runs another server, or add its main file.");
            return;
        }
        String head = "No main httpd file and " + (p.auto() ? "no distribution's layout found" : "platform=none");
        ctx.report(Location.PROJECT, head + ": assumed " + brief + unreadCount + "; set platform to debian or httpd,"
                + " or add the main file", head + ": the server is assumed (" + server + ", httpd's compiled-in"
                + " values, parameter mpm; mod_wsgi loaded), with no distribution's MPM values, envvars or modules"
                + unreadSentence(unread) + (p.auto()
                ? ". Set platform to debian (Debian/Ubuntu's apache2) or httpd (upstream's httpd.conf; RHEL's is close)"
                        + " for the host's server, none to keep this, or add the host's main httpd file."
                : ". Set platform to debian or httpd for a distribution's server, or add the host's main httpd file."));
    }

    /** The project's httpd files that httpd never reads. */
    private static List<String> unread(Deployment d) {
        List<String> out = new ArrayList<>();
        for (SourceFile f : d.sources().files(FileKind.APACHE)) {
            if (f.parseable() && !d.apache().get().filesRead().contains(f)) {
                out.add(f.displayPath());
            }
        }
        return out;
    }

    /**
     * {@code ; not read: a.conf, b.conf (in *-available or hidden, and no link or install step enables them)} for
     * the project's httpd files that httpd never reads (three named at most), or nothing.
     */
    private static String unreadSentence(List<String> out) {
        if (out.isEmpty()) {
            return "";
        }
        String names = String.join(", ", out.subList(0, Math.min(3, out.size())))
                + (out.size() > 3 ? " and " + (out.size() - 3) + " more" : "");
        return "; not read: " + names + " (in *-available or hidden, and no link or install step enables "
                + (out.size() == 1 ? "it" : "them") + ")";
    }
}
