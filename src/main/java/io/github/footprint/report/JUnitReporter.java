package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.Finding;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;

/**
 * {@code TEST-footprint.xml}: JUnit XML as Jenkins and GitLab read it, written with the JDK's XML writer. One
 * test suite per environment, one test case per rule; a case fails with one {@code <failure>} per finding at or
 * above {@code failOn}; findings below it go to the case's {@code <system-out>}; rules switched off are skipped.
 * No timestamps, no host name: the same input gives the same bytes.
 */
public final class JUnitReporter {
    /** The file name in the output directory (the TEST-*.xml pattern CI tools pick up). */
    public static final String FILE = "TEST-footprint.xml";

    private final FailOn failOn;
    private final java.util.function.Predicate<String> off;

    /** @param off tells which rule ids the user switched off */
    public JUnitReporter(FailOn failOn, java.util.function.Predicate<String> off) {
        this.failOn = failOn;
        this.off = off;
    }

    public Path write(CheckResult result, Path outputDirectory) throws IOException {
        return ReportFiles.write(outputDirectory, FILE, out -> {
            try {
                XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                write(result, x);
                x.flush();
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
            }
        });
    }

    private void write(CheckResult result, XMLStreamWriter x) throws XMLStreamException {
        List<Rule> rules = RuleCatalog.rules();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        List<Map<Rule, List<Finding>>> byEnv = new ArrayList<>();
        for (EnvironmentResult env : result.environments()) {
            Map<Rule, List<Finding>> m = group(rules, env);
            byEnv.add(m);
            for (Rule r : rules) {
                tests++;
                if (off.test(r.meta().id())) {
                    skipped++;
                } else if (m.get(r).stream().anyMatch(f -> failOn.fails(f.severity()))) {
                    failures++;
                }
            }
        }
        x.writeStartDocument("UTF-8", "1.0");
        nl(x, 0);
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "footprint");
        x.writeAttribute("tests", Integer.toString(tests));
        x.writeAttribute("failures", Integer.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Integer.toString(skipped));
        for (int e = 0; e < result.environments().size(); e++) {
            EnvironmentResult env = result.environments().get(e);
            Map<Rule, List<Finding>> m = byEnv.get(e);
            String suite = "footprint." + env.id();
            int suiteFailures = 0;
            int suiteSkipped = 0;
            for (Rule r : rules) {
                if (off.test(r.meta().id())) {
                    suiteSkipped++;
                } else if (m.get(r).stream().anyMatch(f -> failOn.fails(f.severity()))) {
                    suiteFailures++;
                }
            }
            nl(x, 1);
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            x.writeAttribute("tests", Integer.toString(rules.size()));
            x.writeAttribute("failures", Integer.toString(suiteFailures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(suiteSkipped));
            x.writeAttribute("time", "0");
            for (Rule r : rules) {
                writeCase(result, suite, r.meta(), m.get(r), x);
            }
            nl(x, 1);
            x.writeEndElement();
        }
        nl(x, 0);
        x.writeEndElement();
        nl(x, 0);
        x.writeEndDocument();
    }

    private void writeCase(CheckResult result, String suite, RuleMeta meta, List<Finding> findings, XMLStreamWriter x)
            throws XMLStreamException {
        nl(x, 2);
        x.writeStartElement("testcase");
        x.writeAttribute("classname", suite);
        x.writeAttribute("name", meta.id() + " " + meta.name());
        x.writeAttribute("time", "0");
        if (off.test(meta.id())) {
            nl(x, 3);
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", meta.id() + " is off in this build's <rules>");
        } else {
            StringBuilder below = new StringBuilder();
            for (Finding f : findings) {
                String where = f.location().toString();
                String text = result.redactor().mask((where.isEmpty() ? "" : where + ": ") + f.message());
                if (failOn.fails(f.severity())) {
                    nl(x, 3);
                    x.writeStartElement("failure");
                    x.writeAttribute("type", f.severity().label());
                    x.writeAttribute("message", text);
                    x.writeCharacters(text + "\n" + RuleCatalog.docUrl(meta.id()));
                    x.writeEndElement();
                } else {
                    below.append(f.severity().label()).append(": ").append(text).append('\n');
                }
            }
            if (below.length() > 0) {
                nl(x, 3);
                x.writeStartElement("system-out");
                x.writeCharacters(below.toString());
                x.writeEndElement();
            }
        }
        nl(x, 2);
        x.writeEndElement();
    }

    private static Map<Rule, List<Finding>> group(List<Rule> rules, EnvironmentResult env) {
        Map<Rule, List<Finding>> m = new LinkedHashMap<>();
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) {
            m.put(r, new ArrayList<>());
            byId.put(r.meta().id(), r);
        }
        for (Finding f : env.findings()) {
            Rule r = byId.get(f.ruleId());
            if (r != null) {
                m.get(r).add(f);
            }
        }
        return m;
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }
}
