package io.github.footprint.model.memory;

import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;

/**
 * Where the footprint takes the larger estimate because the configuration leaves something open, with what it is
 * about: an MPM or mod_wsgi assumed, an interpreter chosen per request, a daemon no mount of the project runs in, a
 * stack footprint cannot compute, growth not counted, a pool whose processes are not known.
 */
public final class Assumption {
    /** What is assumed. */
    public enum Kind {
        /** No MPM is loaded (httpd refuses to start, FP101): Apache's own processes are not counted. */
        NO_MPM_LOADED,
        /** No main httpd file loads an MPM: {@link #mpm()} with its compiled-in defaults (the {@code mpm} parameter). */
        MPM_ASSUMED,
        /** A project without a main httpd file: mod_wsgi is taken to be loaded by the host's. */
        MOD_WSGI_ASSUMED_LOADED,
        /** {@link #mount()} chooses its application group per request: one application per child counted for it. */
        APPLICATION_GROUP_PER_REQUEST,
        /** No mount of the project runs in {@link #daemon()}: one application counted in each of its processes. */
        NO_MOUNT_IN_DAEMON,
        /** The stack of Apache's worker threads ({@link #daemon()} null) or of a daemon is unknown: 8 MiB counted. */
        STACK_UNKNOWN,
        /** {@link #daemon()} has no {@code maximum-requests}, so its growth at {@link #requestGrowth()} is not counted. */
        GROWTH_NOT_COUNTED,
        /** The pool of {@link #app()}'s {@link #engine()} is counted for one process: no mount leads to the app. */
        POOL_IN_ONE_PROCESS,
        /**
         * The size of {@link #app()}'s {@link #engine()} pool is unknown: {@code pool_size} or {@code max_overflow} is
         * no integer (SQLAlchemy raises ValueError at start-up); its connections are not counted.
         */
        POOL_SIZE_UNKNOWN,
        /**
         * An option of {@link #daemon()} that sizes it ({@link #option()}: {@code processes}, {@code threads}) is a value
         * a template left unknown: mod_wsgi's default for it ({@link #assumed()}) is counted.
         */
        DAEMON_VALUE_UNKNOWN,
        /**
         * An MPM sizing directive ({@link #option()}, as {@link #written()}) is a value a template left unknown: the
         * MPM's compiled-in default ({@link #assumed()}) is counted.
         */
        MPM_VALUE_UNKNOWN,
        /**
         * The templates branch on values no one knows: every combination of branches read was checked, and the
         * footprint is that of the largest, which {@link #written()} names.
         */
        TEMPLATE_BRANCHES
    }

    private final Kind kind;
    private final Mpm.Kind mpm;
    private final Mount mount;
    private final DaemonGroup daemon;
    private final StackSize stack;
    private final long requestGrowth;
    private final PylonsApp app;
    private final SqlEngine engine;
    private String option;
    private String written;
    private long assumed;

    private Assumption(Kind kind, Mpm.Kind mpm, Mount mount, DaemonGroup daemon, StackSize stack, long requestGrowth,
            PylonsApp app, SqlEngine engine) {
        this.kind = kind;
        this.mpm = mpm;
        this.mount = mount;
        this.daemon = daemon;
        this.stack = stack;
        this.requestGrowth = requestGrowth;
        this.app = app;
        this.engine = engine;
    }

    static Assumption of(Kind kind) {
        return new Assumption(kind, null, null, null, null, 0, null, null);
    }

    static Assumption mpm(Mpm.Kind mpm) {
        return new Assumption(Kind.MPM_ASSUMED, mpm, null, null, null, 0, null, null);
    }

    static Assumption perRequest(Mount m) {
        return new Assumption(Kind.APPLICATION_GROUP_PER_REQUEST, null, m, null, null, 0, null, null);
    }

    static Assumption noMount(DaemonGroup g) {
        return new Assumption(Kind.NO_MOUNT_IN_DAEMON, null, null, g, null, 0, null, null);
    }

    static Assumption stackUnknown(DaemonGroup g, StackSize s) {
        return new Assumption(Kind.STACK_UNKNOWN, null, null, g, s, 0, null, null);
    }

    static Assumption growth(DaemonGroup g, long requestGrowth) {
        return new Assumption(Kind.GROWTH_NOT_COUNTED, null, null, g, null, requestGrowth, null, null);
    }

    static Assumption pool(PylonsApp app, SqlEngine engine) {
        return new Assumption(Kind.POOL_IN_ONE_PROCESS, null, null, null, null, 0, app, engine);
    }

    static Assumption poolSizeUnknown(PylonsApp app, SqlEngine engine) {
        return new Assumption(Kind.POOL_SIZE_UNKNOWN, null, null, null, null, 0, app, engine);
    }

    static Assumption daemonValue(DaemonGroup g, String option, String written, long assumed) {
        Assumption a = new Assumption(Kind.DAEMON_VALUE_UNKNOWN, null, null, g, null, 0, null, null);
        a.option = option;
        a.written = written;
        a.assumed = assumed;
        return a;
    }

    static Assumption mpmValue(String directive, String written, long assumed, Mpm.Kind mpm) {
        Assumption a = new Assumption(Kind.MPM_VALUE_UNKNOWN, mpm, null, null, null, 0, null, null);
        a.option = directive;
        a.written = written;
        a.assumed = assumed;
        return a;
    }

    /**
     * The footprint of the largest of {@code count} combinations of template branches, {@code which} saying which
     * ({@code when ckan_debug is false (templates/production.ini.j2:3)}).
     */
    public static Assumption branches(int count, String which) {
        Assumption a = new Assumption(Kind.TEMPLATE_BRANCHES, null, null, null, null, 0, null, null);
        a.written = which;
        a.assumed = count;
        return a;
    }

    /** The option or directive whose value is unknown ({@link Kind#DAEMON_VALUE_UNKNOWN}, {@link Kind#MPM_VALUE_UNKNOWN}), else null. */
    public String option() {
        return option;
    }

    /** That option's value as the rendered text has it (its unknown's token), else null. */
    public String written() {
        return written;
    }

    /** The value counted in its place ({@link Kind#DAEMON_VALUE_UNKNOWN}), else 0. */
    public long assumed() {
        return assumed;
    }

    public Kind kind() {
        return kind;
    }

    /** The MPM assumed ({@link Kind#MPM_ASSUMED}), else null. */
    public Mpm.Kind mpm() {
        return mpm;
    }

    /** The mount concerned, else null. */
    public Mount mount() {
        return mount;
    }

    /** The daemon group concerned, else null (for {@link Kind#STACK_UNKNOWN}: Apache's worker threads). */
    public DaemonGroup daemon() {
        return daemon;
    }

    /** The stack that is not known ({@link Kind#STACK_UNKNOWN}), else null. */
    public StackSize stack() {
        return stack;
    }

    /** The {@code requestGrowth} not counted ({@link Kind#GROWTH_NOT_COUNTED}), else 0. */
    public long requestGrowth() {
        return requestGrowth;
    }

    /** The application whose pool is concerned ({@link Kind#POOL_IN_ONE_PROCESS}, {@link Kind#POOL_SIZE_UNKNOWN}), else null. */
    public PylonsApp app() {
        return app;
    }

    /** The engine of that pool, else null. */
    public SqlEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return kind.toString();
    }
}
