package io.github.footprint.mojo;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;

/** Prints the rule catalogue: id, name, default severity, summary, options and documentation link. */
@Mojo(name = "rules", threadSafe = true, requiresProject = false)
public class RulesMojo extends AbstractMojo {
    @Override
    public void execute() {
        for (Rule r : RuleCatalog.rules()) {
            RuleMeta m = r.meta();
            getLog().info(String.format(java.util.Locale.ROOT, "%s %-28s %-7s %s%s (%s)", m.id(), m.name(),
                    m.severity().label(), m.summary(),
                    m.options().length == 0 ? "" : " [options: " + String.join(", ", m.options()) + "]",
                    RuleCatalog.docUrl(m.id())));
        }
    }
}
