package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.model.Deployment;
import io.github.footprint.rules.Phrases;
import io.github.footprint.source.PlatformChoice;
import io.github.footprint.source.SourceFile;

/** One environment as reports print it: its findings, what was read, the effective values and the footprint. */
public final class EnvironmentView {
    private final String id;
    private final List<ReportedFinding> findings;
    private final int files;
    private final String sourceRoot;
    private final MpmView mpm;
    private final List<DaemonView> daemons;
    private final FootprintView footprint;
    private final PlatformChoice platform;
    private final String platformReason;

    private EnvironmentView(String id, List<Finding> findings, Deployment d, Redactor r) {
        this.id = id;
        String root = d.sources().sourceRoot();
        List<ReportedFinding> fs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : findings) {
            String artifact = f.location().file().isEmpty() ? root : f.location().file();
            List<Location> places = f.places();
            List<String> lines = new ArrayList<>(places.size());
            for (Location at : places) {
                lines.add(lineText(d, at.file(), at.line()));
            }
            int n = seen.merge(ReportedFinding.key(f, artifact, lines.get(0), id), 1, Integer::sum);
            fs.add(ReportedFinding.of(f, r, id, root, lines, n));
        }
        this.findings = List.copyOf(fs);
        this.files = d.sources().files().size();
        this.sourceRoot = r.maskLocation(root);
        this.mpm = MpmView.of(d.mpm(), r);
        List<DaemonView> ds = new ArrayList<>();
        for (DaemonGroup g : d.daemons()) {
            ds.add(DaemonView.of(g, d.stacks().daemon(g).requestThreads(), r));
        }
        this.daemons = List.copyOf(ds);
        this.footprint = FootprintView.of(d.footprint(), d.parameters().host(),
                Phrases.server(d.parameters().platform(), d.mpm()).orElse(null), r);
        this.platform = d.parameters().platform();
        this.platformReason = r.mask(platform.reason());
    }

    static EnvironmentView of(String id, List<Finding> findings, Deployment d, Redactor r) {
        return new EnvironmentView(id, findings, d, r);
    }

    /** The rendered text of the finding's template line, or empty (whole-file findings, unread files). */
    private static String lineText(Deployment d, String file, int templateLine) {
        if (templateLine <= 0 || file.isEmpty()) {
            return "";
        }
        SourceFile f = d.sources().byDisplayPath(file).orElse(null);
        if (f == null) {
            return "";
        }
        int i = f.renderedIndex(templateLine);
        return i < 0 ? "" : f.lines().get(i);
    }

    /** The environment's id, as the user gave it (letters, digits, {@code .}, {@code _}, {@code -}). */
    public String id() {
        return id;
    }

    /** Its findings in report order. */
    public List<ReportedFinding> findings() {
        return findings;
    }

    /** How many files were read. */
    public int files() {
        return files;
    }

    /** The source folder as reports name it, masked. */
    public String sourceRoot() {
        return sourceRoot;
    }

    /** The MPM and its effective values; empty when none is known. */
    public Optional<MpmView> mpm() {
        return Optional.ofNullable(mpm);
    }

    /** The mod_wsgi daemon groups in reading order. */
    public List<DaemonView> daemons() {
        return daemons;
    }

    public FootprintView footprint() {
        return footprint;
    }

    /** The {@code platform}: {@code debian}, {@code httpd} or {@code none}. */
    public String platform() {
        return platform.platform().label();
    }

    /** True when {@code platform=auto} chose it. */
    public boolean platformAuto() {
        return platform.auto();
    }

    /** True when the platform was read around the project (it has no main httpd file of its own). */
    public boolean platformApplied() {
        return platform.applied();
    }

    /** Why that platform: the parameter, or what in the project's layout chose it; masked. */
    public String platformReason() {
        return platformReason;
    }
}
