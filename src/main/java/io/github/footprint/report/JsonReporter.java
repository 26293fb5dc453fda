package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.findings.Finding;
import io.github.footprint.findings.Redactor;
import io.github.footprint.findings.Severity;
import io.github.footprint.model.DaemonGroup;
import io.github.footprint.model.Mpm;
import io.github.footprint.model.MpmValue;
import io.github.footprint.model.StackSize;
import io.github.footprint.rules.RuleCatalog;

/**
 * {@code footprint.json}: the findings and the effective values per environment, written with Jackson's
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
            g.writeNumberField(camel(v.directive()), v.effective());
        }
        g.writeObjectFieldStart("setAt");
        for (MpmValue v : mpm.values().values()) {
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
    private static void writeStack(StackSize s, JsonGenerator g, Redactor r) throws IOException {
        if (s.known()) {
            g.writeNumberField("stackSize", s.bytes());
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
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
