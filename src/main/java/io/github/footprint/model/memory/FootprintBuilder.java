package io.github.footprint.model.memory;

import io.github.footprint.base.Saturating;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Location;
import io.github.footprint.model.memory.Calibration.Constant;
import io.github.footprint.model.memory.Footprint.WsgiState;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.ModWsgi;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.wsgi.NumberOption;

/**
 * Computes a deployment's {@link Footprint} (docs/memory-model.md), worst case, with the constants of a
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
    private final ApacheConfig apacheConfig;
    private final Mpm mpm;
    private final ModWsgi wsgi;
    private final Stacks stacks;
    private final List<DaemonGroup> daemons;
    private final List<PylonsApp> apps;
    private final long appRss;
    private final int cpuCores;
    private final long requestGrowth;
    private final Calibration cal;
    private final List<Assumption> assumptions = new ArrayList<>();

    private FootprintBuilder(ApacheConfig apache, Mpm mpm, ModWsgi wsgi, Stacks stacks, List<DaemonGroup> daemons,
            List<PylonsApp> apps, long appRss, int cpuCores, long requestGrowth, Calibration cal) {
        this.apacheConfig = apache;
        this.mpm = mpm;
        this.wsgi = wsgi;
        this.stacks = stacks;
        this.daemons = daemons;
        this.apps = apps;
        this.appRss = appRss;
        this.cpuCores = cpuCores;
        this.requestGrowth = requestGrowth;
        this.cal = cal;
    }

    /**
     * The footprint of one environment's processes and pools.
     *
     * @param apache the httpd configuration, null when the project has none
     * @param daemons the daemon groups in reading order (duplicate names included: the first of a name counts)
     * @param appRss bytes one loaded application adds to a process
     * @param cpuCores the target host's cores (glibc's arena cap is 8 per core)
     * @param requestGrowth bytes a daemon process gains per request (0: unknown)
     */
    public static Footprint build(ApacheConfig apache, Mpm mpm, ModWsgi wsgi, Stacks stacks, List<DaemonGroup> daemons,
            List<PylonsApp> apps, long appRss, int cpuCores, long requestGrowth, Calibration cal) {
        return new FootprintBuilder(apache, mpm, wsgi, stacks, daemons, apps, appRss, cpuCores, requestGrowth, cal)
                .build();
    }

    private Footprint build() {
        List<Footprint.Component> out = new ArrayList<>();
        HttpdStartup startup = stacks.startup();
        long arenaMax = ThreadMemory.arenaMax(startup.mallocArenaMax(), cpuCores);
        Fact arenaMaxSetting = startup.mallocArenaMax() != null && startup.mallocArenaMax() > 0
                ? startup.mallocArenaMaxAssignment() : null;
        Footprint.Component graceful = null;
        boolean apache = apacheConfig != null && mpm != null && mpm.kind() != null;
        if (apacheConfig != null && !apache) {
            assumptions.add(Assumption.of(Assumption.Kind.NO_MPM_LOADED));
        }
        long children = 0;
        long idle = 0;
        long restrictSaving = 0;
        if (apache) {
            WsgiState state = !wsgi.active() ? WsgiState.NOT_LOADED
                    : wsgi.embeddedRestricted() ? WsgiState.RESTRICTED : WsgiState.PYTHON;
            if (mpm.assumed()) {
                assumptions.add(Assumption.mpm(mpm.kind()));
            }
            for (Directive d : mpm.unknownValues()) {
                MpmDirective which = MpmDirective.byName(d.key()).orElse(null);
                if (which != null && mpm.value(which).isPresent()) {
                    assumptions.add(Assumption.mpmValue(d.name() + " " + d.arg(), d.location().toString(),
                            mpm.value(which).get().configured(), mpm.kind()));
                }
            }
            if (wsgi.active() && wsgi.loaded() == null) {
                assumptions.add(Assumption.of(Assumption.Kind.MOD_WSGI_ASSUMED_LOADED));
            }
            out.add(parent(state));
            children = mpm.maxChildren();
            idle = mpm.idleChildren();
            Footprint.Component child = children(state, children, arenaMax);
            out.add(child);
            int embeddedApps = state == WsgiState.PYTHON ? embeddedApplications() : 0;
            if (state == WsgiState.PYTHON && embeddedApps == 0 && wsgi.handlers().isEmpty()) {
                restrictSaving = cal.restrictSaving(mpm.kind() == Mpm.Kind.PREFORK);
            }
            if (embeddedApps > 0) {
                Mount first = wsgi.mounts().stream().filter(Mount::embedded).findFirst().orElseThrow();
                long each = Saturating.multiply(embeddedApps, appRss);
                out.add(new ComponentBuilder("applications embedded in apache children",
                        Footprint.Part.EMBEDDED_APPLICATIONS, children, first.location()).size(each, each)
                        .applications(embeddedApps, appRss, first).build());
            }
            if (mpm.kind() == Mpm.Kind.EVENT) {
                long limit = mpm.effective(MpmDirective.SERVER_LIMIT);
                if (limit > children) {
                    long each = Saturating.add(child.residentEach(), Saturating.multiply(embeddedApps, appRss));
                    graceful = new ComponentBuilder("apache children stopping gracefully", Footprint.Part.APACHE_CHILDREN,
                            limit - children, location(MpmDirective.SERVER_LIMIT))
                            .size(each, Saturating.add(child.virtualEach(), Saturating.multiply(embeddedApps, appRss)))
                            .apache(mpm, state, child.measuredEach()).stopping()
                            .applications(embeddedApps, appRss, null)
                            .addressSpace(child.stacksEach(), child.arenasEach())
                            .threads(child.threads().isPresent() ? child.threads().getAsInt() : null, child.stackCount(),
                                    child.stackSize())
                            .build();
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
        for (DaemonGroup g : daemons) {
            if (seen.add(g.name())) {
                out.add(daemon(g, mountsOf.getOrDefault(g, List.of()), arenaMax));
            }
        }
        List<Footprint.Pool> pools = pools(children);
        return new Footprint(out, graceful, pools, assumptions, arenaMax, arenaMaxSetting, cpuCores, idle,
                restrictSaving);
    }

    private Footprint.Component parent(WsgiState state) {
        boolean prefork = mpm.kind() == Mpm.Kind.PREFORK;
        boolean loaded = state != WsgiState.NOT_LOADED;
        long rss = cal.bytes(prefork ? loaded ? Constant.PREFORK_PARENT_WSGI_RSS : Constant.PREFORK_PARENT_RSS
                : loaded ? Constant.THREADED_PARENT_WSGI_RSS : Constant.THREADED_PARENT_RSS);
        long virtual = cal.bytes(prefork ? loaded ? Constant.PREFORK_PARENT_WSGI_VIRTUAL : Constant.PREFORK_PARENT_VIRTUAL
                : loaded ? Constant.THREADED_PARENT_WSGI_VIRTUAL : Constant.THREADED_PARENT_VIRTUAL);
        Location at = loaded && wsgi.loadModule() != null ? wsgi.loadModule() : mpmLocation();
        return new ComponentBuilder("apache parent", Footprint.Part.APACHE_PARENT, 1, at).size(rss, virtual)
                .apache(mpm, state, rss).build();
    }

    private Footprint.Component children(WsgiState state, long count, long arenaMax) {
        long rss;
        long virtual;
        long stackBytes = 0;
        long arenas = 0;
        Integer threads = null;
        long stackCount = 0;
        long stack = 0;
        Location at;
        if (mpm.kind() == Mpm.Kind.PREFORK) {
            rss = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.PREFORK_CHILD_RSS
                    : state == WsgiState.RESTRICTED ? Constant.PREFORK_CHILD_RESTRICTED_RSS : Constant.PREFORK_CHILD_PYTHON_RSS);
            virtual = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.PREFORK_CHILD_VIRTUAL
                    : state == WsgiState.RESTRICTED ? Constant.PREFORK_CHILD_RESTRICTED_VIRTUAL
                            : Constant.PREFORK_CHILD_PYTHON_VIRTUAL);
            at = location(MpmDirective.MAX_REQUEST_WORKERS);
        } else {
            rss = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.THREADED_CHILD_RSS
                    : state == WsgiState.RESTRICTED ? Constant.THREADED_CHILD_RESTRICTED_RSS : Constant.THREADED_CHILD_PYTHON_RSS);
            long base = cal.bytes(state == WsgiState.NOT_LOADED ? Constant.THREADED_CHILD_BASE
                    : state == WsgiState.RESTRICTED ? Constant.THREADED_CHILD_RESTRICTED_BASE
                            : Constant.THREADED_CHILD_PYTHON_BASE);
            long tpc = mpm.effective(MpmDirective.THREADS_PER_CHILD);
            StackSize s = stacks.apacheThreads().orElse(stacks.threadDefault());
            stack = known(s, null);
            threads = (int) Math.min(Integer.MAX_VALUE, Math.max(0, tpc));
            stackCount = tpc + ThreadMemory.APACHE_CHILD_EXTRA_THREADS;
            stackBytes = Saturating.multiply(stackCount, ThreadMemory.stackMapping(stack));
            arenas = ThreadMemory.arenas(threads, arenaMax) * ThreadMemory.ARENA_SIZE;
            virtual = base + stackBytes + arenas;
            MpmValue mrw = mpm.value(MpmDirective.MAX_REQUEST_WORKERS).orElse(null);
            at = mrw != null && !mrw.isDefault() ? mrw.location() : location(MpmDirective.THREADS_PER_CHILD);
        }
        return new ComponentBuilder("apache children", Footprint.Part.APACHE_CHILDREN, count, at).size(rss, virtual)
                .apache(mpm, state, rss).addressSpace(stackBytes, arenas).threads(threads, stackCount, stack).build();
    }

    /**
     * Application groups that run embedded: one interpreter each in every child. A group chosen per request is
     * counted once and said to be assumed: in every Apache child it multiplies the application.
     */
    private int embeddedApplications() {
        List<Mount> embedded = new ArrayList<>();
        for (Mount m : wsgi.mounts()) {
            if (m.embedded()) {
                embedded.add(m);
            }
        }
        List<Mount> perRequest = new ArrayList<>();
        int groups = applicationGroups(embedded, perRequest);
        for (Mount m : perRequest) {
            assumptions.add(Assumption.perRequest(m));
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
        g.values().processes().filter(NumberOption::unknown).ifPresent(v -> assumptions.add(
                Assumption.daemonValue(g, "processes", v.written(), v.read())));
        g.values().threads().filter(NumberOption::unknown).ifPresent(v -> assumptions.add(
                Assumption.daemonValue(g, "threads", v.written(), v.read())));
        int apps = applicationGroups(mounts, new ArrayList<>());
        if (apps == 0) {
            apps = 1;
            assumptions.add(Assumption.noMount(g));
        }
        StackSize s = stacks.daemon(g).requestThreads();
        long stack = known(s, g);
        long counted = 0;
        if (requestGrowth > 0 && g.maximumRequests() > 0) {
            counted = requestGrowth;
        } else if (requestGrowth > 0) {
            assumptions.add(Assumption.growth(g, requestGrowth));
        }
        long growth = Footprint.Component.growth(g.maximumRequests(), counted);
        long rss = Saturating.add(Saturating.add(cal.bytes(Constant.DAEMON_RSS),
                Saturating.multiply(threads, cal.bytes(Constant.DAEMON_THREAD_RSS))),
                Saturating.add(Saturating.multiply(apps, appRss), growth));
        long stackCount = threads + (long) ThreadMemory.DAEMON_INTERNAL_THREADS;
        long stackBytes = Saturating.multiply(stackCount, ThreadMemory.stackMapping(stack));
        long arenas = ThreadMemory.arenas(threads, arenaMax) * ThreadMemory.ARENA_SIZE;
        long virtual = Saturating.add(Saturating.add(Saturating.add(cal.bytes(Constant.DAEMON_VIRTUAL_BASE),
                Saturating.multiply(threads, cal.bytes(Constant.DAEMON_THREAD_VIRTUAL))),
                Saturating.add(stackBytes, arenas)), Saturating.add(Saturating.multiply(apps, appRss), growth));
        return new ComponentBuilder("daemon '" + g.name() + "'", Footprint.Part.DAEMON, processes, g.location())
                .size(rss, virtual).daemon(g, cal.bytes(Constant.DAEMON_RSS), cal.bytes(Constant.DAEMON_THREAD_RSS), counted)
                .applications(apps, appRss, null).addressSpace(stackBytes, arenas).threads(threads, stackCount, stack)
                .build();
    }

    private List<Footprint.Pool> pools(long apacheChildren) {
        List<Footprint.Pool> out = new ArrayList<>();
        for (PylonsApp app : apps) {
            for (SqlEngine e : app.engines()) {
                if (!e.read()) {
                    continue;
                }
                String url = e.url() == null ? "" : e.url().trim().toLowerCase(Locale.ROOT);
                if (url.startsWith("sqlite")) {
                    continue;
                }
                long processes;
                if (app.servedBy() != null) {
                    processes = Math.max(1, app.servedBy().processes());
                } else if (app.embedded() && apacheChildren > 0) {
                    processes = apacheChildren;
                } else {
                    processes = 1;
                    assumptions.add(Assumption.pool(app, e));
                }
                // a value Python cannot read as a number stops SQLAlchemy at start-up: the pool's size is unknown
                boolean unknown = e.sizeUnreadable();
                if (unknown) {
                    assumptions.add(Assumption.poolSizeUnknown(app, e));
                }
                Integer per = unknown ? null : e.limit();
                out.add(new Footprint.Pool(app, e, processes, per,
                        app.servedBy() == null && app.embedded() && apacheChildren > 0, unknown));
            }
        }
        return out;
    }

    /** The stack's bytes; when footprint cannot compute it, 8 MiB and an assumption ({@code daemon} null: Apache's). */
    private long known(StackSize s, DaemonGroup daemon) {
        if (s.known()) {
            return s.bytes().getAsLong();
        }
        assumptions.add(Assumption.stackUnknown(daemon, s));
        return ThreadMemory.DEFAULT_RLIMIT_STACK;
    }

    private Location location(MpmDirective directive) {
        MpmValue v = mpm.value(directive).orElse(null);
        return v != null && !v.isDefault() && v.location() != null ? v.location() : mpmLocation();
    }

    /** The {@code LoadModule mpm_*} line; for an assumed MPM, the first Apache file read. */
    private Location mpmLocation() {
        if (!mpm.loads().isEmpty()) {
            return mpm.loads().get(0).location();
        }
        return apacheConfig == null ? Location.PROJECT : apacheConfig.filesRead().stream().findFirst()
                .map(f -> new Location(f.displayPath(), 0)).orElse(Location.PROJECT);
    }
}
