package io.github.footprint.hostile;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.engine.CheckRequest;
import io.github.footprint.engine.RequestException;
import io.github.footprint.findings.ReportView;
import io.github.footprint.report.ConsoleSink;
import io.github.footprint.report.Format;
import io.github.footprint.report.ReportTarget;
import io.github.footprint.report.Summary;

/**
 * The real check, as the {@code check} goal runs it, on one tree: the engine, then every report (console, JSON,
 * SARIF, JUnit, HTML) into {@code base/target/footprint}; then the reports read back as their consumers would.
 */
final class HostileRun {
    /** The outcome of one run: the console, the report files' text, the summary line, or the one clear error. */
    static final class Outcome {
        final List<String> console = new ArrayList<>();
        final Map<String, String> files = new LinkedHashMap<>();
        String summary;
        boolean fails;
        /** The request's refusal or the write error, as the goal would say it; null when the check ran. */
        String error;
        JsonNode json;
        JsonNode sarif;

        String consoleText() {
            return String.join("\n", console);
        }

        /** Every text that leaves the check: console lines, every report, the error. */
        String everything() {
            StringBuilder b = new StringBuilder(consoleText()).append('\n');
            files.values().forEach(t -> b.append(t).append('\n'));
            if (error != null) {
                b.append(error);
            }
            return b.toString();
        }
    }

    private HostileRun() {
    }

    static CheckRequest.Builder request(Path base) {
        return new CheckRequest.Builder().baseDirectory(base).sourceDirectory(base.resolve("src/main/deploy"))
                .outputDirectory(base.resolve("target/footprint")).toolVersion("test")
                .formats("console,json,sarif,junit,html");
    }

    static Outcome run(Path base, Consumer<CheckRequest.Builder> customize) throws IOException {
        CheckRequest.Builder b = request(base);
        customize.accept(b);
        Outcome o = new Outcome();
        CheckRequest request;
        ReportView view;
        try {
            request = b.build();
            view = new CheckEngine().run(request).view();
        } catch (RequestException e) {
            o.error = e.getMessage();
            return o;
        }
        ConsoleSink sink = new ConsoleSink() {
            @Override
            public void error(String line) {
                o.console.add("[ERROR] " + line);
            }

            @Override
            public void warn(String line) {
                o.console.add("[WARNING] " + line);
            }

            @Override
            public void info(String line) {
                o.console.add("[INFO] " + line);
            }
        };
        ReportTarget target = new ReportTarget(request.outputDirectory(), sink);
        try {
            for (Format f : request.formats()) {
                Optional<Path> written = f.reporter().write(view, target);
                if (written.isPresent()) {
                    Path p = written.get();
                    o.files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            o.error = "cannot write the reports to " + io.github.footprint.base.IoErrors.shown(base,
                    request.outputDirectory()) + ": " + io.github.footprint.base.IoErrors.reason(e, base);
            return o;
        }
        o.summary = Summary.line(view);
        o.fails = Summary.fails(view);
        return o;
    }

    /** Parses the JSON, SARIF and JUnit reports; throws when one is not well-formed. */
    static void parseReports(Outcome o) throws Exception {
        ObjectMapper m = new ObjectMapper();
        if (o.files.containsKey("footprint.json")) {
            o.json = m.readTree(o.files.get("footprint.json"));
        }
        if (o.files.containsKey("footprint.sarif")) {
            o.sarif = m.readTree(o.files.get("footprint.sarif"));
        }
        for (Map.Entry<String, String> e : o.files.entrySet()) {
            if (e.getKey().endsWith(".xml")) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.newDocumentBuilder().parse(new InputSource(new StringReader(e.getValue())));
            }
        }
    }
}
