package io.github.footprint.rules.input;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.SourceFile;

/** FP005: no file footprint can read (a wrong sourceDirectory or includes), or an empty file. */
@RuleMeta(id = "FP005", name = "nothing-to-check", severity = Severity.WARNING,
        summary = "The source directory holds no Apache, INI or start-up file, or a file is empty")
public final class NothingToCheck implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        int readable = 0;
        for (SourceFile f : d.sources().files()) {
            if (f.kind() == FileKind.OTHER) {
                continue;
            }
            readable++;
            if (f.parseable() && f.isBlank()) {
                ctx.report(new Location(f.displayPath(), 0), Severity.INFO, f.displayPath()
                        + " is empty: nothing in it to check");
            }
        }
        if (d.sources().isMissing()) {
            ctx.report(new Location(d.sources().sourceRoot(), 0), "the source folder does not exist, so nothing was"
                    + " checked; create it with the deploy templates, or point sourceDirectory at them", "The folder is "
                    + d.sources().sourceRoot() + ".");
        } else if (readable == 0) {
            int others = d.sources().files().size();
            ctx.report(new Location(d.sources().sourceRoot(), 0), "the source folder holds no file footprint reads"
                    + (others > 0 ? " (" + others + " other file(s) skipped)" : "") + ", so nothing was checked; point"
                    + " sourceDirectory (or includes) at the deploy templates", "footprint reads *.conf, *.load, *.ini,"
                    + " *.wsgi, *.py, *.sh, envvars and *.service files; the folder is " + d.sources().sourceRoot()
                    + (d.sources().sourceRoot().endsWith(".") ? "" : "."));
        }
    }
}
