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
 * FP305: a SQLAlchemy pool that allows fewer connections than the daemon has threads. The threads come from the
 * {@code WSGIDaemonProcess} that serves the app, through the same link FP304 uses; when that link cannot be made,
 * FP304 already says so as info, once per engine, and this rule does not repeat it.
 */
@RuleMeta(id = "FP305", name = "pool-undersized", severity = Severity.WARNING,
        summary = "A mod_wsgi daemon has more threads than its SQLAlchemy pool has connections, so requests wait"
                + " pool_timeout and fail")
public final class PoolUndersized implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (PylonsApp app : d.apps()) {
            DaemonGroup g = app.servedBy();
            if (g == null) {
                continue;
            }
            for (SqlEngine e : app.engines()) {
                Integer limit = e.limit();
                String url = e.url();
                // SQLite's pool class depends on the SQLAlchemy version (NullPool for files in 1.4, QueuePool in 2.0)
                if (limit == null || g.threads() <= limit || g.unknown("threads") || url != null && url.startsWith("sqlite")) {
                    continue;
                }
                int threads = g.threads();
                Location at = e.maxOverflowLocation() != null ? e.maxOverflowLocation()
                        : e.poolSizeLocation() != null ? e.poolSizeLocation() : e.location();
                String timeout = e.poolTimeout() == null ? "pool_timeout " + e.options().get("pool_timeout").raw()
                        : "pool_timeout " + e.poolTimeout() + " s" + (e.poolTimeoutLocation() == null ? " (default)" : "");
                int overflow = threads - e.poolSize();
                ctx.report(at, "[" + app.section().name() + "] " + e.prefix() + " pool allows " + limit
                        + " connections per process for " + threads + " threads; set " + e.prefix() + "max_overflow = "
                        + overflow + " (" + e.poolSize() + " + " + overflow + " = " + threads + "), or threads=" + limit,
                        "pool_size " + e.poolSize() + (e.poolSizeLocation() == null ? " (default)" : "")
                        + " + max_overflow " + e.maxOverflow() + (e.maxOverflowLocation() == null ? " (default)" : "")
                        + " = " + limit + ", but daemon '" + g.name() + "' (" + g.location() + ") runs " + threads
                        + " threads: when more than " + limit + " of them need the database at once, the other "
                        + (threads - limit) + " wait " + timeout + " for a connection and then fail with TimeoutError"
                        + " (QueuePool limit of size " + e.poolSize() + " overflow " + e.maxOverflow() + " reached). "
                        + Phrases.sentence(Phrases.link(app)) + " Path: " + Phrases.derivation(app.loadapp()) + ".");
            }
        }
    }
}
