package io.github.footprint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.findings.Finding;
import io.github.footprint.base.Severity;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.SourceFile;

/**
 * {@code footprint.sarif}: SARIF 2.1.0 as GitHub code scanning reads it (STYLE.md §7). The rules come from the
 * catalogue with their pages as help; results point at the template file and line relative to the project
 * base directory, and carry a fingerprint of the rule, the file, the line's text and the environment, so an
 * alert survives edits elsewhere in the file.
 */
public final class SarifReporter {
    /** The file name in the output directory. */
    public static final String FILE = "footprint.sarif";
    /** The partial fingerprint's key. */
    static final String FINGERPRINT = "footprintLineHash/v1";

    public Path write(CheckResult result, Path outputDirectory) throws IOException {
        return ReportFiles.writeJson(outputDirectory, FILE, g -> write(result, g));
    }

    private static void write(CheckResult result, JsonGenerator g) throws IOException {
        List<Rule> rules = RuleCatalog.rules();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            index.put(rules.get(i).meta().id(), i);
        }
        g.writeStartObject();
        g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "footprint-maven-plugin");
        g.writeStringField("version", result.toolVersion());
        g.writeStringField("informationUri", RuleCatalog.PROJECT_URL);
        g.writeArrayFieldStart("rules");
        for (Rule r : rules) {
            writeRule(r.meta(), g);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (EnvironmentResult env : result.environments()) {
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : env.findings()) {
                writeResult(result, env, f, index.get(f.ruleId()), seen, g);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRule(RuleMeta m, JsonGenerator g) throws IOException {
        String page = page(m.id());
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("name", m.name());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", m.summary());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", whatItFinds(page, m.summary()));
        g.writeEndObject();
        g.writeObjectFieldStart("help");
        g.writeStringField("text", page);
        g.writeStringField("markdown", page);
        g.writeEndObject();
        g.writeStringField("helpUri", RuleCatalog.docUrl(m.id()));
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(m.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("footprint");
        g.writeString(family(m.id()));
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResult(CheckResult result, EnvironmentResult env, Finding f, Integer ruleIndex,
            Map<String, Integer> seen, JsonGenerator g) throws IOException {
        String file = f.location().file().isEmpty() ? env.deployment().sources().sourceRoot() : f.location().file();
        int line = Math.max(1, f.location().line());
        String text = lineText(env, f.location().file(), f.location().line());
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        if (ruleIndex != null) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", result.redactor().mask(f.message()));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", file);
        g.writeEndObject();
        g.writeObjectFieldStart("region");
        g.writeNumberField("startLine", line);
        g.writeNumberField("startColumn", 1);
        g.writeNumberField("endLine", line);
        g.writeNumberField("endColumn", Math.max(1, text.length()) + 1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        String key = f.ruleId() + '\0' + file + '\0' + text.strip().replaceAll("\\s+", " ") + '\0' + env.id();
        int n = seen.merge(key, 1, Integer::sum);
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, sha256(key + '\0' + n).substring(0, 32));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("environment", env.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The rendered text of the finding's template line, or empty (whole-file findings, unread files). */
    private static String lineText(EnvironmentResult env, String file, int templateLine) {
        if (templateLine <= 0 || file.isEmpty()) {
            return "";
        }
        SourceFile f = env.deployment().sources().byDisplayPath(file).orElse(null);
        if (f == null) {
            return "";
        }
        int i = f.renderedIndex(templateLine);
        return i < 0 ? "" : f.lines().get(i);
    }

    /** SARIF knows error, warning and note: info is a note. */
    static String level(Severity s) {
        return s == Severity.INFO ? "note" : s.label();
    }

    private static String family(String id) {
        switch (id.charAt(2)) {
            case '0':
                return "input";
            case '1':
                return "apache-mpm";
            case '2':
                return "mod_wsgi";
            case '3':
                return "pylons";
            case '4':
                return "thread-stacks";
            default:
                return "budget";
        }
    }

    private static String page(String id) {
        try {
            return RuleCatalog.page(id);
        } catch (IOException e) {
            return "";
        }
    }

    /** The first paragraph under "## What it finds", on one line. */
    static String whatItFinds(String page, String fallback) {
        int at = page.indexOf("## What it finds");
        if (at < 0) {
            return fallback;
        }
        String rest = page.substring(page.indexOf('\n', at) + 1).stripLeading();
        int end = rest.indexOf("\n\n");
        String para = (end < 0 ? rest : rest.substring(0, end)).replaceAll("\\s*\\n\\s*", " ").strip();
        return para.isEmpty() ? fallback : para;
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format(Locale.ROOT, "%02x", x));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
