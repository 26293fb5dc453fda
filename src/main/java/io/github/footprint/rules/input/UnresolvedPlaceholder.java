package io.github.footprint.rules.input;

import java.util.Set;

import io.github.footprint.base.Location;
import io.github.footprint.base.Secrets;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.Placeholder;
import io.github.footprint.source.SourceFile;

/**
 * FP002: a placeholder nothing resolves. {@code @name@} is Maven's alone: an error. {@code ${name}} is also
 * httpd's syntax: in an Apache file a warning unless an Apache {@code Define} or a start-up script sets it,
 * because httpd keeps the literal text (AH00111) and reads the line with it. PasteDeploy and Python never
 * expand {@code ${name}}, so in their files only a property resolves it. Whole-line comments are not read.
 */
@RuleMeta(id = "FP002", name = "unresolved-placeholder", severity = Severity.ERROR,
        summary = "A template placeholder that no property, Apache Define or start-up script resolves")
public final class UnresolvedPlaceholder implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Set<String> defined = d.definedNames();
        for (SourceFile f : d.sources().files()) {
            for (Placeholder p : f.unresolved()) {
                if (isComment(f, p.line())) {
                    continue;
                }
                Location at = new Location(f.displayPath(), p.line());
                String text = p.form().render(p.name());
                String name = p.name();
                if (insideSecret(f, p.line(), text)) {
                    // a piece of a secret that reads as a placeholder (p@ss@word): named, it would give the secret away
                    text = Secrets.wrap(text);
                    name = Secrets.wrap(name);
                }
                if (p.form() != Placeholder.Form.DOLLAR) {
                    ctx.report(at, Severity.ERROR, text + " is not a property of this environment; define " + name
                            + " (-D" + name + "=... or <properties>)", "The deployed file would contain the"
                            + " literal text " + text + ". A property comes from the environment's properties, the"
                            + " plugin's <properties> or -D.");
                    continue;
                }
                if (f.kind() == FileKind.SHELL || f.kind() == FileKind.SYSTEMD) {
                    continue;
                }
                if (f.kind() == FileKind.APACHE) {
                    if (!defined.contains(p.name())) {
                        ctx.report(at, Severity.WARNING, text + " is not defined: httpd warns AH00111 and reads the"
                                + " literal text; define " + name + " as a property (or with Define)", text + " is neither a property, an Apache Define nor a variable a"
                                + " start-up script sets: httpd warns 'AH00111: Config variable " + text + " is not"
                                + " defined' and reads the line with the literal text. A Define in httpd's configuration"
                                + " defines it too.");
                    }
                    continue;
                }
                String reader = f.kind() == FileKind.INI ? "PasteDeploy" : "Python";
                ctx.report(at, Severity.WARNING, text + " is not a property of this environment, and " + reader
                        + " does not expand ${...}; define " + name + " as a property of the environment",
                        reader + " keeps ${...} as it is, and an Apache Define or a start-up script variable does not"
                                + " reach it: the deployed file keeps the literal text.");
            }
        }
    }

    /** True when the placeholder's text stands on its rendered lines only inside a secret value. */
    private static boolean insideSecret(SourceFile f, int templateLine, String text) {
        int i = f.renderedIndex(templateLine);
        if (i < 0) {
            return false;
        }
        boolean inside = false;
        for (; i < f.lineCount() && f.templateLine(i) == templateLine; i++) {
            String line = f.lines().get(i);
            boolean piece = Secrets.pieceOfSecret(line, text);
            if (line.contains(text) && !piece) {
                return false;
            }
            inside |= piece;
        }
        return inside;
    }

    /** httpd and configparser skip whole-line comments, placeholders in them included. */
    private static boolean isComment(SourceFile f, int templateLine) {
        int i = f.renderedIndex(templateLine);
        if (i < 0) {
            return false;
        }
        String t = f.lines().get(i).strip();
        return t.startsWith("#") || (f.kind() == FileKind.INI && t.startsWith(";"));
    }
}
