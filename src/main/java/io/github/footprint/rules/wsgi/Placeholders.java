package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Location;
import io.github.footprint.model.Deployment;
import io.github.footprint.source.Placeholder;
import io.github.footprint.source.SourceFile;

/**
 * A value that still holds a template placeholder the environment left unresolved is not a value the deployment
 * will have: FP002 reports the placeholder, and the mod_wsgi rules do not judge the literal text. The same holds for a
 * value a template left unknown ({@code {{ site }}}), which the model says ({@code GroupSelection.unknown()},
 * {@code DaemonGroup.unknown(option)}): the rules do not judge a name or a value no one knows.
 */
final class Placeholders {
    private Placeholders() {
    }

    /**
     * True when {@code text}, read at {@code at}, contains a placeholder of that file that nothing resolved (whatever
     * it is, the deployment's value is not this text).
     */
    static boolean unresolvedIn(Deployment d, Location at, String text) {
        if (text == null || at == null) {
            return false;
        }
        SourceFile f = d.sources().byDisplayPath(at.file()).orElse(null);
        if (f == null) {
            return false;
        }
        for (Placeholder p : f.unresolved()) {
            if (text.contains(p.form().render(p.name()))) {
                return true;
            }
        }
        return false;
    }
}
