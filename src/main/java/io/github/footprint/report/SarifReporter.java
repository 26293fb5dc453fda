package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonGenerator;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;

/**
 * {@code footprint.sarif}: SARIF 2.1.0 as GitHub code scanning reads it. The rules the results name
 * come from the catalogue with their pages as help; results point at the template file and line relative to the project
 * base directory, and carry the finding's fingerprint (of the rule, the file, the line's text and the environment,
 * made by the findings stage), so an alert survives edits elsewhere in the file.
 */
public final class SarifReporter implements Reporter {
    /** The file name in the output directory. */
    public static final String FILE = "footprint.sarif";
    /** The partial fingerprint's key. */
    static final String FINGERPRINT = "footprintLineHash/v1";

    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) throws IOException {
        return Optional.of(ReportFiles.writeJson(target.outputDirectory(), FILE, g -> write(view, g)));
    }

    private static void write(ReportView view, JsonGenerator g) throws IOException {
        // the rules the results name, in the catalogue's order: a viewer shows a rule's help beside its alerts, and
        // the pages of the rules that found nothing would be most of the file (400 KB on a clean check)
        Set<String> found = new HashSet<>();
        for (EnvironmentView env : view.environments()) {
            for (ReportedFinding f : env.findings()) {
                found.add(f.ruleId());
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule r : RuleCatalog.rules()) {
            if (found.contains(r.meta().id())) {
                rules.add(r);
            }
        }
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
        g.writeStringField("version", view.toolVersion());
        g.writeArrayFieldStart("rules");
        for (Rule r : rules) {
            writeRule(r.meta(), view, g);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (EnvironmentView env : view.environments()) {
            for (ReportedFinding f : env.findings()) {
                writeResult(env, f, index.get(f.ruleId()), g);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The rule with its page as help ({@code help.text} and {@code help.markdown}); {@code helpUri} with helpUrl. */
    private static void writeRule(RuleMeta m, ReportView view, JsonGenerator g) throws IOException {
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
        Optional<String> link = view.helpUrl(m.id());
        if (link.isPresent()) {
            g.writeStringField("helpUri", link.get());
        }
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

    private static void writeResult(EnvironmentView env, ReportedFinding f, Integer ruleIndex, JsonGenerator g)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        if (ruleIndex != null) {
            g.writeNumberField("ruleIndex", ruleIndex);
        }
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        if (!f.detail().isEmpty()) {
            g.writeStringField("markdown", markdown(f.message()) + "\n\n" + markdown(f.detail()));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        for (ReportedFinding.Place p : f.places()) {
            int line = Math.max(1, p.location().line());
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            g.writeStringField("uri", p.artifact());
            g.writeEndObject();
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", line);
            g.writeNumberField("startColumn", 1);
            g.writeNumberField("endLine", line);
            g.writeNumberField("endColumn", Math.max(1, p.lineLength()) + 1);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, f.fingerprint());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("environment", env.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Plain text as Markdown that shows it as written: the characters CommonMark could read as emphasis, code, links,
     * HTML (such as {@code <VirtualHost *:80>}), entities or tables, and a line's first character that could start a
     * heading, a list or a quote, escaped with a backslash (CommonMark allows it before any ASCII punctuation).
     */
    static String markdown(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>&|~".indexOf(c) >= 0 || lineStart && "#+->=".indexOf(c) >= 0) {
                b.append('\\');
            } else if (lineStart && Character.isDigit(c)) {
                // "1. " or "1) " would start an ordered list: escape its dot or parenthesis
                int j = i;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                if (j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
                    b.append(text, i, j).append('\\').append(text.charAt(j));
                    i = j;
                    lineStart = false;
                    continue;
                }
            }
            b.append(c);
            lineStart = c == '\n';
        }
        return b.toString();
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
}
