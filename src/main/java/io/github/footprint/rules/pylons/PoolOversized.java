package io.github.footprint.rules.pylons;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP304: a SQLAlchemy pool that can open more connections than the daemon has threads to use them. The
 * threads come from the {@code WSGIDaemonProcess} that serves the app; where that link cannot be made the
 * rule says so as info and does not guess.
 */
@RuleMeta(id = "FP304", name = "pool-oversized", severity = Severity.WARNING,
        summary = "A SQLAlchemy pool allows more connections per process than the threads that could use them")
public final class PoolOversized implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (PylonsApp app : d.apps()) {
            for (SqlEngine e : app.engines()) {
                // a value that is no integer: compared as its author meant it (the number before the comment)
                Integer size = e.meantPoolSize();
                Integer over = e.meantMaxOverflow();
                if (size == null || over == null) {
                    continue;
                }
                int pool = size + over;
                Location at = e.poolSizeLocation() != null ? e.poolSizeLocation()
                        : e.maxOverflowLocation() != null ? e.maxOverflowLocation() : e.location();
                DaemonGroup g = app.servedBy();
                if (g == null) {
                    ctx.report(at, Severity.INFO, "[" + app.section().name() + "] " + e.prefix() + " pool allows "
                            + pool + " connections per process, used by no known daemon; " + (app.unresolved()
                                    .isEmpty() ? "link a .wsgi that loads this file" : "let the script name the file,"
                                    + " or map its path (pathMappings)"), describe(e) + ". footprint"
                            + " cannot tell which daemon's threads use the pool: " + Phrases.link(app) + ". "
                            + (app.unresolved().isEmpty() ? "Link it: a WSGIScriptAlias to a .wsgi script that loads"
                                    + " this file." : "Let the script name the file, or map its path with"
                                    + " pathMappings."));
                    continue;
                }
                int threads = g.threads();
                if (threads <= 0 || pool <= threads || g.unknown("threads")) {
                    continue;
                }
                if (size <= threads && e.maxOverflowLocation() != null) {
                    // pool_size fits the threads: max_overflow is the line to edit
                    at = e.maxOverflowLocation();
                }
                int overflow = Math.max(0, threads - Math.min(size, threads));
                ctx.report(at, "[" + app.section().name() + "] " + e.prefix() + " pool allows " + pool
                        + " connections per process for " + threads + (threads == 1 ? " thread" : " threads") + "; set "
                        + e.prefix() + "pool_size = " + Math.min(size, threads) + ", " + e.prefix() + "max_overflow = "
                        + overflow,
                        describe(e) + ", but daemon '" + g.name() + "' (" + g.location() + ") runs "
                        + threads + " thread(s): at most " + threads + " can be in use at once, and the other "
                        + (pool - threads) + " per process (" + (pool - threads) * Math.max(1, g.processes())
                        + " for its " + g.processes() + " process(es)) only count against the database's"
                        + " max_connections. " + Phrases.sentence(Phrases.link(app)) + " Path: "
                        + Phrases.derivation(app.loadapp()) + ".");
            }
        }
    }

    /** {@code pool_size 5 (default) + max_overflow 10 (default) = 15 connections per process}. */
    private static String describe(SqlEngine e) {
        return "pool_size " + e.meantPoolSize() + (e.poolSizeLocation() == null ? " (default)" : "")
                + " + max_overflow " + e.meantMaxOverflow() + (e.maxOverflowLocation() == null ? " (default)" : "")
                + " = " + (e.meantPoolSize() + e.meantMaxOverflow()) + " connections per process"
                + (e.sizeUnreadable() ? " as meant (" + Phrases.notAnInteger(e) + ", FP301)" : "");
    }
}
