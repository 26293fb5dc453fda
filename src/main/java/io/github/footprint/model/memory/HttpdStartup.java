package io.github.footprint.model.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.github.footprint.base.Location;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.source.FileKind;

/**
 * What httpd's start-up gives every process of the server (the parent, the Apache children, the mod_wsgi
 * daemons, all of which inherit it): RLIMIT_STACK and RLIMIT_AS soft limits and {@code MALLOC_ARENA_MAX}.
 *
 * <p>Which start-up files reach httpd, in the order they apply (a later setting wins):
 * <ol>
 * <li>systemd units of httpd's service ({@code apache2.service}, {@code apache2@*.service},
 * {@code httpd.service}, {@code httpd@*.service}), then their drop-ins ({@code *.conf} in
 * {@code <unit>.service.d/}) in file-name order: the service's processes start with these limits and
 * {@code Environment=};</li>
 * <li>shell scripts that start httpd themselves (a command {@code apache2ctl}, {@code apachectl},
 * {@code apache2}, {@code httpd} or {@code httpd-foreground}, possibly behind {@code exec}, {@code env},
 * {@code nohup}): their settings on lines up to the first such command;</li>
 * <li>{@code envvars} (Debian's, in any folder): {@code apache2ctl} sources it right before it starts httpd
 * (Debian's unit runs {@code apachectl start}), so its settings apply last.</li>
 * </ol>
 * Every other script (a {@code .sh} that starts something else, the unit of another service) does not reach
 * httpd; its settings are listed in {@link #notReaching()}. A variable reaches httpd only when exported: a plain
 * {@code MALLOC_ARENA_MAX=2} in {@code envvars} stays a variable of apache2ctl's shell.
 */
public final class HttpdStartup {
    /** The variable glibc reads for its arena cap. */
    public static final String MALLOC_ARENA_MAX = "MALLOC_ARENA_MAX";

    /** How a file reaches httpd. */
    public enum Reach {
        /** A systemd unit of httpd's service. */
        UNIT,
        /** A drop-in of httpd's systemd unit. */
        DROP_IN,
        /** A script that starts httpd. */
        STARTER,
        /** {@code envvars}, which apache2ctl sources before it starts httpd. */
        ENVVARS
    }

    /** A resource limit httpd starts with: bytes, unlimited, or a value footprint cannot compute. */
    public static final class Limit {
        private final Fact fact;
        private final Long bytes;
        private final boolean unlimited;
        private final String setting;

        Limit(Fact fact, Long bytes, boolean unlimited, String setting) {
            this.fact = fact;
            this.bytes = bytes;
            this.unlimited = unlimited;
            this.setting = setting;
        }

        /** The soft limit in bytes; empty when unlimited or unknown. */
        public OptionalLong bytes() {
            return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
        }

        public boolean unlimited() {
            return unlimited;
        }

        /** True when the limit is a number of bytes or unlimited: false for a value footprint cannot compute. */
        public boolean known() {
            return unlimited || bytes != null;
        }

        /** As written: {@code ulimit -s 512}, {@code LimitSTACK=512K}. */
        public String setting() {
            return setting;
        }

        public Location location() {
            return fact.location();
        }

        @Override
        public String toString() {
            return setting + " at " + location();
        }
    }

    private final List<ScriptFacts> reaching;
    private final List<Reach> reaches;
    private final Limit stack;
    private final Limit addressSpace;
    private final Fact arenaMax;
    private final boolean arenaMaxExported;
    private final List<Fact> notReaching;

    private HttpdStartup(List<ScriptFacts> reaching, List<Reach> reaches, Limit stack, Limit addressSpace,
            Fact arenaMax, boolean arenaMaxExported, List<Fact> notReaching) {
        this.reaching = List.copyOf(reaching);
        this.reaches = List.copyOf(reaches);
        this.stack = stack;
        this.addressSpace = addressSpace;
        this.arenaMax = arenaMax;
        this.arenaMaxExported = arenaMaxExported;
        this.notReaching = List.copyOf(notReaching);
    }

    /** How a start-up file reaches httpd, or null when it does not. */
    public static Reach reach(ScriptFacts s) {
        String path = s.file().treePath();
        // a template is the file it is deployed as (envvars.j2 is envvars)
        String name = io.github.footprint.source.template.TemplateName.of(path).baseName();
        String parent = path.lastIndexOf('/') > 0 ? path.substring(0, path.lastIndexOf('/')) : "";
        parent = parent.substring(parent.lastIndexOf('/') + 1);
        if (s.file().kind() == FileKind.SYSTEMD) {
            if (isHttpdUnit(name)) {
                return Reach.UNIT;
            }
            if (parent.endsWith(".service.d") && isHttpdUnit(parent.substring(0, parent.length() - 2))) {
                return Reach.DROP_IN;
            }
            return null;
        }
        if (s.file().kind() == FileKind.SHELL) {
            if (name.equals("envvars")) {
                return Reach.ENVVARS;
            }
            return s.httpdStarts().isEmpty() ? null : Reach.STARTER;
        }
        return null;
    }

    private static boolean isHttpdUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (!u.endsWith(".service")) {
            return false;
        }
        String stem = u.substring(0, u.length() - ".service".length());
        int at = stem.indexOf('@');
        String service = at < 0 ? stem : stem.substring(0, at);
        return service.equals("apache2") || service.equals("httpd");
    }

    /** Reads the start-up files that reach httpd, in the order they apply. */
    public static HttpdStartup of(List<ScriptFacts> scripts) {
        List<ScriptFacts> reaching = new ArrayList<>();
        List<Fact> notReaching = new ArrayList<>();
        for (ScriptFacts s : scripts) {
            if (s.file().kind() == FileKind.PYTHON) {
                continue;
            }
            if (reach(s) != null) {
                reaching.add(s);
            } else {
                for (Fact f : s.settings()) {
                    if (isLimit(f.name())) {
                        notReaching.add(f);
                    }
                }
                s.variables().stream().filter(v -> v.name().equals(MALLOC_ARENA_MAX)).forEach(notReaching::add);
            }
        }
        reaching.sort(Comparator.comparing((ScriptFacts s) -> reach(s).ordinal())
                .thenComparing(s -> reach(s) == Reach.DROP_IN ? fileName(s) : "")
                .thenComparing(s -> s.file().treePath()));
        List<Reach> reaches = new ArrayList<>();
        Limit stack = null;
        Limit as = null;
        Fact arena = null;
        boolean arenaExported = false;
        for (ScriptFacts s : reaching) {
            Reach r = reach(s);
            reaches.add(r);
            int until = r == Reach.STARTER ? s.httpdStarts().get(0).location().line() : Integer.MAX_VALUE;
            for (Fact f : s.settings()) {
                if (f.location().line() > until) {
                    continue;
                }
                if (f.name().equals(ScriptFacts.ULIMIT_STACK_KIB) || f.name().equals(ScriptFacts.LIMIT_STACK_BYTES)) {
                    stack = apply(stack, f);
                } else if (f.name().equals(ScriptFacts.ULIMIT_VIRTUAL_KIB) || f.name().equals(ScriptFacts.LIMIT_AS_BYTES)) {
                    as = apply(as, f);
                }
            }
            for (Fact v : s.variables()) {
                if (v.name().equals(MALLOC_ARENA_MAX) && v.location().line() <= until) {
                    // an assignment to a name the environment already carries stays exported
                    arenaExported = v.exported() || (arena != null && arenaExported);
                    arena = v;
                }
            }
        }
        return new HttpdStartup(reaching, reaches, stack, as, arena, arenaExported, notReaching);
    }

    private static String fileName(ScriptFacts s) {
        String p = s.file().treePath();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static boolean isLimit(String name) {
        return name.equals(ScriptFacts.ULIMIT_STACK_KIB) || name.equals(ScriptFacts.LIMIT_STACK_BYTES)
                || name.equals(ScriptFacts.ULIMIT_VIRTUAL_KIB) || name.equals(ScriptFacts.LIMIT_AS_BYTES);
    }

    /** The limit after one more setting: {@code ulimit -H} leaves the soft limit; systemd ignores what it cannot parse. */
    private static Limit apply(Limit before, Fact f) {
        boolean unit = f.name().equals(ScriptFacts.LIMIT_STACK_BYTES) || f.name().equals(ScriptFacts.LIMIT_AS_BYTES);
        String setting = unit ? f.name() + "=" + f.value() : f.name() + " " + f.value();
        if (!f.setsSoftLimit()) {
            return before;
        }
        if (unit && f.value().isEmpty()) {
            return null; // LimitSTACK= resets to the default
        }
        if (f.unlimited()) {
            return new Limit(f, null, true, setting);
        }
        if (f.number() == null) {
            return unit ? before : new Limit(f, null, false, setting);
        }
        long bytes = unit ? f.number() : Math.multiplyExact(f.number(), 1024L);
        return new Limit(f, bytes, false, setting);
    }

    /** The start-up files that reach httpd, in the order they apply. */
    public List<ScriptFacts> reaching() {
        return Collections.unmodifiableList(reaching);
    }

    /** How each of {@link #reaching()} reaches httpd. */
    public List<Reach> reaches() {
        return reaches;
    }

    /** RLIMIT_STACK's soft limit as the start-up leaves it, or null when nothing sets it. */
    public Limit stackLimit() {
        return stack;
    }

    /** RLIMIT_AS's soft limit ({@code ulimit -v}, {@code LimitAS=}), or null when nothing sets it. */
    public Limit addressSpaceLimit() {
        return addressSpace;
    }

    /** The last {@code MALLOC_ARENA_MAX} assignment that reaches httpd's start-up, exported or not; null for none. */
    public Fact mallocArenaMaxAssignment() {
        return arenaMax;
    }

    /** {@code MALLOC_ARENA_MAX} as httpd's environment has it (exported), or null: glibc's default, 8 per core. */
    public Long mallocArenaMax() {
        return arenaMax != null && arenaMaxExported ? arenaMax.number() : null;
    }

    /** True when httpd's environment carries {@code MALLOC_ARENA_MAX}, whatever its value. */
    public boolean mallocArenaMaxSet() {
        return arenaMax != null && arenaMaxExported;
    }

    /** Limits and {@code MALLOC_ARENA_MAX} set in scripts that do not reach httpd. */
    public List<Fact> notReaching() {
        return notReaching;
    }
}
