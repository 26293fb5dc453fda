package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.DaemonView;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.FootprintView;
import io.github.footprint.findings.MpmView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;
import io.github.footprint.model.Host;

/**
 * {@code footprint.json}: the findings, the effective values, the worst-case memory and the database connections
 * per environment, written with Jackson's
 * streaming generator, two-space indented, {@code \n} line ends, no timestamps, no absolute paths; written
 * to a temporary file and renamed, so a killed build leaves no half-written report.
 */
public final class JsonReporter implements Reporter {
    /** The file name in the output directory. */
    public static final String FILE = "footprint.json";

    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) throws IOException {
        return Optional.of(ReportFiles.writeJson(target.outputDirectory(), FILE, g -> write(view, g)));
    }

    /** The MPM, its effective sizing values (camelCase keys), and where each is set ({@code setAt}). */
    private static void writeMpm(Optional<MpmView> view, JsonGenerator g) throws IOException {
        if (view.isEmpty()) {
            g.writeNullField("mpm");
            return;
        }
        MpmView mpm = view.get();
        g.writeStringField("mpm", mpm.label());
        g.writeBooleanField("mpmAssumed", mpm.assumed());
        for (MpmView.Value v : mpm.values()) {
            g.writeNumberField(camel(v.directive()), v.effective());
        }
        g.writeObjectFieldStart("setAt");
        for (MpmView.Value v : mpm.values()) {
            if (v.location() != null) {
                g.writeObjectFieldStart(camel(v.directive()));
                g.writeStringField("file", v.location().file());
                g.writeNumberField("line", v.location().line());
                g.writeNumberField("configured", v.configured());
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }

    /**
     * The stack a daemon's request threads get ({@code stackSize}, bytes; null when set by a value footprint cannot
     * compute) and where it comes from ({@code stackSizeFrom}: {@code "default"}, or the setting with file and line).
     */
    private static void writeStack(DaemonView d, JsonGenerator g) throws IOException {
        if (d.stackKnown()) {
            g.writeNumberField("stackSize", d.stackBytes());
        } else {
            g.writeNullField("stackSize");
        }
        if (d.stackDefault()) {
            g.writeStringField("stackSizeFrom", "default");
        } else {
            g.writeObjectFieldStart("stackSizeFrom");
            g.writeStringField("setting", d.stackSetting());
            g.writeStringField("file", d.stackLocation().file());
            g.writeNumberField("line", d.stackLocation().line());
            g.writeEndObject();
        }
    }

    /**
     * {@code platform}: the distribution whose stock tree surrounded a project without a main httpd file
     * ({@code name}: {@code debian}, {@code httpd}, {@code none}), whether {@code platform=auto} chose it, why, whether
     * it applied (false: the project has its own main file), and the server read, as the table's first line says it.
     */
    private static void writePlatform(EnvironmentView env, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("platform");
        g.writeStringField("name", env.platform());
        g.writeBooleanField("auto", env.platformAuto());
        g.writeStringField("reason", env.platformReason());
        g.writeBooleanField("applied", env.platformApplied());
        if (env.footprint().server().isPresent()) {
            g.writeStringField("server", env.footprint().server().get());
        } else {
            g.writeNullField("server");
        }
        g.writeEndObject();
    }

    private static String camel(String directive) {
        return Character.toLowerCase(directive.charAt(0)) + directive.substring(1);
    }

    private static void write(ReportView view, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "footprint-maven-plugin");
        g.writeStringField("version", view.toolVersion());
        g.writeEndObject();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("errors", view.count(Severity.ERROR));
        g.writeNumberField("warnings", view.count(Severity.WARNING));
        g.writeNumberField("infos", view.count(Severity.INFO));
        g.writeEndObject();
        g.writeArrayFieldStart("environments");
        for (EnvironmentView env : view.environments()) {
            g.writeStartObject();
            g.writeStringField("id", env.id());
            g.writeArrayFieldStart("findings");
            for (ReportedFinding f : env.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.ruleId());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("message", f.message());
                if (f.detail().isEmpty()) {
                    g.writeNullField("detail");
                } else {
                    g.writeStringField("detail", f.detail());
                }
                g.writeStringField("file", f.location().file());
                g.writeNumberField("line", f.location().line());
                g.writeArrayFieldStart("locations");
                for (ReportedFinding.Place p : f.places()) {
                    g.writeStartObject();
                    g.writeStringField("file", p.location().file());
                    g.writeNumberField("line", p.location().line());
                    g.writeEndObject();
                }
                g.writeEndArray();
                Optional<String> help = view.helpUrl(f.ruleId());
                if (help.isPresent()) {
                    g.writeStringField("help", help.get());
                } else {
                    g.writeNullField("help");
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            writePlatform(env, g);
            g.writeObjectFieldStart("effective");
            writeMpm(env.mpm(), g);
            g.writeArrayFieldStart("daemons");
            for (DaemonView d : env.daemons()) {
                g.writeStartObject();
                g.writeStringField("name", d.name());
                g.writeNumberField("processes", d.processes());
                g.writeNumberField("threads", d.threads());
                g.writeNumberField("maximumRequests", d.maximumRequests());
                writeStack(d, g);
                g.writeStringField("file", d.location().file());
                g.writeNumberField("line", d.location().line());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            writeMemory(env.footprint(), g);
            writeConnections(env.footprint(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * {@code memory}: the worst-case totals, the budgets (null when unset) and the resident headroom (negative when
     * over), the host statements the estimate used, every component, the event MPM's graceful-stop children (not in
     * the totals), and the assumptions.
     */
    private static void writeMemory(FootprintView fp, JsonGenerator g) throws IOException {
        Host h = fp.host();
        g.writeObjectFieldStart("memory");
        g.writeNumberField("residentBytes", fp.resident());
        g.writeNumberField("virtualBytes", fp.virtual());
        writeBudget("budgetBytes", h.memory(), g);
        writeBudget("virtualBudgetBytes", h.virtualMemory(), g);
        if (h.memory().isEmpty()) {
            g.writeNullField("headroomBytes");
        } else {
            g.writeNumberField("headroomBytes", h.memory().getAsLong() - fp.resident());
        }
        g.writeNumberField("arenaMax", fp.arenaMax());
        g.writeNumberField("appRssBytes", h.appRss());
        g.writeNumberField("cpuCores", h.cpuCores());
        g.writeNumberField("requestGrowthBytes", h.requestGrowth());
        g.writeArrayFieldStart("components");
        for (FootprintView.Component c : fp.components()) {
            writeComponent(c, g);
        }
        g.writeEndArray();
        if (fp.gracefulStop().isPresent()) {
            g.writeFieldName("gracefulStop");
            writeComponent(fp.gracefulStop().get(), g);
        } else {
            g.writeNullField("gracefulStop");
        }
        g.writeArrayFieldStart("assumptions");
        for (String a : fp.assumptions()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeBudget(String field, OptionalLong value, JsonGenerator g) throws IOException {
        if (value.isEmpty()) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.getAsLong());
        }
    }

    private static void writeComponent(FootprintView.Component c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeNumberField("count", c.count());
        g.writeNumberField("residentBytesEach", c.residentEach());
        g.writeNumberField("virtualBytesEach", c.virtualEach());
        g.writeNumberField("residentBytes", c.resident());
        g.writeNumberField("virtualBytes", c.virtual());
        g.writeNumberField("stacksBytesEach", c.stacksEach());
        g.writeNumberField("arenasBytesEach", c.arenasEach());
        g.writeStringField("file", c.location().file());
        g.writeNumberField("line", c.location().line());
        g.writeStringField("sizedBy", c.sizedBy());
        g.writeEndObject();
    }

    /**
     * A pool's {@code link}: how a mount reaches its application ({@code script}: the alias target the script runs
     * as; {@code mount}: the alias line; {@code loader} and {@code call}: the loader call; {@code derivation}: how the
     * script computes the path, one line; {@code path}: the host path it opens; {@code file} and {@code mapping}: the
     * project file it maps to and by what rule; {@code section}); null when no mount reaches it.
     */
    private static void writeLink(FootprintView.Pool p, JsonGenerator g) throws IOException {
        if (p.link().isEmpty()) {
            g.writeNullField("link");
            return;
        }
        FootprintView.Link l = p.link().get();
        g.writeObjectFieldStart("link");
        g.writeStringField("script", l.script().orElse(null));
        g.writeStringField("mount", l.mount().toString());
        g.writeStringField("loader", l.loader());
        g.writeStringField("call", l.call().toString());
        g.writeStringField("derivation", l.derivation());
        g.writeStringField("path", l.path());
        g.writeStringField("file", l.file());
        g.writeStringField("mapping", l.mapping());
        g.writeStringField("section", l.section());
        g.writeEndObject();
    }

    /**
     * {@code databaseConnections}: the most connections every pool together opens ({@code max}, null when a pool
     * has no limit or an unknown size), whether it is unbounded or unknown, the budget (null when unset), and each
     * pool: its application (INI file and section), engine prefix, the processes that each hold one and why, its
     * limit per process and where it comes from, where it is sized, and the link from a mount. Engine URLs are never
     * written.
     */
    private static void writeConnections(FootprintView fp, JsonGenerator g) throws IOException {
        OptionalLong max = fp.connections();
        g.writeObjectFieldStart("databaseConnections");
        if (max.isEmpty()) {
            g.writeNullField("max");
        } else {
            g.writeNumberField("max", max.getAsLong());
        }
        g.writeBooleanField("unbounded", max.isEmpty() && !fp.connectionsUnknown());
        g.writeBooleanField("unknown", fp.connectionsUnknown());
        g.writeNumberField("hosts", fp.hosts());
        OptionalLong fleet = fp.fleetConnections();
        if (fleet.isEmpty()) {
            g.writeNullField("fleetMax");
        } else {
            g.writeNumberField("fleetMax", fleet.getAsLong());
        }
        writeBudget("budget", fp.host().databaseConnections(), g);
        g.writeArrayFieldStart("pools");
        for (FootprintView.Pool p : fp.pools()) {
            g.writeStartObject();
            // the application: its INI file and section, app/production.ini [app:main]
            g.writeStringField("app", p.appFile() + " [" + p.appSection() + "]");
            g.writeStringField("prefix", p.prefix());
            g.writeNumberField("processes", p.processes());
            if (p.perProcess().isEmpty()) {
                g.writeNullField("perProcess");
                g.writeNullField("connections");
            } else {
                g.writeNumberField("perProcess", p.perProcess().getAsLong());
                g.writeNumberField("connections", p.connections().getAsLong());
            }
            g.writeBooleanField("unknown", p.unknown());
            g.writeStringField("perProcessFrom", p.perProcessFrom());
            g.writeStringField("processesFrom", p.processesFrom());
            g.writeStringField("file", p.location().file());
            g.writeNumberField("line", p.location().line());
            writeLink(p, g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
