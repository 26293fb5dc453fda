package io.github.footprint.rules.wsgi;

import java.util.List;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Calibration;
import io.github.footprint.model.memory.ThreadMemory;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.ImportScript;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.wsgi.NumberOption;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP210: a daemon's {@code threads}. Zero (as written, or what {@code atoi} makes of text) starts no request threads:
 * mounts that select the group never get an answer, and a group nothing imports into restarts in a loop (error).
 * Above the threshold the threads wait for one interpreter lock while each costs a stack and an arena (warning).
 * A {@code threads=0} group that only {@code WSGIImportScript} uses is mod_wsgi's managed-process mode, and fine.
 */
@RuleMeta(id = "FP210", name = "daemon-threads", severity = Severity.WARNING,
        summary = "A mod_wsgi daemon has threads=0, so it never answers a request, or more threads than Python can use",
        options = {"threshold"})
public final class DaemonThreads implements Rule {
    /** mod_wsgi's {@code WSGI_STACK_LAST - 1}: at or above it httpd refuses the thread count (FP204). */
    private static final int THREADS_LIMIT = 65534;

    @Override
    public void check(Deployment d, RuleContext ctx) {
        long threshold = ctx.option("threshold", 25);
        ModWsgi w = d.modWsgi();
        for (DaemonGroup g : d.daemons()) {
            int threads = g.threads();
            if (threads < 0 || threads >= THREADS_LIMIT) {
                continue;
            }
            String raw = g.values().threads().map(NumberOption::written).orElse(null);
            if (g.unknown("threads") || Placeholders.unresolvedIn(d, g.location(), raw)) {
                continue;
            }
            String atoi = raw != null && !raw.strip().equals(Integer.toString(threads))
                    ? "threads=" + raw + " reads as " + threads + " (mod_wsgi reads numbers with atoi). " : "";
            if (threads == 0) {
                zero(g, atoi, w, ctx);
            } else if (threads > threshold) {
                long stack = g.stackSize().orElse(ThreadMemory.DEFAULT_RLIMIT_STACK);
                int processes = Math.max(1, g.processes());
                ctx.report(g.location(), Severity.WARNING, "WSGIDaemonProcess " + g.name() + " threads=" + threads
                        + " in each of its " + processes + " process(es): past a few, threads wait for Python's lock;"
                        + " use threads=" + Math.min(15, threshold) + " or fewer", atoi + "Python runs one thread at a"
                        + " time (the interpreter lock), so past a few threads requests wait for it instead of running,"
                        + " while each thread still costs a stack of " + Sizes.format(stack) + " (" + threads + " x ("
                        + Sizes.format(stack) + " + a 4 KiB guard page) = "
                        + Sizes.format(threads * (stack + ThreadMemory.STACK_GUARD)) + " of address space per process"
                        + (g.stackSize().isPresent() ? "" : ", stack-size unset") + "), about "
                        + Sizes.format(d.parameters().calibration().bytes(Calibration.Constant.DAEMON_THREAD_RSS))
                        + " RSS, and once busy a malloc arena of 64 MiB address space (up to 8 per core; measured:"
                        + " 1397 MiB VmSize at 50 threads against 1115 MiB at 15). mod_wsgi's docs suggest 5 threads to"
                        + " start; add processes only for CPU-bound work.");
            }
        }
    }

    private static void zero(DaemonGroup g, String atoi, ModWsgi w, RuleContext ctx) {
        List<Mount> mounts = w.mounts().stream().filter(m -> m.daemon() == g && m.refusal() == null)
                .collect(Collectors.toList());
        boolean imported = false;
        for (ImportScript i : w.imports()) {
            imported |= !i.refused() && i.processGroup() != null && i.processGroup().daemon() == g;
        }
        String head = "WSGIDaemonProcess " + g.name() + " threads=0 starts no request threads";
        String mode = atoi + "threads=0 is mod_wsgi's managed-process mode, meant for a WSGIImportScript service. ";
        if (!mounts.isEmpty()) {
            ctx.report(g.location(), Severity.ERROR, head + ", yet " + mounts.size() + " mount(s) send requests to it,"
                    + " which hang; give it threads=5 or more", mode + "Requests come to it from " + mounts.stream()
                    .map(m -> m.directive() + " " + m.url() + " (" + m.location() + ")").collect(Collectors.joining(", "))
                    + ": they are never answered and hang until the client gives up (measured with mod_wsgi"
                    + " 4.9.4).");
        } else if (!imported) {
            ctx.report(g.location(), Severity.ERROR, "WSGIDaemonProcess " + g.name() + " threads=0 serves nothing and"
                    + " restarts about once a second; give it threads=5 or more and select it, or remove it", mode + "It"
                    + " starts no request threads, and no"
                    + " WSGIImportScript loads anything into it: its process exits at once and mod_wsgi starts it"
                    + " again, about once a second (measured), for nothing.");
        }
    }
}
