package io.github.footprint.model.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.base.Location;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;

/**
 * The stack each kind of thread gets (docs/domain/linux.md#default-stack-size;
 * docs/memory-model.md#what-every-daemon-process-has), each value with where it comes
 * from:
 * <ul>
 * <li>the default, for any thread nothing else sizes: glibc reads RLIMIT_STACK's soft limit when httpd starts
 * (every child and daemon inherits it): {@code ulimit -s N} or {@code LimitSTACK=} gives N (at least 16 KiB,
 * rounded up to a page), {@code unlimited} gives 2 MiB on x86_64, and nothing gives the usual 8 MiB;</li>
 * <li>Apache's worker/event threads: {@code ThreadStackSize} when at least 16384 (below it httpd logs AH02435 or
 * AH02436 and uses the default), else the default;</li>
 * <li>a mod_wsgi daemon's request threads: {@code stack-size=} when at least 16384 (below it mod_wsgi ignores the
 * EINVAL), else the default; {@code ThreadStackSize} does not reach them (measured: still 8196 KiB);</li>
 * <li>application threads a daemon's Python code starts: the last {@code threading.stack_size(n)} in the
 * {@code .wsgi} scripts the daemon loads (n of at least 32768; 0 means the default), else the default.</li>
 * </ul>
 */
public final class Stacks {
    /** One daemon group's threads. */
    public static final class DaemonStacks {
        private final DaemonGroup group;
        private final StackSize requestThreads;
        private final Map<String, StackSize> applicationThreads;

        DaemonStacks(DaemonGroup group, StackSize requestThreads, Map<String, StackSize> applicationThreads) {
            this.group = group;
            this.requestThreads = requestThreads;
            this.applicationThreads = Collections.unmodifiableMap(new LinkedHashMap<>(applicationThreads));
        }

        public DaemonGroup group() {
            return group;
        }

        /** The stack of the daemon's request threads (and its 2 internal threads). */
        public StackSize requestThreads() {
            return requestThreads;
        }

        /**
         * The stack of threads the application starts, by the display path of each {@code .wsgi} script the
         * daemon loads that the project holds; empty when no mount of the project leads to one.
         */
        public Map<String, StackSize> applicationThreads() {
            return applicationThreads;
        }
    }

    private final HttpdStartup startup;
    private final StackSize threadDefault;
    private final StackSize apacheThreads;
    private final List<DaemonStacks> daemons;
    private final Map<DaemonGroup, DaemonStacks> byGroup = new IdentityHashMap<>();

    private Stacks(HttpdStartup startup, StackSize threadDefault, StackSize apacheThreads, List<DaemonStacks> daemons) {
        this.startup = startup;
        this.threadDefault = threadDefault;
        this.apacheThreads = apacheThreads;
        this.daemons = List.copyOf(daemons);
        daemons.forEach(d -> byGroup.put(d.group, d));
    }

    /** What httpd's start-up gives every process: RLIMIT_STACK, RLIMIT_AS, MALLOC_ARENA_MAX. */
    public HttpdStartup startup() {
        return startup;
    }

    /** The stack of any thread nothing else sizes: RLIMIT_STACK from httpd's start-up, else glibc's default. */
    public StackSize threadDefault() {
        return threadDefault;
    }

    /** The stack of the MPM's worker threads, empty under prefork or without an MPM. */
    public Optional<StackSize> apacheThreads() {
        return Optional.ofNullable(apacheThreads);
    }

    /** Every daemon group's threads, in configuration order. */
    public List<DaemonStacks> daemons() {
        return daemons;
    }

    /** The threads of one daemon group (the very definition, duplicates included). */
    public DaemonStacks daemon(DaemonGroup group) {
        DaemonStacks d = byGroup.get(group);
        if (d == null) {
            throw new IllegalArgumentException("not a daemon group of this deployment: " + group);
        }
        return d;
    }

    /**
     * The stacks of every kind of thread. {@code mapper} and {@code apache} may be null (then no {@code .wsgi} script
     * is found, and application threads get no stack of their own).
     */
    public static Stacks build(HttpdStartup startup, Mpm mpm, List<DaemonGroup> groups, List<Mount> mounts,
            List<ScriptFacts> scripts, HostPathMapper mapper, ApacheConfig apache) {
        StackSize def = threadDefault(startup.stackLimit());
        StackSize apacheThreads = null;
        if (mpm != null && mpm.kind() != null && mpm.kind().threaded()) {
            apacheThreads = def;
            MpmValue v = mpm.value(MpmDirective.THREAD_STACK_SIZE).orElse(null);
            if (v != null && !v.isDefault() && v.effective() >= ThreadMemory.PTHREAD_STACK_MIN) {
                apacheThreads = StackSize.of(v.effective(), StackSize.Source.SETTING,
                        "ThreadStackSize " + v.effective(), v.location());
            }
        }
        Map<String, ScriptFacts> python = new LinkedHashMap<>();
        for (ScriptFacts s : scripts) {
            if (s.file().kind() == FileKind.PYTHON) {
                python.put(s.file().treePath(), s);
            }
        }
        Map<String, DaemonGroup> firstOfName = new HashMap<>();
        for (DaemonGroup g : groups) {
            firstOfName.putIfAbsent(g.name(), g);
        }
        Map<String, List<Mount>> mountsByGroup = new HashMap<>();
        for (Mount m : mounts) {
            if (m.processGroup() != null) {
                mountsByGroup.computeIfAbsent(m.processGroup(), k -> new ArrayList<>()).add(m);
            }
        }
        List<DaemonStacks> out = new ArrayList<>();
        for (DaemonGroup g : groups) {
            StackSize request = def;
            if (g.stackSize().isPresent()) {
                request = StackSize.of(g.stackSize().getAsLong(), StackSize.Source.SETTING,
                        "stack-size=" + g.values().stackSize().orElseThrow().written(), g.location());
            }
            Map<String, StackSize> app = new LinkedHashMap<>();
            // mod_wsgi keeps the first definition of a name (a second one stops httpd: FP206)
            if (mapper != null && apache != null && firstOfName.get(g.name()) == g) {
                for (Mount m : mountsByGroup.getOrDefault(g.name(), List.of())) {
                    HostPathMapper.Mapping wsgi = mapper.map(m.script(), apache.serverRoot(), true);
                    ScriptFacts facts = wsgi.inside() ? python.get(wsgi.treePath()) : null;
                    if (facts != null) {
                        app.putIfAbsent(facts.file().displayPath(), applicationThreads(facts, def));
                    }
                }
            }
            out.add(new DaemonStacks(g, request, app));
        }
        return new Stacks(startup, def, apacheThreads, out);
    }

    /** glibc's {@code __pthread_early_init}: RLIMIT_STACK's soft limit, at least 16 KiB, rounded up to a page. */
    private static StackSize threadDefault(HttpdStartup.Limit limit) {
        if (limit == null) {
            return StackSize.glibcDefault();
        }
        if (limit.unlimited()) {
            return StackSize.of(ThreadMemory.UNLIMITED_STACK_DEFAULT, StackSize.Source.RLIMIT_UNLIMITED,
                    limit.setting(), limit.location());
        }
        if (!limit.known()) {
            return StackSize.unknown(limit.setting(), limit.location());
        }
        long bytes = ThreadMemory.pageRounded(Math.max(limit.bytes().getAsLong(), ThreadMemory.PTHREAD_STACK_MIN));
        return StackSize.of(bytes, StackSize.Source.RLIMIT, limit.setting(), limit.location());
    }

    /**
     * The stack of the threads a script's code starts: each {@code stack_size(n)} in file order changes it for
     * the threads started after it; 0 restores the default; a literal below 32768 raises ValueError, which
     * stops the script there (FP402); a value that is not a literal makes it unknown.
     */
    private static StackSize applicationThreads(ScriptFacts facts, StackSize def) {
        StackSize current = def;
        for (Fact f : facts.settings(ScriptFacts.PYTHON_STACK_SIZE)) {
            Long n = f.number();
            String call = "stack_size(" + f.value() + ")";
            Location at = f.location();
            if (n == null) {
                current = StackSize.unknown(call, at);
            } else if (n == 0) {
                current = def;
            } else if (n < ThreadMemory.PYTHON_STACK_MIN) {
                break;
            } else {
                current = StackSize.of(n, StackSize.Source.SETTING, call, at);
            }
        }
        return current;
    }
}
