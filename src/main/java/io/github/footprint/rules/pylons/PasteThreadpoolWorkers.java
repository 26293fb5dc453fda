package io.github.footprint.rules.pylons;

import java.util.Map;

import io.github.footprint.base.Location;
import io.github.footprint.base.PythonInt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.pylons.PasteServer;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP307: Paste's HTTP server ({@code egg:Paste#http}) with more worker threads than the threshold, or with fewer
 * than {@code threadpool_spawn_if_under}, which Paste's {@code ThreadPool} asserts against at start-up. Only
 * servers that run: a {@code [server:...]} section of a file mod_wsgi loads is never read (FP308).
 */
@RuleMeta(id = "FP307", name = "paste-threadpool-workers", severity = Severity.WARNING,
        summary = "Paste's HTTP server starts more worker threads than the threshold, or fewer than"
                + " threadpool_spawn_if_under and fails at start-up",
        options = {"threshold"})
public final class PasteThreadpoolWorkers implements Rule {
    /** paste.httpserver's defaults: {@code serve(threadpool_workers=10)}, {@code ThreadPool(spawn_if_under=5)}. */
    static final int DEFAULT_WORKERS = 10;
    static final int DEFAULT_SPAWN_IF_UNDER = 5;
    /** Thread stack reserved by glibc when nothing sets a size: 8 MiB (docs/domain/linux.md#thread-stacks). */
    private static final int STACK_MIB = 8;

    @Override
    public void check(Deployment d, RuleContext ctx) {
        long threshold = ctx.option("threshold", DEFAULT_WORKERS);
        for (PasteServer s : d.servers()) {
            if (s.modWsgi() != null || s.context() == null || !s.isPasteHttp()) {
                continue;
            }
            Map<String, Setting> local = s.context().localConf();
            Setting use = local.get("use_threadpool");
            if (use != null && !Boolean.TRUE.equals(PasteValues.asbool(use.value()))) {
                // a thread per request, no pool; or a value asbool refuses
                continue;
            }
            Setting w = local.get("threadpool_workers");
            Setting sp = local.get("threadpool_spawn_if_under");
            Integer workers = w == null ? Integer.valueOf(DEFAULT_WORKERS) : PythonInt.of(w.value());
            Integer spawn = sp == null ? Integer.valueOf(DEFAULT_SPAWN_IF_UNDER) : PythonInt.of(sp.value());
            if (workers == null || spawn == null) {
                // int() fails: a ValueError at start-up, FP301's case when a comment follows the number
                continue;
            }
            String section = "[" + s.section().name() + "] ";
            String workersText = "threadpool_workers = " + workers + (w == null ? " (default)" : "");
            String spawnText = "threadpool_spawn_if_under = " + spawn + (sp == null ? " (default)" : "");
            Location at = w != null ? w.location() : sp != null ? sp.location() : s.section().location();
            if (workers <= 0) {
                ctx.report(at, Severity.ERROR, section + workersText + ": Paste's server refuses to start"
                        + " (AssertionError); set threadpool_workers = " + DEFAULT_WORKERS + " (Paste's default) or"
                        + " another number above 0", "Paste's server asserts: AssertionError: ThreadPoolMixIn servers"
                        + " must have at least one worker.");
            } else if (spawn > workers) {
                ctx.report(sp != null && w == null ? sp.location() : at, Severity.ERROR, section + workersText
                        + " is below " + spawnText + " (AssertionError); set threadpool_spawn_if_under = "
                        + workers + " or lower", "Paste's ThreadPool asserts spawn_if_under <= nworkers, so paster"
                        + " serve stops at start-up with AssertionError: spawn_if_under (" + spawn + ") should be less"
                        + " than nworkers (" + workers + "). threadpool_workers = " + spawn + " or more works too.");
            } else if (workers > threshold) {
                ctx.report(at, section + workersText + " is above the threshold " + threshold + ", "
                        + workers * STACK_MIB + " MiB of stacks for no throughput; keep it at " + threshold + " or"
                        + " fewer and run more processes", "It starts " + workers + " worker threads in the one paster"
                        + " serve process: each reserves a thread stack (" + STACK_MIB + " MiB of address space unless"
                        + " a stack size is set, " + workers * STACK_MIB + " MiB for " + workers + "), and when none is"
                        + " idle Paste adds up to " + spawnText + " more. One Python process runs one thread at a time"
                        + " under the GIL, so more threads add memory, not throughput: run more processes (or mod_wsgi"
                        + " daemon processes) for more concurrency.");
            }
        }
    }
}
