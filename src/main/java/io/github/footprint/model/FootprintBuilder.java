package io.github.footprint.model;

import io.github.footprint.base.Location;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Calibration.Constant;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Computes a deployment's {@link Footprint} (DESIGN.md §4), worst case, with the constants of a
 * {@link Calibration}:
 * <ul>
 * <li>the Apache parent, sized by MPM family and whether mod_wsgi is loaded;</li>
 * <li>Apache children: prefork {@code MaxRequestWorkers}, worker/event {@code MaxRequestWorkers / ThreadsPerChild}
 * after httpd's checks; resident by MPM family and mod_wsgi state (not loaded, {@code WSGIRestrictEmbedded On},
 * or Python initialised in every child); address space = base + (ThreadsPerChild + 2) stacks + arenas;</li>
 * <li>applications running embedded: {@code appRss} per application group in every child;</li>
 * <li>each daemon group: {@code processes} x (base + threads x per-thread + application groups x {@code appRss}
 * + {@code maximum-requests} x {@code requestGrowth}); address space = base + threads x overhead + (threads + 2)
 * stacks + arenas, with arenas = min(threads + 1, arena cap - 1) and the cap {@code MALLOC_ARENA_MAX} or
 * 8 x {@code cpuCores};</li>
 * <li>database connections: per application and engine, processes x ({@code pool_size + max_overflow}).</li>
 * </ul>
 * Where the configuration leaves something open the larger estimate is taken and an assumption says so.
 */
public final class FootprintBuilder {
    private final Deployment d;
    private final Host host;
    private final Calibration cal;
    private final List<String> assumptions = new ArrayList<>();

    private FootprintBuilder(Deployment d) {
        this.d = d;
        this.host = d.parameters().host();
        this.cal = d.parameters().calibration();
    }

    /** The footprint of a deployment. */
    public static Footprint build(Deployment d) {
        return new FootprintBuilder(d).build();
    }

    /** How mod_wsgi sits in the Apache processes. */
    private enum WsgiState {
        NOT_LOADED, RESTRICTED, PYTHON
    }

    private Footprint build() {
        List<Footprint.Component> out = new ArrayList<>();
        ModWsgi wsgi = d.modWsgi();
        Mpm mpm = d.mpm();
        HttpdStartup startup = d.stacks().startup();
        long arenaMax = ThreadMemory.arenaMax(startup.mallocArenaMax(), host.cpuCores());
        String arenaMaxFrom;
        if (startup.mallocArenaMax() != null && startup.mallocArenaMax() > 0) {
            arenaMaxFrom = "MALLOC_ARENA_MAX=" + startup.mallocArenaMax() + " ("
                    + startup.mallocArenaMaxAssignment().location() + ")";
        } else {
            arenaMaxFrom = "glibc's default of 8 per core x cpuCores " + host.cpuCores();
        }
        Footprint.Component graceful = null;
        boolean apache = d.apache().isPresent() && mpm != null && mpm.kind() != null;
        if (d.apache().isPresent() && !apache) {
            assumptions.add("no MPM is loaded, so httpd does not start (FP101): Apache's own processes are not counted");
        }
        long children = 0;
        long idle = 0;
        long restrictSaving = 0;
        if (apache) {
            WsgiState state = !wsgi.active() ? WsgiState.NOT_LOADED
                    : wsgi.embeddedRestricted() ? WsgiState.RESTRICTED : WsgiState.PYTHON;
            if (mpm.assumed()) {
                assumptions.add("no main httpd file loads an MPM: " + mpm.kind().label()
                        + " with its compiled-in defaults is assumed (parameter mpm)");
            }
            if (wsgi.active() && wsgi.loaded() == null) {
                assumptions.add("the project has no main httpd file: mod_wsgi is assumed loaded by the host's");
            }
            out.add(parent(mpm, state, wsgi));
            children = mpm.maxChildren();
            idle = mpm.idleChildren();
            Footprint.Component child = children(mpm, state, children, arenaMax);
            out.add(child);
            int embeddedApps = state == WsgiState.PYTHON ? embeddedApplications(wsgi) : 0;
            if (state == WsgiState.PYTHON && embeddedApps == 0 && wsgi.handlers().isEmpty()) {
                restrictSaving = cal.restrictSaving(mpm.kind() == Mpm.Kind.PREFORK);
            }
            if (embeddedApps > 0) {
                Mount first = wsgi.mounts().stream().filter(Mount::embedded).findFirst().orElseThrow();
                long each = embeddedApps * host.appRss();
                out.add(new Footprint.Component("applications embedded in apache children", Footprint.Part.EMBEDDED_APPLICATIONS,
                        children, each, each, first.location(), embeddedApps + " application group(s) per child, "
                        + first.directive() + " " + first.url() + " at " + first.location(),
                        embeddedApps + " x appRss " + Sizes.format(host.appRss()), null).withTerms(each, 0, 0));
            }
            if (mpm.kind() == Mpm.Kind.EVENT) {
                long limit = mpm.effective(MpmDirective.SERVER_LIMIT);
                if (limit > children) {
                    long each = child.residentEach() + embeddedApps * host.appRss();
                    graceful = new Footprint.Component("apache children stopping gracefully", Footprint.Part.APACHE_CHILDREN,
                            limit - children, each, child.virtualEach() + embeddedApps * host.appRss(),
                            location(mpm, MpmDirective.SERVER_LIMIT), "ServerLimit " + limit + " less the " + children
                            + " children counted", child.residentTerms(), null)
                            .withAddressSpace(child.stacksEach(), child.arenasEach())
                            .withThreads(child.threads(), child.stackCount(), child.stackSize())
                            .withTerms(embeddedApps * host.appRss(), 0, 0);
                }
            }
        }
        // each daemon's mounts, gathered once: a tree can hold thousands of daemons and mounts
        Map<DaemonGroup, List<Mount>> mountsOf = new IdentityHashMap<>();
        for (Mount m : wsgi.mounts()) {
            if (m.daemon() != null) {
                mountsOf.computeIfAbsent(m.daemon(), k -> new ArrayList<>()).add(m);
            }
        }
        Set<String> seen = new HashSet<>();
        for (DaemonGroup g : d.daemons()) {
            if (seen.add(g.name())) {
                out.add(daemon(g, mountsOf.getOrDefault(g, List.of()), arenaMax));
            }
        }
        List<Footprint.Pool> pools = pools(children);
        return new Footprint(host, out, graceful, pools, assumptions, arenaMax, arenaMaxFrom, idle, restrictSaving);
    }

    private Footprint.Component parent(Mpm mpm, WsgiState state, ModWsgi wsgi) {
        boolean prefork = mpm.kind() == Mpm.Kind.PREFORK;
        boolean loaded = state != WsgiState.NOT_LOADED;
        long rss = cal.bytes(prefork ? loaded ? Constant.PREFORK_PARENT_WSGI_RSS : Constant.PREFORK_PARENT_RSS
                : loaded ? Constant.THREADED_PARENT_WSGI_RSS : Constant.THREADED_PARENT_RSS);
        long virtual = cal.bytes(prefork ? loaded ? Constant.PREFORK_PARENT_WSGI_VIRTUAL : Constant.PREFORK_PARENT_VIRTUAL
                : loaded ? Constant.THREADED_PARENT_WSGI_VIRTUAL : Constant.THREADED_PARENT_VIRTUAL);
        Location at = loaded && wsgi.loadModule() != null ? wsgi.loadModule() : mpmLocation(mpm);
        return new Footprint.Component("apache parent", Footprint.Part.APACHE_PARENT, 1, rss, virtual, at,
                "one per server", Sizes.format(rss) + " measured, " + mpm.kind().label()
                + (loaded ? ", mod_wsgi loaded" : ""), null);
    }

    private Footprint.Component children(Mpm mpm, WsgiState state, long count, long arenaMax) {
        String kind = mpm.kind().label();
        String wsgiText = state == WsgiState.NOT_LOADED ? "mod_wsgi not loaded"
                : state == WsgiState.RESTRICTED ? "WSGIRestrictEmbedded On" : "Python initialised in every child";
        long rss;
        long virtual;
        long stacks = 0;
        long arenas = 0;
        int threads = -1;
        long stackCount = 0;
        long stack = 0;
        String sizedBy;
        Location at;
        if (mpm.kind() == Mpm.Kind.PREFORK) {
            rss = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.PREFORK_CHILD_RSS
                    : state == WsgiState.RESTRICTED ? Constant.PREFORK_CHILD_RESTRICTED_RSS : Constant.PREFORK_CHILD_PYTHON_RSS);
            virtual = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.PREFORK_CHILD_VIRTUAL
                    : state == WsgiState.RESTRICTED ? Constant.PREFORK_CHILD_RESTRICTED_VIRTUAL
                            : Constant.PREFORK_CHILD_PYTHON_VIRTUAL);
            sizedBy = "MaxRequestWorkers " + count;
            at = location(mpm, MpmDirective.MAX_REQUEST_WORKERS);
        } else {
            rss = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.THREADED_CHILD_RSS
                    : state == WsgiState.RESTRICTED ? Constant.THREADED_CHILD_RESTRICTED_RSS : Constant.THREADED_CHILD_PYTHON_RSS);
            long base = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.THREADED_CHILD_BASE
                    : state == WsgiState.RESTRICTED ? Constant.THREADED_CHILD_RESTRICTED_BASE
                            : Constant.THREADED_CHILD_PYTHON_BASE);
            long tpc = mpm.effective(MpmDirective.THREADS_PER_CHILD);
            StackSize s = d.stacks().apacheThreads().orElse(d.stacks().threadDefault());
            stack = known(s, "Apache's worker threads");
            threads = (int) Math.min(Integer.MAX_VALUE, Math.max(0, tpc));
            stackCount = tpc + ThreadMemory.APACHE_CHILD_EXTRA_THREADS;
            stacks = stackCount * ThreadMemory.stackMapping(stack);
            arenas = ThreadMemory.arenas(threads, arenaMax) * ThreadMemory.ARENA_SIZE;
            virtual = base + stacks + arenas;
            sizedBy = "MaxRequestWorkers " + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS) + " / ThreadsPerChild " + tpc;
            MpmValue mrw = mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElse(null);
            at = mrw != null && !mrw.isDefault() ? mrw.location() : location(mpm, MpmDirective.THREADS_PER_CHILD);
        }
        return new Footprint.Component("apache children", Footprint.Part.APACHE_CHILDREN, count, rss, virtual, at,
                sizedBy, Sizes.format(rss) + " measured, " + kind + ", " + wsgiText, null).withAddressSpace(stacks, arenas)
                .withThreads(threads, stackCount, stack);
    }

    /**
     * Application groups that run embedded: one interpreter each in every child. A group chosen per request is
     * counted once and said to be assumed: in every Apache child it multiplies the application.
     */
    private int embeddedApplications(ModWsgi wsgi) {
        List<Mount> embedded = new ArrayList<>();
        for (Mount m : wsgi.mounts()) {
            if (m.embedded()) {
                embedded.add(m);
            }
        }
        List<Mount> perRequest = new ArrayList<>();
        int groups = applicationGroups(embedded, perRequest);
        for (Mount m : perRequest) {
            assumptions.add(m.directive() + " at " + m.location() + " chooses its application group per request: one"
                    + " application per child assumed for it");
        }
        return groups;
    }

    /**
     * The interpreters these mounts load in one process: one per application group, and one for each mount whose
     * group is chosen per request (those are added to {@code perRequest}).
     */
    private static int applicationGroups(List<Mount> mounts, List<Mount> perRequest) {
        Set<String> keys = new LinkedHashSet<>();
        for (Mount m : mounts) {
            String key = m.applicationGroup().key();
            if (key == null) {
                perRequest.add(m);
            } else {
                keys.add(key);
            }
        }
        return keys.size() + perRequest.size();
    }

    private Footprint.Component daemon(DaemonGroup g, List<Mount> mounts, long arenaMax) {
        int threads = Math.max(0, g.threads());
        long processes = Math.max(1, g.processes());
        int apps = applicationGroups(mounts, new ArrayList<>());
        if (apps == 0) {
            apps = 1;
            assumptions.add("no WSGIScriptAlias of the project runs in daemon '" + g.name() + "' (" + g.location()
                    + "): one application assumed in each of its processes");
        }
        StackSize s = d.stacks().daemon(g).requestThreads();
        long stack = known(s, "daemon '" + g.name() + "'");
        long growth = 0;
        String growthTerm = "";
        if (host.requestGrowth() > 0 && g.maximumRequests() > 0) {
            growth = multiply(g.maximumRequests(), host.requestGrowth());
            growthTerm = " + maximum-requests " + g.maximumRequests() + " x requestGrowth "
                    + Sizes.format(host.requestGrowth());
        } else if (host.requestGrowth() > 0) {
            assumptions.add("daemon '" + g.name() + "' (" + g.location() + ") has no maximum-requests, so at requestGrowth "
                    + Sizes.format(host.requestGrowth()) + " its processes grow without bound (FP202); the growth is not"
                    + " counted");
        }
        long rss = cal.bytes(Constant.DAEMON_RSS) + threads * cal.bytes(Constant.DAEMON_THREAD_RSS)
                + apps * host.appRss() + growth;
        long stackCount = threads + (long) ThreadMemory.DAEMON_INTERNAL_THREADS;
        long stacks = stackCount * ThreadMemory.stackMapping(stack);
        long arenas = ThreadMemory.arenas(threads, arenaMax) * ThreadMemory.ARENA_SIZE;
        long virtual = cal.bytes(Constant.DAEMON_VIRTUAL_BASE) + threads * cal.bytes(Constant.DAEMON_THREAD_VIRTUAL)
                + stacks + arenas + apps * host.appRss() + growth;
        String terms = Sizes.format(cal.bytes(Constant.DAEMON_RSS)) + " + " + threads + " threads x "
                + Sizes.format(cal.bytes(Constant.DAEMON_THREAD_RSS)) + " + " + apps + " x appRss "
                + Sizes.format(host.appRss()) + growthTerm;
        return new Footprint.Component("daemon '" + g.name() + "'", Footprint.Part.DAEMON, processes, rss, virtual,
                g.location(), "processes=" + processes + " threads=" + threads, terms, g).withAddressSpace(stacks, arenas)
                .withThreads(threads, stackCount, stack)
                .withTerms(apps * host.appRss(), threads * cal.bytes(Constant.DAEMON_THREAD_RSS), growth);
    }

    private List<Footprint.Pool> pools(long apacheChildren) {
        List<Footprint.Pool> out = new ArrayList<>();
        for (PylonsApp app : d.apps()) {
            for (Engine e : app.engines()) {
                if (!e.read()) {
                    continue;
                }
                String url = e.url() == null ? "" : e.url().trim().toLowerCase(Locale.ROOT);
                if (url.startsWith("sqlite")) {
                    continue;
                }
                long processes;
                String from;
                if (app.servedBy() != null) {
                    processes = Math.max(1, app.servedBy().processes());
                    from = "processes=" + processes + " of daemon '" + app.servedBy().name() + "' ("
                            + app.servedBy().location() + ")";
                } else if (app.embedded() && apacheChildren > 0) {
                    processes = apacheChildren;
                    from = apacheChildren + " Apache children (it runs embedded)";
                } else {
                    processes = 1;
                    from = "one process assumed (" + app.link() + ")";
                    assumptions.add("the pool of " + app.ini().file().displayPath() + " [" + app.section().name()
                            + "] (" + e.prefix() + ") is counted for one process: " + app.link());
                }
                Integer per;
                String perFrom;
                Integer size = e.poolSize();
                Integer overflow = e.maxOverflow();
                if (size == null || overflow == null) {
                    int s = size == null ? Engine.DEFAULT_POOL_SIZE : size;
                    int o = overflow == null ? Engine.DEFAULT_MAX_OVERFLOW : overflow;
                    per = s == 0 || o < 0 ? null : s + o;
                    perFrom = "pool_size " + s + " + max_overflow " + o + " (a value Python cannot read as a number"
                            + " is taken as SQLAlchemy's default)";
                } else if (size == 0 || overflow < 0) {
                    per = null;
                    perFrom = size == 0 ? "pool_size = 0 (no limit)" : "max_overflow = " + overflow + " (no limit)";
                } else {
                    per = size + overflow;
                    perFrom = "pool_size " + size + (e.poolSizeLocation() == null ? " (default)" : "")
                            + " + max_overflow " + overflow + (e.maxOverflowLocation() == null ? " (default)" : "");
                }
                out.add(new Footprint.Pool(app, e, processes, from, per, perFrom,
                        app.servedBy() == null && app.embedded() && apacheChildren > 0));
            }
        }
        return out;
    }

    private long known(StackSize s, String whose) {
        if (s.known()) {
            return s.bytes();
        }
        assumptions.add("the stack of " + whose + " is " + s.describe() + ": 8 MiB assumed");
        return ThreadMemory.DEFAULT_RLIMIT_STACK;
    }

    private Location location(Mpm mpm, MpmDirective directive) {
        MpmValue v = mpm.value(directive).orElse(null);
        return v != null && !v.isDefault() && v.location() != null ? v.location() : mpmLocation(mpm);
    }

    /** The {@code LoadModule mpm_*} line; for an assumed MPM, the first Apache file read. */
    private Location mpmLocation(Mpm mpm) {
        if (!mpm.loads().isEmpty()) {
            return mpm.loads().get(0).location();
        }
        return d.apache().flatMap(a -> a.filesRead().stream().findFirst())
                .map(f -> new Location(f.displayPath(), 0)).orElse(Location.PROJECT);
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
