package io.github.footprint.mojo;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleMeta;

/**
 * Prints the rule catalogue (id, name, default severity, summary, options), or with {@code -Drule=FP201} that rule's
 * page (what it finds, why, a bad and a good example, the fix) from the plugin itself, offline. Outside a project
 * run it by its full coordinates, {@code mvn io.github.footprint:footprint-maven-plugin:VERSION:rules}, or add
 * {@code <pluginGroup>io.github.footprint</pluginGroup>} to the {@code <pluginGroups>} of
 * {@code ~/.m2/settings.xml}: then {@code mvn footprint:rules} works everywhere.
 */
@Mojo(name = "rules", threadSafe = true, requiresProject = false)
public class RulesMojo extends AbstractMojo {
    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    /** A rule id ({@code FP201}) or name ({@code maximum-requests-too-high}): print that rule's page. */
    @Parameter(property = "rule")
    private String rule;

    /**
     * Where you publish the rule pages, as for the {@code check} goal: with it the catalogue links each rule's page.
     */
    @Parameter(property = "footprint.helpUrl")
    private String helpUrl;

    @Override
    public void execute() throws MojoExecutionException {
        if (rule != null && !rule.isBlank()) {
            page(rule.strip());
            return;
        }
        int name = 0;
        for (Rule r : RuleCatalog.rules()) {
            name = Math.max(name, r.meta().name().length());
        }
        boolean links = helpUrl != null && !helpUrl.isBlank();
        for (Rule r : RuleCatalog.rules()) {
            RuleMeta m = r.meta();
            getLog().info(String.format(Locale.ROOT, "%s %-" + name + "s %-7s %s%s%s", m.id(), m.name(),
                    m.severity().label(), m.summary(),
                    m.options().length == 0 ? "" : " [options: " + String.join(", ", m.options()) + "]",
                    links ? " (" + RuleCatalog.pageUrl(helpUrl.strip(), m.id()) + ")" : ""));
        }
        getLog().info("A rule's page: mvn " + coordinates() + ":rules -Drule=FPnnn");
    }

    private void page(String wanted) throws MojoExecutionException {
        Optional<Rule> found = Optional.empty();
        for (Rule r : RuleCatalog.rules()) {
            if (r.meta().id().equalsIgnoreCase(wanted) || r.meta().name().equalsIgnoreCase(wanted)) {
                found = Optional.of(r);
            }
        }
        if (found.isEmpty()) {
            throw new MojoExecutionException("footprint: '" + wanted + "' is neither a rule id nor a rule name; 'mvn "
                    + coordinates() + ":rules' lists them");
        }
        RuleMeta m = found.get().meta();
        String text;
        try {
            text = RuleCatalog.page(m.id());
        } catch (IOException e) {
            throw new MojoExecutionException("footprint: the page of " + m.id() + " is missing from the plugin", e);
        }
        // one log call: the page's lines follow the first without a log prefix, ready to read or to copy
        getLog().info(m.id() + ": default severity " + m.severity().label() + (m.options().length == 0 ? ""
                : ", options " + String.join(", ", m.options())) + (helpUrl == null || helpUrl.isBlank() ? ""
                        : ", published at " + RuleCatalog.pageUrl(helpUrl.strip(), m.id())) + "\n\n"
                + text.stripTrailing());
    }

    private String coordinates() {
        String v = plugin == null ? null : plugin.getVersion();
        return "io.github.footprint:footprint-maven-plugin" + (v == null ? "" : ":" + v);
    }
}
