package io.github.footprint.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;

/**
 * {@code TEST-footprint.xml}: JUnit XML as Jenkins and GitLab read it, written with the JDK's XML writer. One
 * test suite per environment, one test case per rule; a case fails with one {@code <failure>} per finding at or
 * above {@code failOn} (its first line, its places when it has several, its detail); findings below it go to the
 * case's {@code <system-out>}; rules switched off are skipped.
 * No timestamps, no host name: the same input gives the same bytes. {@code failOn} and the rules switched off come
 * with the view.
 */
public final class JUnitReporter implements Reporter {
    /** The file name in the output directory (the TEST-*.xml pattern CI tools pick up). */
    public static final String FILE = "TEST-footprint.xml";

    @Override
    public Optional<Path> write(ReportView view, ReportTarget target) throws IOException {
        return Optional.of(ReportFiles.write(target.outputDirectory(), FILE, out -> {
            try {
                // the JDK's own writer: newFactory() would first search every jar of the class realm for another
                // (a service lookup costing tens of milliseconds cold), and the bytes would depend on what it found
                XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
                write(view, x);
                x.flush();
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + FILE + ": " + e.getMessage(), e);
            }
        }));
    }

    private static void write(ReportView view, XMLStreamWriter x) throws XMLStreamException {
        List<Rule> rules = RuleCatalog.rules();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        List<Map<Rule, List<ReportedFinding>>> byEnv = new ArrayList<>();
        for (EnvironmentView env : view.environments()) {
            Map<Rule, List<ReportedFinding>> m = group(rules, env);
            byEnv.add(m);
            for (Rule r : rules) {
                tests++;
                if (view.isOff(r.meta().id())) {
                    skipped++;
                } else if (m.get(r).stream().anyMatch(f -> view.failOn().fails(f.severity()))) {
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
        for (int e = 0; e < view.environments().size(); e++) {
            EnvironmentView env = view.environments().get(e);
            Map<Rule, List<ReportedFinding>> m = byEnv.get(e);
            String suite = "footprint." + env.id();
            int suiteFailures = 0;
            int suiteSkipped = 0;
            for (Rule r : rules) {
                if (view.isOff(r.meta().id())) {
                    suiteSkipped++;
                } else if (m.get(r).stream().anyMatch(f -> view.failOn().fails(f.severity()))) {
                    suiteFailures++;
                }
            }
            nl(x, 1);
            x.writeStartElement("testsuite");
            x.writeAttribute("name", xml(suite));
            x.writeAttribute("tests", Integer.toString(rules.size()));
            x.writeAttribute("failures", Integer.toString(suiteFailures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Integer.toString(suiteSkipped));
            x.writeAttribute("time", "0");
            for (Rule r : rules) {
                writeCase(view, suite, r.meta(), m.get(r), x);
            }
            nl(x, 1);
            x.writeEndElement();
        }
        nl(x, 0);
        x.writeEndElement();
        nl(x, 0);
        x.writeEndDocument();
    }

    private static void writeCase(ReportView view, String suite, RuleMeta meta, List<ReportedFinding> findings,
            XMLStreamWriter x) throws XMLStreamException {
        nl(x, 2);
        x.writeStartElement("testcase");
        x.writeAttribute("classname", xml(suite));
        x.writeAttribute("name", meta.id() + " " + meta.name());
        x.writeAttribute("time", "0");
        if (view.isOff(meta.id())) {
            nl(x, 3);
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", meta.id() + " is off in this build's <rules>");
        } else {
            StringBuilder below = new StringBuilder();
            for (ReportedFinding f : findings) {
                String where = f.where();
                int n = f.places().size();
                String text = (where.isEmpty() ? "" : where + ": ") + f.message()
                        + (n > 1 ? String.format(Locale.ROOT, " (%,d places)", n) : "");
                if (view.failOn().fails(f.severity())) {
                    nl(x, 3);
                    x.writeStartElement("failure");
                    x.writeAttribute("type", xml(f.severity().label()));
                    x.writeAttribute("message", xml(text));
                    x.writeCharacters(xml(text + places(f) + (f.detail().isEmpty() ? "" : "\n" + f.detail())
                            + view.helpUrl(meta.id()).map(l -> "\n" + l).orElse("")));
                    x.writeEndElement();
                } else {
                    below.append(f.severity().label()).append(": ").append(text).append(places(f)).append('\n');
                }
            }
            if (below.length() > 0) {
                nl(x, 3);
                x.writeStartElement("system-out");
                x.writeCharacters(xml(below.toString()));
                x.writeEndElement();
            }
        }
        nl(x, 2);
        x.writeEndElement();
    }

    /** Every place of a finding at several, one per line; empty for a finding at one place. */
    private static String places(ReportedFinding f) {
        if (f.places().size() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (ReportedFinding.Place p : f.places()) {
            b.append("\n  at ").append(p.where().isEmpty() ? "(project)" : p.where());
        }
        return b.toString();
    }

    private static Map<Rule, List<ReportedFinding>> group(List<Rule> rules, EnvironmentView env) {
        Map<Rule, List<ReportedFinding>> m = new LinkedHashMap<>();
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) {
            m.put(r, new ArrayList<>());
            byId.put(r.meta().id(), r);
        }
        for (ReportedFinding f : env.findings()) {
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

    /**
     * Text as XML 1.0 may hold it: a character XML forbids (a control character of a file name or of a quoted line)
     * is written as {@code \\xNN}, so that the report stays well-formed.
     */
    static String xml(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                if (ok) {
                    b.append(c);
                } else {
                    b.append(String.format(java.util.Locale.ROOT, c <= 0xFF ? "\\x%02X" : "\\u%04X", (int) c));
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
