package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.HttpdStartup;
import io.github.footprint.model.memory.StackSize;
import io.github.footprint.model.memory.ThreadMemory;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.wsgi.NumberOption;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP212: a daemon's {@code memory-limit=} (RLIMIT_DATA) or address-space limit ({@code virtual-memory-limit=},
 * or RLIMIT_AS inherited from {@code ulimit -v}/{@code LimitAS=} in httpd's start-up) below what the daemon needs
 * to start its threads. Thread creation fails, mod_wsgi restarts the daemon, requests hang.
 */
@RuleMeta(id = "FP212", name = "memory-limit-too-small", severity = Severity.ERROR,
        summary = "A mod_wsgi daemon's memory-limit or virtual-memory-limit is below what it needs to start its"
                + " threads, so thread creation fails and requests hang")
public final class MemoryLimitTooSmall implements Rule {
    private static final long SUGGESTED_STACK = 524288;

    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (DaemonGroup g : d.daemons()) {
            int threads = g.threads();
            StackSize stack = d.stacks().daemon(g).requestThreads();
            if (threads <= 0 || !stack.known()) {
                continue; // threads=0 serves nothing (FP210); a computed stack is not guessed
            }
            if (g.memoryLimit().isPresent()) {
                dataLimit(g, threads, stack, g.memoryLimit().getAsLong(), ctx);
            }
            // the lower of the daemon's own RLIMIT_AS and the one it inherits binds: mod_wsgi may fail to raise
            // an inherited hard limit, and lowering always works
            long own = g.virtualMemoryLimit().orElse(0);
            HttpdStartup.Limit inherited = d.stacks().startup().addressSpaceLimit();
            long from = inherited == null ? 0 : Math.max(0, inherited.bytes().orElse(0));
            long as;
            String what;
            String whole;
            if (own > 0 && (from == 0 || own <= from)) {
                as = own;
                NumberOption written = g.values().virtualMemoryLimit().orElseThrow();
                what = "virtual-memory-limit=" + Excerpt.of(written.written()) + size(written, own);
                whole = reading(written, own);
            } else if (from > 0) {
                as = from;
                what = "its inherited address-space limit (" + Sizes.format(from) + ")";
                whole = "The limit comes from httpd's start-up: " + inherited.setting() + " (" + Sizes.format(from)
                        + ") at " + inherited.location() + (own > 0 ? ", lower than its virtual-memory-limit="
                        + g.values().virtualMemoryLimit().orElseThrow().written() : "") + ". ";
            } else {
                continue;
            }
            addressSpaceLimit(g, threads, stack, as, what, whole, ctx);
        }
    }

    /** {@code  (100 MiB)}, or what mod_wsgi makes of a suffix: {@code  (mod_wsgi reads '500M' as 500 bytes)}. */
    private static String size(NumberOption raw, long value) {
        return raw.exact() ? " (" + Sizes.format(value) + ")" : " (read as " + Sizes.format(value) + ")";
    }

    /** {@code mod_wsgi reads '500M' as 500 bytes (atoi). }, or empty for an exact number. */
    private static String reading(NumberOption raw, long value) {
        return raw.exact() ? "" : "mod_wsgi reads '" + raw.written() + "' as " + Sizes.format(value) + ". ";
    }

    /** {@code 27 stacks (25 request threads and mod_wsgi's 2 own)}. */
    private static String stacks(int threads) {
        return (threads + ThreadMemory.DAEMON_INTERNAL_THREADS) + " stacks (" + threads + " request thread(s) and"
                + " mod_wsgi's " + ThreadMemory.DAEMON_INTERNAL_THREADS + " own)";
    }

    private static void dataLimit(DaemonGroup g, int threads, StackSize stack, long limit, RuleContext ctx) {
        long need = ThreadMemory.daemonStartData(threads, stack.bytes().getAsLong());
        if (limit >= need) {
            return;
        }
        long started = ThreadMemory.daemonThreadsStartedUnderData(limit, stack.bytes().getAsLong());
        NumberOption raw = g.values().memoryLimit().orElseThrow();
        String fix = stack.bytes().getAsLong() > SUGGESTED_STACK ? ", or shrink the stacks (with stack-size=524288 it needs "
                + Sizes.format(ThreadMemory.daemonStartData(threads, SUGGESTED_STACK)) + ")" : "";
        ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": memory-limit=" + Excerpt.of(raw.written())
                + size(raw, limit) + " is below the " + Sizes.format(need) + " its " + threads + " request thread(s)"
                + " need; raise it above that", reading(raw, limit)
                + "memory-limit is RLIMIT_DATA, which on Linux 4.7 and later counts every thread stack, here " + stacks(threads)
                + " of " + Phrases.stack(stack) + ", on top of " + Sizes.format(ThreadMemory.DAEMON_DATA_BASE)
                + " for the process. " + outcome(started, threads) + " Raise the limit above " + Sizes.format(need)
                + " plus what the application allocates."
                + (fix.isEmpty() ? "" : " Or" + fix.substring(4) + "."));
    }

    private static void addressSpaceLimit(DaemonGroup g, int threads, StackSize stack, long limit, String what,
            String whole, RuleContext ctx) {
        long need = ThreadMemory.daemonStartAddressSpace(threads, stack.bytes().getAsLong(), ThreadMemory.ARENAS_WHILE_STARTING);
        if (limit >= need) {
            return;
        }
        long started = ThreadMemory.daemonThreadsStartedUnder(limit, stack.bytes().getAsLong());
        String terms = "RLIMIT_AS counts every thread stack, here " + stacks(threads) + " of " + Phrases.stack(stack)
                + ", each mapped with a guard page (" + ThreadMemory.stackMapping(stack.bytes().getAsLong()) / 1024 + " KiB), 8 KiB"
                + " more per request thread, " + Sizes.format(ThreadMemory.DAEMON_BASE) + " for the process and the"
                + " 64 MiB malloc arena the first request makes";
        String fix = stack.bytes().getAsLong() > SUGGESTED_STACK ? ", or shrink the stacks (with stack-size=524288 it needs "
                + Sizes.format(ThreadMemory.daemonStartAddressSpace(threads, SUGGESTED_STACK,
                        ThreadMemory.ARENAS_WHILE_STARTING)) + ")" : "";
        String outcome = started < threads ? outcome(started, threads)
                : "All " + threads + " threads start on a first start, but a daemon restarted while requests wait"
                        + " makes that arena before its last threads, and thread creation fails then.";
        ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": " + what + " is below the "
                + Sizes.format(need) + " its " + threads + " request thread(s) need; raise it above that", whole + Phrases.sentence(terms) + " "
                + outcome + " Raise the limit above " + Sizes.format(need) + " plus what the application allocates." + (fix.isEmpty() ? "" : " Or"
                + fix.substring(4) + "."));
    }

    private static String outcome(long started, int threads) {
        if (started == 0) {
            return "Not one request thread fits: mod_wsgi cannot create worker thread 0, restarts the daemon, and"
                    + " requests hang.";
        }
        return "Only " + started + " of " + threads + " request threads start: mod_wsgi logs 'Couldn't create worker"
                + " thread " + started + "', restarts the daemon, and requests hang.";
    }
}
