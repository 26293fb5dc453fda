package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.findings.Finding;
import io.github.footprint.findings.Redactor;
import io.github.footprint.base.Severity;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.memory.Assumption;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.Host;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.model.memory.StackSize;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.RuleCatalog;

/**
 * {@code footprint.json}: the findings, the effective values, the worst-case memory and the database connections
 * per environment, written with Jackson's
 * streaming generator, two-space indented, {@code \n} line ends, no timestamps, no absolute paths; written
 * to a temporary file and renamed, so a killed build leaves no half-written report.
 */
public final class JsonReporter {
    /** The file name in the output directory. */
    public static final String FILE = "footprint.json";

    public Path write(CheckResult result, Path outputDirectory) throws IOException {
        return ReportFiles.writeJson(outputDirectory, FILE, g -> write(result, g));
    }


    /** The MPM, its effective sizing values (camelCase keys), and where each is set ({@code setAt}). */
    private static void writeMpm(Mpm mpm, JsonGenerator g) throws IOException {
        if (mpm == null || mpm.kind() == null) {
            g.writeNullField("mpm");
            return;
        }
        g.writeStringField("mpm", mpm.kind().label());
        g.writeBooleanField("mpmAssumed", mpm.assumed());
        for (MpmValue v : mpm.values().values()) {
            g.writeNumberField(camel(v.directive().directiveName()), v.effective());
        }
        g.writeObjectFieldStart("setAt");
        for (MpmValue v : mpm.values().values()) {
            if (v.location() != null) {
                g.writeObjectFieldStart(camel(v.directive().directiveName()));
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
    private static void writeStack(StackSize s, JsonGenerator g, Redactor r) throws IOException {
        if (s.known()) {
            g.writeNumberField("stackSize", s.bytes().getAsLong());
        } else {
            g.writeNullField("stackSize");
        }
        if (s.isDefault()) {
            g.writeStringField("stackSizeFrom", "default");
        } else {
            g.writeObjectFieldStart("stackSizeFrom");
            g.writeStringField("setting", r.mask(s.setting()));
            g.writeStringField("file", s.location().file());
            g.writeNumberField("line", s.location().line());
            g.writeEndObject();
        }
    }

    private static String camel(String directive) {
        return Character.toLowerCase(directive.charAt(0)) + directive.substring(1);
    }

    private static void write(CheckResult result, JsonGenerator g) throws IOException {
        Redactor r = result.redactor();
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", "footprint-maven-plugin");
        g.writeStringField("version", result.toolVersion());
        g.writeEndObject();
        g.writeObjectFieldStart("summary");
        g.writeNumberField("errors", result.count(Severity.ERROR));
        g.writeNumberField("warnings", result.count(Severity.WARNING));
        g.writeNumberField("infos", result.count(Severity.INFO));
        g.writeEndObject();
        g.writeArrayFieldStart("environments");
        for (EnvironmentResult env : result.environments()) {
            g.writeStartObject();
            g.writeStringField("id", env.id());
            g.writeArrayFieldStart("findings");
            for (Finding f : env.findings()) {
                g.writeStartObject();
                g.writeStringField("rule", f.ruleId());
                g.writeStringField("severity", f.severity().label());
                g.writeStringField("message", r.mask(f.message()));
                g.writeStringField("file", f.location().file());
                g.writeNumberField("line", f.location().line());
                g.writeStringField("help", RuleCatalog.docUrl(f.ruleId()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("effective");
            writeMpm(env.deployment().mpm(), g);
            g.writeArrayFieldStart("daemons");
            for (DaemonGroup d : env.deployment().daemons()) {
                g.writeStartObject();
                g.writeStringField("name", r.mask(d.name()));
                g.writeNumberField("processes", d.processes());
                g.writeNumberField("threads", d.threads());
                g.writeNumberField("maximumRequests", d.maximumRequests());
                writeStack(env.deployment().stacks().daemon(d).requestThreads(), g, r);
                g.writeStringField("file", d.location().file());
                g.writeNumberField("line", d.location().line());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            Footprint fp = env.deployment().footprint();
            writeMemory(fp, env.deployment().parameters().host(), g, r);
            writeConnections(fp, env.deployment().parameters().host(), g, r);
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
    private static void writeMemory(Footprint fp, Host h, JsonGenerator g, Redactor r) throws IOException {
        g.writeObjectFieldStart("memory");
        g.writeNumberField("residentBytes", fp.resident());
        g.writeNumberField("virtualBytes", fp.virtual());
        writeBudget("budgetBytes", h.memory(), g);
        writeBudget("virtualBudgetBytes", h.virtualMemory(), g);
        if (h.memory() == Host.UNSET) {
            g.writeNullField("headroomBytes");
        } else {
            g.writeNumberField("headroomBytes", h.memory() - fp.resident());
        }
        g.writeNumberField("arenaMax", fp.arenaMax());
        g.writeNumberField("appRssBytes", h.appRss());
        g.writeNumberField("cpuCores", h.cpuCores());
        g.writeNumberField("requestGrowthBytes", h.requestGrowth());
        g.writeArrayFieldStart("components");
        for (Footprint.Component c : fp.components()) {
            writeComponent(c, g, r);
        }
        g.writeEndArray();
        if (fp.gracefulStop().isPresent()) {
            g.writeFieldName("gracefulStop");
            writeComponent(fp.gracefulStop().get(), g, r);
        } else {
            g.writeNullField("gracefulStop");
        }
        g.writeArrayFieldStart("assumptions");
        for (Assumption a : fp.assumptions()) {
            g.writeString(r.mask(Phrases.assumption(a)));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeBudget(String field, long value, JsonGenerator g) throws IOException {
        if (value == Host.UNSET) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    private static void writeComponent(Footprint.Component c, JsonGenerator g, Redactor r) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", r.mask(c.name()));
        g.writeNumberField("count", c.count());
        g.writeNumberField("residentBytesEach", c.residentEach());
        g.writeNumberField("virtualBytesEach", c.virtualEach());
        g.writeNumberField("residentBytes", c.resident());
        g.writeNumberField("virtualBytes", c.virtual());
        g.writeNumberField("stacksBytesEach", c.stacksEach());
        g.writeNumberField("arenasBytesEach", c.arenasEach());
        g.writeStringField("file", c.location().file());
        g.writeNumberField("line", c.location().line());
        g.writeStringField("sizedBy", r.mask(Phrases.sizedBy(c)));
        g.writeEndObject();
    }

    /**
     * {@code databaseConnections}: the most connections every pool together opens ({@code max}, null when a pool
     * has no limit), the budget (null when unset), and each pool: its application (INI file and section), engine
     * prefix, the processes that each hold one, its limit per process and where it is sized. Engine URLs are never
     * written.
     */
    private static void writeConnections(Footprint fp, Host h, JsonGenerator g, Redactor r) throws IOException {
        long max = fp.connections().orElse(-1);
        g.writeObjectFieldStart("databaseConnections");
        if (max < 0) {
            g.writeNullField("max");
        } else {
            g.writeNumberField("max", max);
        }
        g.writeBooleanField("unbounded", max < 0);
        writeBudget("budget", h.databaseConnections(), g);
        g.writeArrayFieldStart("pools");
        for (Footprint.Pool p : fp.pools()) {
            g.writeStartObject();
            // the application: its INI file and section, app/production.ini [app:main]
            g.writeStringField("app", r.mask(p.app().location().file() + " [" + p.app().section().name() + "]"));
            g.writeStringField("prefix", r.mask(p.engine().prefix()));
            g.writeNumberField("processes", p.processes());
            if (p.unbounded()) {
                g.writeNullField("perProcess");
                g.writeNullField("connections");
            } else {
                g.writeNumberField("perProcess", p.perProcess().getAsInt());
                g.writeNumberField("connections", p.connections().getAsLong());
            }
            g.writeStringField("file", p.location().file());
            g.writeNumberField("line", p.location().line());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
