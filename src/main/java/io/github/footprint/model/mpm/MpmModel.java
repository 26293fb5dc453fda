package io.github.footprint.model.mpm;

import static io.github.footprint.model.mpm.MpmDirective.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Atoi;
import io.github.footprint.base.Location;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.source.template.Unknowns;

/**
 * Computes {@link Mpm} from the configuration as httpd 2.4 does (server/mpm/{prefork,worker,event}): which
 * MPM is loaded, the compiled-in defaults (docs/domain/httpd.md#mpm-defaults-and-limits), the last setting of each
 * directive wherever it is
 * in include order (2.4 checks run after all directives), then the check chain of §2.3 in its order.
 */
public final class MpmModel {
    /** The sizing directives of each MPM and their compiled-in 2.4 defaults, in report order. */
    private static final Map<Mpm.Kind, Map<MpmDirective, Long>> DEFAULTS_24 = Map.of(
            Mpm.Kind.PREFORK, ordered(SERVER_LIMIT, 256, MAX_REQUEST_WORKERS, 256, START_SERVERS, 5,
                    MIN_SPARE_SERVERS, 5, MAX_SPARE_SERVERS, 10, MAX_CONNECTIONS_PER_CHILD, 0),
            Mpm.Kind.WORKER, ordered(SERVER_LIMIT, 16, THREAD_LIMIT, 64, THREADS_PER_CHILD, 25,
                    MAX_REQUEST_WORKERS, 400, START_SERVERS, 3, MIN_SPARE_THREADS, 75, MAX_SPARE_THREADS, 250,
                    MAX_CONNECTIONS_PER_CHILD, 0, THREAD_STACK_SIZE, 0),
            Mpm.Kind.EVENT, ordered(SERVER_LIMIT, 16, THREAD_LIMIT, 64, THREADS_PER_CHILD, 25,
                    MAX_REQUEST_WORKERS, 400, START_SERVERS, 3, MIN_SPARE_THREADS, 75, MAX_SPARE_THREADS, 250,
                    MAX_CONNECTIONS_PER_CHILD, 0, THREAD_STACK_SIZE, 0));
    /** Directives each MPM module defines; the core ones parse under all three. */
    private static final Map<Mpm.Kind, Set<String>> OWN = Map.of(
            Mpm.Kind.PREFORK, Set.of("startservers", "minspareservers", "maxspareservers", "serverlimit",
                    "maxrequestworkers", "maxclients"),
            Mpm.Kind.WORKER, Set.of("startservers", "minsparethreads", "maxsparethreads", "threadsperchild",
                    "threadlimit", "serverlimit", "maxrequestworkers", "maxclients"),
            Mpm.Kind.EVENT, Set.of("startservers", "minsparethreads", "maxsparethreads", "threadsperchild",
                    "threadlimit", "serverlimit", "maxrequestworkers", "maxclients", "asyncrequestworkerfactor"));
    private static final Set<String> CORE = Set.of("maxconnectionsperchild", "maxrequestsperchild", "threadstacksize",
            "maxmemfree");
    /** Every directive name that some MPM module defines. */
    private static final Set<String> ANY_MPM = anyMpm();

    private static Set<String> anyMpm() {
        Set<String> s = new java.util.HashSet<>();
        OWN.values().forEach(s::addAll);
        return Set.copyOf(s);
    }

    /** The code of a 2.2 adjustment: httpd 2.2 logs it, without an AH number. */
    public static final String HTTPD_22 = "httpd 2.2";

    private MpmModel() {
    }

    private static Map<MpmDirective, Long> ordered(Object... kv) {
        Map<MpmDirective, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((MpmDirective) kv[i], ((Integer) kv[i + 1]).longValue());
        }
        return m;
    }

    /**
     * @param apache the configuration (null: nothing but the assumed MPM with its defaults)
     * @param assumedMpm the {@code mpm} parameter, used when no main file loads an MPM (and always on 2.2,
     *     where the MPM is compiled into the binary)
     * @param version {@code 2.2} or {@code 2.4}
     */
    public static Mpm build(ApacheConfig apache, String assumedMpm, String version) {
        List<Directive> loads = new ArrayList<>();
        List<Directive> all = new ArrayList<>();
        if (apache != null) {
            apache.walk(d -> {
                if (!d.isSection() && (ANY_MPM.contains(d.key()) || CORE.contains(d.key()))) {
                    all.add(d);
                }
            });
            for (Directive d : apache.find("LoadModule")) {
                if (kindOfModule(d.arg()) != null) {
                    loads.add(d);
                }
            }
        }
        Mpm.Kind kind = null;
        boolean assumed = false;
        if (loads.isEmpty() && apache != null && apache.builtInMpm() != null && !"2.2".equals(version)) {
            // the distribution's binary has its MPM linked in (upstream httpd's default build): no LoadModule
            kind = Mpm.Kind.valueOf(apache.builtInMpm().toUpperCase(Locale.ROOT));
        } else if (loads.isEmpty() && (apache == null || apache.mainFile() == null || "2.2".equals(version))) {
            kind = Mpm.Kind.valueOf(assumedMpm.toUpperCase(Locale.ROOT));
            assumed = true;
        } else if (loads.size() == 1 || loads.stream().map(d -> kindOfModule(d.arg())).distinct().count() == 1) {
            kind = loads.isEmpty() ? null : kindOfModule(loads.get(0).arg());
        }
        Map<MpmDirective, Directive> set = new LinkedHashMap<>();
        List<Directive> ordered = new ArrayList<>();
        List<Directive> foreign = new ArrayList<>();
        List<Directive> inVhost = new ArrayList<>();
        List<Directive> deprecated = new ArrayList<>();
        List<Directive> unknownValues = new ArrayList<>();
        for (Directive d : all) {
            String key = d.key();
            boolean own = kind != null && OWN.get(kind).contains(key);
            boolean anyMpm = ANY_MPM.contains(key);
            if (!own && !CORE.contains(key)) {
                if (anyMpm && kind != null) {
                    foreign.add(d);
                }
                continue;
            }
            if (d.context() != null) {
                inVhost.add(d);
                continue;
            }
            MpmDirective canonical = MpmDirective.byName(key).orElse(null);
            if (canonical != null && !d.is(canonical.directiveName())) {
                deprecated.add(d);
            }
            if (canonical != null && Unknowns.contains(d.arg())) {
                // a value a template left unknown: the MPM's compiled-in default stands for it (and for one before)
                set.remove(canonical);
                ordered.removeIf(o -> MpmDirective.byName(o.key()).orElse(null) == canonical);
                unknownValues.removeIf(o -> MpmDirective.byName(o.key()).orElse(null) == canonical);
                unknownValues.add(d);
            } else if (canonical != null) {
                set.put(canonical, d);
                ordered.add(d);
                unknownValues.removeIf(o -> MpmDirective.byName(o.key()).orElse(null) == canonical);
            }
        }
        Map<MpmDirective, MpmValue> values = new LinkedHashMap<>();
        List<MpmAdjustment> adjustments = new ArrayList<>();
        if (kind != null) {
            new Chain(kind, set, values, adjustments, "2.2".equals(version)).run(ordered);
        }
        return new Mpm(kind, assumed, loads, values, adjustments, foreign, inVhost, deprecated)
                .withUnknownValues(unknownValues);
    }

    /** {@code mpm_event_module} → EVENT; null for any other module. */
    public static Mpm.Kind kindOfModule(String module) {
        switch (module) {
            case "mpm_prefork_module":
                return Mpm.Kind.PREFORK;
            case "mpm_worker_module":
                return Mpm.Kind.WORKER;
            case "mpm_event_module":
                return Mpm.Kind.EVENT;
            default:
                return null;
        }
    }

    /** httpd's check chain on working copies of the values. */
    private static final class Chain {
        private final Mpm.Kind kind;
        private final Map<MpmDirective, Directive> set;
        private final Map<MpmDirective, MpmValue> out;
        private final List<MpmAdjustment> adjustments;
        private final Map<MpmDirective, Long> configured = new LinkedHashMap<>();
        private final Map<MpmDirective, Long> v = new LinkedHashMap<>();
        private final boolean v22;

        Chain(Mpm.Kind kind, Map<MpmDirective, Directive> set, Map<MpmDirective, MpmValue> out,
                List<MpmAdjustment> adjustments,
                boolean v22) {
            this.v22 = v22;
            this.kind = kind;
            this.set = set;
            this.out = out;
            this.adjustments = adjustments;
        }

        private Location at(MpmDirective d) {
            Directive x = set.get(d);
            return x == null ? null : x.location();
        }

        private void change(String code, String text, MpmDirective d, long to) {
            adjustments.add(new MpmAdjustment(code, text, d, v.get(d), to, at(d)));
            v.put(d, to);
        }

        /** A fix-up httpd makes without a message. */
        private void silent(MpmAdjustment.Silent kind, MpmDirective d, long to) {
            adjustments.add(new MpmAdjustment(kind, d, v.get(d), to, at(d)));
            v.put(d, to);
        }

        void run(List<Directive> ordered) {
            for (Map.Entry<MpmDirective, Long> e : DEFAULTS_24.get(kind).entrySet()) {
                Directive d = set.get(e.getKey());
                long def = e.getValue();
                if (v22 && e.getKey() == MAX_CONNECTIONS_PER_CHILD) {
                    def = 10000;
                }
                if (v22 && kind == Mpm.Kind.PREFORK && e.getKey() == THREAD_STACK_SIZE) {
                    continue;
                }
                long value = d == null ? def : Atoi.parse(d.arg());
                configured.put(e.getKey(), value);
                // 2.4 checks after reading everything; 2.2 starts from the defaults and checks line by line
                v.put(e.getKey(), v22 ? def : value);
            }
            if (v22) {
                httpd22(ordered);
            } else if (kind == Mpm.Kind.PREFORK) {
                prefork();
            } else {
                threaded();
            }
            for (MpmDirective d : configured.keySet()) {
                out.put(d, new MpmValue(d, configured.get(d), v.get(d), at(d)));
            }
        }

        private void prefork() {
            long sl = v.get(SERVER_LIMIT);
            if (sl > 200000) {
                change("AH00175", "WARNING: ServerLimit of " + sl + " exceeds compile-time limit of 200000 servers,"
                        + " decreasing to 200000.", SERVER_LIMIT, 200000);
            } else if (sl < 1) {
                change("AH00177", "WARNING: ServerLimit of " + sl + " not allowed, increasing to 1.", SERVER_LIMIT, 1);
            }
            sl = v.get(SERVER_LIMIT);
            long mrw = v.get(MAX_REQUEST_WORKERS);
            if (mrw > sl) {
                change("AH00180", "WARNING: MaxRequestWorkers of " + mrw + " exceeds ServerLimit value of " + sl
                        + " servers, decreasing MaxRequestWorkers to " + sl + ". To increase, please see the ServerLimit"
                        + " directive.", MAX_REQUEST_WORKERS, sl);
            }
            mrw = v.get(MAX_REQUEST_WORKERS);
            if (mrw < 1) {
                change("AH00182", "WARNING: MaxRequestWorkers of " + mrw + " not allowed, increasing to 1.",
                        MAX_REQUEST_WORKERS, 1);
            }
            atLeastOne("AH00184", START_SERVERS, "");
            atLeastOne("AH00186", MIN_SPARE_SERVERS, " to avoid almost certain server failure. Please read the"
                    + " documentation");
            long min = v.get(MIN_SPARE_SERVERS);
            if (v.get(MAX_SPARE_SERVERS) < min + 1) {
                silent(MpmAdjustment.Silent.MAX_SPARE_SERVERS_RAISED, MAX_SPARE_SERVERS, min + 1);
            }
            if (v.get(START_SERVERS) > v.get(MAX_REQUEST_WORKERS)) {
                silent(MpmAdjustment.Silent.START_SERVERS_ABOVE_MAX_REQUEST_WORKERS, START_SERVERS,
                        v.get(MAX_REQUEST_WORKERS));
            }
        }

        private void threaded() {
            boolean event = kind == Mpm.Kind.EVENT;
            long maxTl = event ? 100000 : 20000;
            long sl = v.get(SERVER_LIMIT);
            if (sl > 20000) {
                change(event ? "AH00497" : "AH00300", "WARNING: ServerLimit of " + sl + " exceeds compile-time limit of"
                        + " 20000 servers, decreasing to 20000.", SERVER_LIMIT, 20000);
            } else if (sl < 1) {
                change(event ? "AH00499" : "AH00302", "WARNING: ServerLimit of " + sl + " not allowed, increasing to 1.",
                        SERVER_LIMIT, 1);
            }
            long tl = v.get(THREAD_LIMIT);
            if (tl > maxTl) {
                change(event ? "AH00502" : "AH00305", "WARNING: ThreadLimit of " + tl + " exceeds compile-time limit of "
                        + maxTl + " threads, decreasing to " + maxTl + ".", THREAD_LIMIT, maxTl);
            } else if (tl < 1) {
                change(event ? "AH00504" : "AH00307", "WARNING: ThreadLimit of " + tl + " not allowed, increasing to 1.",
                        THREAD_LIMIT, 1);
            }
            tl = v.get(THREAD_LIMIT);
            long tpc = v.get(THREADS_PER_CHILD);
            if (tpc > tl) {
                change(event ? "AH00507" : "AH00310", "WARNING: ThreadsPerChild of " + tpc + " exceeds ThreadLimit of "
                        + tl + " threads, decreasing to " + tl + ". To increase, please see the ThreadLimit directive.",
                        THREADS_PER_CHILD, tl);
            } else if (tpc < 1) {
                change(event ? "AH00509" : "AH00312", "WARNING: ThreadsPerChild of " + tpc + " not allowed, increasing"
                        + " to 1.", THREADS_PER_CHILD, 1);
            }
            tpc = v.get(THREADS_PER_CHILD);
            long mrw = v.get(MAX_REQUEST_WORKERS);
            if (mrw < tpc) {
                change(event ? "AH00511" : "AH00314", "WARNING: MaxRequestWorkers of " + mrw + " is less than"
                        + " ThreadsPerChild of " + tpc + ", increasing to " + tpc + ". MaxRequestWorkers must be at least"
                        + " as large as the number of threads in a single server.", MAX_REQUEST_WORKERS, tpc);
            }
            mrw = v.get(MAX_REQUEST_WORKERS);
            long servers = mrw / tpc;
            if (mrw % tpc != 0) {
                long to = servers * tpc;
                change(event ? "AH00513" : "AH00316", "WARNING: MaxRequestWorkers of " + mrw + " is not an integer"
                        + " multiple of ThreadsPerChild of " + tpc + ", decreasing to nearest multiple " + to + ", for a"
                        + " maximum of " + servers + " servers.", MAX_REQUEST_WORKERS, to);
            }
            sl = v.get(SERVER_LIMIT);
            mrw = v.get(MAX_REQUEST_WORKERS);
            if (servers > sl) {
                change(event ? "AH00515" : "AH00318", "WARNING: MaxRequestWorkers of " + mrw + " would require "
                        + servers + " servers and would exceed ServerLimit of " + sl + ", decreasing to " + sl * tpc
                        + ". To increase, please see the ServerLimit directive.", MAX_REQUEST_WORKERS, sl * tpc);
                servers = sl;
            }
            atLeastOne(event ? "AH00517" : "AH00320", START_SERVERS, "");
            atLeastOne(event ? "AH00519" : "AH00322", MIN_SPARE_THREADS, " to avoid almost certain server failure."
                    + " Please read the documentation");
            long min = v.get(MIN_SPARE_THREADS);
            if (v.get(MAX_SPARE_THREADS) < min + tpc + 1) {
                silent(MpmAdjustment.Silent.MAX_SPARE_THREADS_RAISED, MAX_SPARE_THREADS, min + tpc + 1);
            }
            if (v.get(START_SERVERS) > servers) {
                silent(MpmAdjustment.Silent.START_SERVERS_ABOVE_CHILDREN, START_SERVERS, servers);
            }
        }

        /**
         * httpd 2.2 checks inside each directive's handler, in file order, against the values set so far
         * (docs/domain/httpd.md#httpd-22-differences, from the 2.2.34 sources; no httpd 2.2 runs here to measure it):
         * ServerLimit must come
         * before MaxClients, ThreadLimit before ThreadsPerChild; worker moves the first ThreadsPerChild ahead of
         * the first MaxClients. Its messages have no AH codes.
         */
        private void httpd22(List<Directive> ordered) {
            List<Directive> order = new ArrayList<>(ordered);
            if (kind != Mpm.Kind.PREFORK) {
                int tpc = -1;
                int mc = -1;
                for (int i = 0; i < order.size(); i++) {
                    MpmDirective c = MpmDirective.byName(order.get(i).key()).orElseThrow();
                    if (tpc < 0 && c == THREADS_PER_CHILD) {
                        tpc = i;
                    }
                    if (mc < 0 && c == MAX_REQUEST_WORKERS) {
                        mc = i;
                    }
                }
                if (tpc > mc && mc >= 0) {
                    order.add(mc, order.remove(tpc));
                }
            }
            long maxSl = kind == Mpm.Kind.PREFORK ? 200000 : 20000;
            for (Directive d : order) {
                MpmDirective c = MpmDirective.byName(d.key()).orElseThrow();
                long x = Atoi.parse(d.arg());
                v.put(c, x);
                switch (c) {
                    case SERVER_LIMIT:
                        if (x > maxSl) {
                            change22("WARNING: ServerLimit of " + x + " exceeds compile time limit of " + maxSl
                                    + " servers, lowering ServerLimit to " + maxSl + ".", c, maxSl, d);
                        } else if (x < 1) {
                            change22("WARNING: Require ServerLimit > 0, setting to 1", c, 1, d);
                        }
                        break;
                    case THREAD_LIMIT:
                        if (x > 20000) {
                            change22("WARNING: ThreadLimit of " + x + " exceeds compile time limit of 20000 servers,"
                                    + " lowering ThreadLimit to 20000.", c, 20000, d);
                        } else if (x < 1) {
                            change22("WARNING: Require ThreadLimit > 0, setting to 1", c, 1, d);
                        }
                        break;
                    case THREADS_PER_CHILD:
                        if (x > v.get(THREAD_LIMIT)) {
                            change22("WARNING: ThreadsPerChild of " + x + " exceeds ThreadLimit value of "
                                    + v.get(THREAD_LIMIT) + " threads, lowering ThreadsPerChild to " + v.get(THREAD_LIMIT)
                                    + ". To increase, please see the ThreadLimit directive.", c, v.get(THREAD_LIMIT), d);
                        } else if (x < 1) {
                            change22("WARNING: Require ThreadsPerChild > 0, setting to 1", c, 1, d);
                        }
                        break;
                    case MAX_REQUEST_WORKERS:
                        maxClients22(x, d);
                        break;
                    case MIN_SPARE_SERVERS:
                    case MIN_SPARE_THREADS:
                        if (x <= 0) {
                            change22("WARNING: detected " + (kind == Mpm.Kind.PREFORK ? "MinSpareServers" : "MinSpareThreads")
                                    + " set to non-positive. Resetting to 1 to avoid almost certain Apache failure."
                                    + " Please read the documentation.", c, 1, d);
                        }
                        break;
                    default:
                        break;
                }
            }
            if (kind == Mpm.Kind.PREFORK) {
                long min = v.get(MIN_SPARE_SERVERS);
                if (v.get(MAX_SPARE_SERVERS) < min + 1) {
                    silent(MpmAdjustment.Silent.MAX_SPARE_SERVERS_RAISED, MAX_SPARE_SERVERS, min + 1);
                }
            } else {
                long min = v.get(MIN_SPARE_THREADS);
                long tpc = v.get(THREADS_PER_CHILD);
                if (v.get(MAX_SPARE_THREADS) < min + tpc) {
                    silent(MpmAdjustment.Silent.MAX_SPARE_THREADS_RAISED_22, MAX_SPARE_THREADS, min + tpc);
                }
            }
        }

        private void maxClients22(long x, Directive d) {
            MpmDirective c = MAX_REQUEST_WORKERS;
            if (kind == Mpm.Kind.PREFORK) {
                long sl = v.get(SERVER_LIMIT);
                if (x > sl) {
                    change22("WARNING: MaxClients of " + x + " exceeds ServerLimit value of " + sl + " servers, lowering"
                            + " MaxClients to " + sl + ". To increase, please see the ServerLimit directive.", c, sl, d);
                } else if (x < 1) {
                    change22("WARNING: Require MaxClients > 0, setting to 1", c, 1, d);
                }
                return;
            }
            long tpc = v.get(THREADS_PER_CHILD);
            if (x < tpc) {
                change22("WARNING: MaxClients (" + x + ") must be at least as large as ThreadsPerChild (" + tpc + ")."
                        + " Automatically increasing MaxClients to " + tpc + ".", c, tpc, d);
                x = tpc;
            }
            long daemons = x / Math.max(1, tpc);
            if (x % Math.max(1, tpc) != 0) {
                long to = daemons * tpc;
                change22("WARNING: MaxClients (" + x + ") is not an integer multiple of ThreadsPerChild (" + tpc
                        + "), lowering MaxClients to " + to + " for a maximum of " + daemons + " child processes,", c, to, d);
            }
            long sl = v.get(SERVER_LIMIT);
            if (daemons > sl) {
                change22("WARNING: MaxClients of " + v.get(c) + " would require " + daemons + " servers, and would exceed"
                        + " the ServerLimit value of " + sl + ". Automatically lowering MaxClients to " + sl * tpc
                        + ". To increase, please see the ServerLimit directive.", c, sl * tpc, d);
            } else if (daemons < 1) {
                change22("WARNING: Require MaxClients > 0, setting to 1", c, 1, d);
            }
        }

        /** A 2.2 handler's change: logged (no AH code in 2.2), at the directive that caused it. */
        private void change22(String text, MpmDirective d, long to, Directive at) {
            adjustments.add(new MpmAdjustment(HTTPD_22, text, d, v.get(d), to, at.location()));
            v.put(d, to);
        }

        private void atLeastOne(String code, MpmDirective d, String tail) {
            long x = v.get(d);
            if (x < 1) {
                change(code, "WARNING: " + d.directiveName() + " of " + x + " not allowed, increasing to 1" + tail + ".", d, 1);
            }
        }
    }
}
