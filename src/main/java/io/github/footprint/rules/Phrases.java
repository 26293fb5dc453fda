package io.github.footprint.rules;

import java.util.List;

import io.github.footprint.base.Sizes;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.memory.Footprint.WsgiState;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.memory.StackSize;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.pylons.Loadapp;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.python.Derivation;

/**
 * The phrases rules and reports share about the footprint and about how a Pylons app is reached: what sizes a
 * component, the terms of its resident size, an assumption, where a pool's process count and limit come from, the
 * arena cap, the link from a mount to an app. The model holds the numbers; these are its words.
 */
public final class Phrases {
    private Phrases() {
    }

    /**
     * Clauses as a sentence: the first letter in capitals (unless the first word is a name as written, such as
     * mod_wsgi or threads=5), a final period; empty stays empty. A quotation mark of
     * {@link io.github.footprint.base.Excerpt} at the start is passed over.
     */
    public static String sentence(String clauses) {
        if (clauses.isEmpty()) {
            return clauses;
        }
        int i = clauses.charAt(0) == io.github.footprint.base.Excerpt.OPEN ? 1 : 0;
        int space = clauses.indexOf(' ', i);
        String word = clauses.substring(i, space < 0 ? clauses.length() : space);
        // a name as written stays as written: mod_wsgi, threads=5, config/environment.py
        boolean name = word.chars().anyMatch(c -> "_=./()%".indexOf(c) >= 0);
        String s = i < clauses.length() && !name ? clauses.substring(0, i) + Character.toUpperCase(clauses.charAt(i))
                + clauses.substring(i + 1) : clauses;
        return s.endsWith(".") ? s : s + ".";
    }

    /**
     * A sentence as the second half of another, after a semicolon: its first letter in lower case, unless its first
     * word is a name written with capitals ({@code WSGIDaemonProcess}, {@code MaxRequestWorkers}).
     */
    public static String lower(String sentence) {
        if (sentence.length() < 2 || !Character.isUpperCase(sentence.charAt(0))
                || Character.isUpperCase(sentence.charAt(1))) {
            return sentence;
        }
        int space = sentence.indexOf(' ');
        String word = space < 0 ? sentence : sentence.substring(0, space);
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return sentence;
            }
        }
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /**
     * The stack a kind of thread gets and where it comes from: {@code 8 MiB (glibc's default under the usual ulimit -s
     * 8192)}, {@code 512 KiB (stack-size=524288 at app.conf:3)}, {@code unknown (ulimit -s $STACK at envvars:4 is not a
     * literal number)}.
     */
    public static String stack(StackSize s) {
        switch (s.source()) {
            case DEFAULT:
                return Sizes.format(s.bytes().getAsLong()) + " (glibc's default under the usual ulimit -s 8192)";
            case UNKNOWN:
                return "unknown (" + s.setting() + " at " + s.location() + " is not a literal number)";
            case RLIMIT_UNLIMITED:
                return Sizes.format(s.bytes().getAsLong()) + " (glibc's x86_64 default when RLIMIT_STACK is unlimited: "
                        + s.setting() + " at " + s.location() + ")";
            default:
                return Sizes.format(s.bytes().getAsLong()) + " (" + s.setting() + " at " + s.location() + ")";
        }
    }

    /** What sets a component's count: {@code MaxRequestWorkers 150 / ThreadsPerChild 25}, {@code processes=2 threads=15}. */
    public static String sizedBy(Footprint.Component c) {
        Mpm mpm = c.mpm();
        switch (c.part()) {
            case APACHE_PARENT:
                return "one per server";
            case APACHE_CHILDREN:
                if (c.stopping()) {
                    long limit = mpm.effective(MpmDirective.SERVER_LIMIT);
                    return "ServerLimit " + limit + " less the " + (limit - c.count()) + " children counted";
                }
                if (mpm.kind() == Mpm.Kind.PREFORK) {
                    return "MaxRequestWorkers " + c.count();
                }
                return "MaxRequestWorkers " + mpm.effective(MpmDirective.MAX_REQUEST_WORKERS) + " / ThreadsPerChild "
                        + mpm.effective(MpmDirective.THREADS_PER_CHILD);
            case EMBEDDED_APPLICATIONS: {
                Mount first = c.firstEmbedded();
                return c.applicationGroups() + " application group(s) per child, " + first.directive() + " "
                        + first.url() + " at " + first.location();
            }
            default:
                return "processes=" + c.count() + " threads=" + c.threads().orElse(0);
        }
    }

    /** The terms of one process's resident size: {@code 11.5 MiB + 15 threads x 40.4 KiB + 1 x appRss 40 MiB}. */
    public static String residentTerms(Footprint.Component c) {
        switch (c.part()) {
            case APACHE_PARENT:
                return Sizes.format(c.measuredEach()) + " measured, " + c.mpm().kind().label()
                        + (c.wsgi() != WsgiState.NOT_LOADED ? ", mod_wsgi loaded" : "");
            case APACHE_CHILDREN:
                return Sizes.format(c.measuredEach()) + " measured, " + c.mpm().kind().label() + ", "
                        + (c.wsgi() == WsgiState.NOT_LOADED ? "mod_wsgi not loaded"
                                : c.wsgi() == WsgiState.RESTRICTED ? "WSGIRestrictEmbedded On"
                                        : "Python initialised in every child");
            case EMBEDDED_APPLICATIONS:
                return c.applicationGroups() + " x appRss " + Sizes.format(c.appRss());
            default:
                return Sizes.format(c.measuredEach()) + " + " + c.threads().orElse(0) + " threads x "
                        + Sizes.format(c.threadResident()) + " + " + c.applicationGroups() + " x appRss "
                        + Sizes.format(c.appRss()) + (c.requestGrowth() > 0 ? " + maximum-requests "
                                + c.daemon().maximumRequests() + " x requestGrowth " + Sizes.format(c.requestGrowth())
                                : "");
        }
    }

    /** What the estimate rests on, as a sentence without a final period. */
    public static String assumption(Assumption a) {
        switch (a.kind()) {
            case NO_MPM_LOADED:
                return "no MPM is loaded, so httpd does not start (FP101): Apache's own processes are not counted";
            case MPM_ASSUMED:
                return "no main httpd file loads an MPM: " + a.mpm().label()
                        + " with its compiled-in defaults is assumed (parameter mpm)";
            case MOD_WSGI_ASSUMED_LOADED:
                return "the project has no main httpd file: mod_wsgi is assumed loaded by the host's";
            case APPLICATION_GROUP_PER_REQUEST:
                return a.mount().directive() + " at " + a.mount().location() + " chooses its application group per"
                        + " request: one application per child assumed for it";
            case NO_MOUNT_IN_DAEMON:
                return "no WSGIScriptAlias of the project runs in daemon '" + a.daemon().name() + "' ("
                        + a.daemon().location() + "): one application assumed in each of its processes";
            case STACK_UNKNOWN:
                return "the stack of " + (a.daemon() == null ? "Apache's worker threads" : "daemon '" + a.daemon().name()
                        + "'") + " is " + stack(a.stack()) + ": 8 MiB assumed";
            case GROWTH_NOT_COUNTED:
                return "daemon '" + a.daemon().name() + "' (" + a.daemon().location() + ") has no maximum-requests, so at"
                        + " requestGrowth " + Sizes.format(a.requestGrowth()) + " its processes grow without bound"
                        + " (FP202); the growth is not counted";
            case DAEMON_VALUE_UNKNOWN:
                return a.option() + "=" + a.written() + " of daemon '" + a.daemon().name() + "' ("
                        + a.daemon().location() + ") is a value the template leaves unknown: mod_wsgi's default "
                        + a.option() + "=" + a.assumed() + " is counted; give its variable a value to count the real one";
            case MPM_VALUE_UNKNOWN:
                return a.option() + " (" + a.written() + ") is a value the template leaves unknown: the "
                        + a.mpm().label() + " MPM's compiled-in " + a.assumed() + " is counted; give its variable a"
                        + " value to count the real one";
            case TEMPLATE_BRANCHES:
                return "the templates branch on values no one knows: " + a.assumed() + " combinations of their"
                        + " branches were read, and the largest footprint is counted, " + a.written();
            case POOL_SIZE_UNKNOWN:
                return "the pool of " + a.app().ini().file().displayPath() + " [" + a.app().section().name() + "] ("
                        + a.engine().prefix() + ") is not counted: " + unreadableSize(a.engine());
            default:
                return "the pool of " + a.app().ini().file().displayPath() + " [" + a.app().section().name() + "] ("
                        + a.engine().prefix() + ") is counted for one process: " + link(a.app());
        }
    }

    /** Where a pool's process count comes from: the daemon's {@code processes}, the Apache children, or one assumed. */
    public static String processesFrom(Footprint.Pool p) {
        DaemonGroup g = p.app().servedBy();
        if (g != null) {
            return "processes=" + p.processes() + " of daemon '" + g.name() + "' (" + g.location() + ")";
        }
        if (p.inApacheChildren()) {
            return p.processes() + " Apache children (it runs embedded)";
        }
        return "one process assumed (" + link(p.app()) + ")";
    }

    /**
     * Why a pool's size is unknown: {@code pool_size '3 # 5 is default' (production.ini:23) is not an integer:
     * SQLAlchemy raises ValueError at start-up, so the app does not start as written; meant: 3 + 7 = 10 per process}.
     */
    public static String unreadableSize(SqlEngine e) {
        Integer size = e.meantPoolSize();
        Integer overflow = e.meantMaxOverflow();
        return notAnInteger(e) + (size != null && overflow != null ? "; meant: " + size + " + " + overflow + " = "
                + (size + overflow) + " per process" : "");
    }

    /**
     * {@code pool_size '3 # 5 is default' (production.ini:23) is not an integer: SQLAlchemy raises ValueError at
     * start-up, so the application does not start as written}.
     */
    public static String notAnInteger(SqlEngine e) {
        Setting s = e.unreadableSetting();
        String option = s.key().substring(e.prefix().length());
        if (s.unknown()) {
            return option + " '" + s.value() + "' (" + s.location() + ") is a value the template leaves unknown: give"
                    + " its variable a value to count the pool";
        }
        return option + " '" + s.value() + "' (" + s.location() + ") is not an integer: SQLAlchemy raises ValueError"
                + " at start-up, so the application does not start as written";
    }

    /** {@code pool_size 5 + max_overflow 10 (SQLAlchemy's defaults)}, or why the pool has no limit or no known size. */
    public static String perProcessFrom(Footprint.Pool p) {
        SqlEngine e = p.engine();
        Integer size = e.poolSize();
        Integer overflow = e.maxOverflow();
        if (size == null || overflow == null) {
            return "unknown: " + unreadableSize(e);
        }
        if (size == 0 || overflow < 0) {
            return size == 0 ? "pool_size = 0 (no limit)" : "max_overflow = " + overflow + " (no limit)";
        }
        return "pool_size " + size + (e.poolSizeLocation() == null ? " (default)" : "") + " + max_overflow " + overflow
                + (e.maxOverflowLocation() == null ? " (default)" : "");
    }

    /** {@code MALLOC_ARENA_MAX=2 (apache2/envvars:4)} or {@code glibc's default of 8 per core x cpuCores 2}. */
    public static String arenaMaxFrom(Footprint fp) {
        if (fp.arenaMaxSetting().isPresent()) {
            Fact f = fp.arenaMaxSetting().get();
            return "MALLOC_ARENA_MAX=" + f.number() + " (" + f.location() + ")";
        }
        return "glibc's default of 8 per core x cpuCores " + fp.cpuCores();
    }

    /**
     * How a mount leads to an app and the daemon group that runs it, or why no mount does: {@code WSGIScriptAlias /
     * (apache/app.conf:5) runs /srv/app/app.wsgi [...], whose paste.deploy.loadapp (app/app.wsgi:3) opens
     * /srv/app/production.ini [...] in daemon group 'app' (...)}; for an app no mount reaches, the loader calls of
     * mounted scripts that reach no INI file of the project, each with why.
     */
    public static String link(PylonsApp app) {
        Loadapp l = app.loadapp();
        if (l == null) {
            String name = app.section().shortName();
            StringBuilder b = new StringBuilder("no WSGIScriptAlias of the project leads to a .wsgi script that loads "
                    + app.ini().file().displayPath() + (name.equals("main") ? "" : "#" + name));
            List<Loadapp> open = app.unresolved();
            for (int i = 0; i < open.size(); i++) {
                b.append(i == 0 ? ": " : "; ").append(unresolved(open.get(i)));
            }
            return b.toString();
        }
        String through = app.reachedThrough() == null ? "" : " (it reaches [" + app.section().name() + "] through ["
                + app.reachedThrough() + "])";
        String group = app.processGroup();
        if (group == null) {
            return loadapp(l) + through + "; it runs embedded in the Apache children, in no daemon group";
        }
        return loadapp(l) + through + (app.servedBy() != null ? " in daemon group '" + group + "' ("
                + app.servedBy().location() + ")" : "; its process group '" + group + "' is not defined");
    }

    /**
     * {@code WSGIScriptAlias / (apache/app.conf:5) runs /srv/app/app.wsgi [mapping], whose paste.deploy.loadapp
     * (app/app.wsgi:3) opens /srv/app/production.ini [mapping], section main}.
     */
    public static String loadapp(Loadapp l) {
        return runs(l) + ", whose " + l.loader() + " (" + l.location() + ") opens " + l.hostPath() + " ["
                + l.iniMapping().description() + "], section " + (l.section() == null ? "unknown" : l.section());
    }

    /** {@code WSGIScriptAlias / (apache/app.conf:5) runs /srv/app/app.wsgi [mapping]}. */
    private static String runs(Loadapp l) {
        Mount m = l.mount();
        return m.directive() + " " + m.url() + " (" + m.location() + ") runs " + (l.scriptFile() == null ? m.script()
                : l.scriptFile()) + " [" + l.scriptMapping().description() + "]";
    }

    /**
     * How the script computes the path its loader opens, on one line: {@code __file__ = '/srv/app/app.wsgi' (...)
     * (line 1) -> os.path.dirname(...) (line 1) -> ... -> '/srv/app/production.ini'}, or {@code ... -> unknown:
     * why (where)}.
     */
    public static String derivation(Loadapp l) {
        return l.derivation() == null ? "no loader call" : l.derivation().describe();
    }

    /** A loader call of a mounted script that reaches no INI file of the project, and why. */
    public static String unresolved(Loadapp l) {
        switch (l.missing()) {
            case SCRIPT_REFUSED:
                return runs(l) + ", which CPython refuses to compile (" + l.scriptDisplay() + "), so it loads nothing";
            case NO_LOADER:
                return runs(l) + ", which calls no INI loader footprint knows (loadapp, appconfig, get_app,"
                        + " get_appsettings, CKANConfigLoader, ConfigParser.read)";
            case PATH_UNKNOWN: {
                Derivation d = l.derivation();
                return runs(l) + ", whose " + l.loader() + " (" + l.location() + ") opens a path footprint cannot"
                        + " compute: " + d.reason() + (d.reasonLocation() == null ? "" : " (" + d.reasonLocation()
                                + ")");
            }
            case SECTION_UNKNOWN: {
                Derivation d = l.sectionDerivation();
                return runs(l) + ", whose " + l.loader() + " (" + l.location() + ") opens " + l.hostPath()
                        + " but takes a section footprint cannot compute: " + (d == null ? "none is named" : d.reason()
                                + (d.reasonLocation() == null ? "" : " (" + d.reasonLocation() + ")"));
            }
            case OUTSIDE:
                return runs(l) + ", whose " + l.loader() + " (" + l.location() + ") opens " + l.hostPath()
                        + ", which no rule maps into the project (set pathMappings for its folder)";
            default:
                return runs(l) + ", whose " + l.loader() + " (" + l.location() + ") opens " + l.hostPath()
                        + ", mapped to " + l.iniFile() + " [" + l.iniMapping().description() + "], which is no INI"
                        + " file of the project";
        }
    }

    /**
     * The server a project without a main httpd file was read in, for the table's first line and reports, or empty
     * when the project has its own main file: {@code Debian 12's stock apache2 2.4.71 (platform=debian (auto: folder
     * deploy/sites-available/))}, {@code assumed: event MPM with httpd's compiled-in values ...}.
     */
    public static java.util.Optional<String> server(io.github.footprint.source.PlatformChoice p, Mpm mpm) {
        if (!p.applied()) {
            return java.util.Optional.empty();
        }
        String why = p.describe();
        if (p.platform() != io.github.footprint.base.Platform.NONE) {
            return java.util.Optional.of(p.platform().serverName() + " (" + why + ")");
        }
        return java.util.Optional.of("assumed: " + (mpm.kind() == null ? "no MPM" : mpm.kind().label() + " MPM")
                + " with httpd's compiled-in values, no distribution's configuration (" + why + ")");
    }
}
