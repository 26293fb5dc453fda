package io.github.footprint.source.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Location;
import io.github.footprint.source.HostPattern;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;

/**
 * The install steps of Chef recipes ({@code recipes/*.rb}): {@code template 'PATH' do ... source 'x.erb' ... end}
 * (the cookbook's {@code templates/default/} or {@code templates/}; without {@code source}, the path's name with
 * {@code .erb}; a {@code cookbook} line means another cookbook's template, not read), {@code cookbook_file} (its
 * {@code files/}), {@code link 'PATH' do to 'TARGET'}, the apache2 cookbook's {@code apache2_site}/{@code apache_site},
 * {@code apache2_module}/{@code apache_module}, {@code apache2_conf}/{@code apache_conf} (with
 * {@code action :disable}) and {@code web_app 'NAME' do template 'x.erb'} (writes {@code sites-available/NAME.conf}
 * and enables it), and {@code execute}/{@code command} lines that run {@code a2ensite}... {@code #{...}} in a path
 * stays a named unknown.
 */
public final class ChefSteps {
    private static final String STRING = "(?:'([^']*)'|\"((?:[^\"\\\\]|\\\\.)*)\")";
    private static final Pattern RESOURCE = Pattern.compile(
            "^\\s*(template|cookbook_file|link|web_app|apache2_site|apache_site|apache2_module|apache_module"
                    + "|apache2_conf|apache_conf|execute)\\s*\\(?\\s*" + STRING + "\\s*\\)?\\s*(do\\b.*)?$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s*(source|cookbook|to|template|action|command)\\b\\s*\\(?\\s*"
            + "(?:" + STRING + "|(:[a-z_]+))");
    private static final Pattern DO = Pattern.compile("\\bdo\\b(\\s*\\|[^|]*\\|)?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");

    private final SourceSet sources;
    private final List<InstallStep> out = new ArrayList<>();

    private ChefSteps(SourceSet sources) {
        this.sources = sources;
    }

    /** The steps of every recipe of the project, in tree order and then line order. */
    public static List<InstallStep> read(SourceSet sources) {
        ChefSteps c = new ChefSteps(sources);
        for (SourceFile f : sources.files()) {
            String p = f.treePath().toLowerCase(Locale.ROOT);
            if (p.endsWith(".rb") && ("/" + p).contains("/recipes/") && f.parseable()) {
                c.recipe(f);
            }
        }
        return c.out;
    }

    private void recipe(SourceFile f) {
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RESOURCE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String type = m.group(1);
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            Location at = new Location(f.displayPath(), f.templateLine(i));
            String source = null;
            String cookbook = null;
            String to = null;
            String template = null;
            String action = null;
            String command = null;
            if (m.group(4) != null) {
                // the block: attributes at its own level, up to its end (nested blocks counted)
                int depth = 1;
                for (int j = i + 1; j < lines.size() && depth > 0; j++) {
                    String l = lines.get(j);
                    if (END.matcher(l).find()) {
                        depth--;
                        continue;
                    }
                    if (DO.matcher(l).find()) {
                        depth++;
                        continue;
                    }
                    if (depth != 1) {
                        continue;
                    }
                    Matcher a = ATTRIBUTE.matcher(l);
                    if (!a.find()) {
                        continue;
                    }
                    String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                    switch (a.group(1)) {
                        case "source":
                            source = value;
                            break;
                        case "cookbook":
                            cookbook = value;
                            break;
                        case "to":
                            to = value;
                            break;
                        case "template":
                            template = value;
                            break;
                        case "action":
                            action = value;
                            break;
                        default:
                            command = value;
                            break;
                    }
                }
            }
            step(type, name, source, cookbook, to, template, action, command, at);
        }
    }

    private void step(String type, String name, String source, String cookbook, String to, String template,
            String action, String command, Location at) {
        boolean disable = action != null && (action.equals(":disable") || action.equals(":delete"));
        switch (type) {
            case "template":
            case "cookbook_file": {
                if (cookbook != null) {
                    return;
                }
                boolean tpl = type.equals("template");
                String src = source != null ? source : base(name) + (tpl ? ".erb" : "");
                String tree = cookbookFile(src, tpl ? "templates" : "files");
                if (tree != null) {
                    out.add(InstallStep.file(List.of(HostPattern.canonical(name)), tree, at, "Chef"));
                }
                return;
            }
            case "link":
                if (to != null) {
                    out.add(disable ? InstallStep.remove(List.of(HostPattern.canonical(name)), at, "Chef")
                            : InstallStep.link(List.of(HostPattern.canonical(name)), List.of(HostPattern.canonical(to)),
                                    at, "Chef"));
                }
                return;
            case "web_app": {
                String tree = template == null ? null : cookbookFile(template, "templates");
                if (tree != null) {
                    out.add(InstallStep.file(List.of(HostPattern.canonical("/etc/apache2/sites-available/" + name
                            + ".conf")), tree, at, "Chef"));
                }
                out.add(InstallStep.toggle(!disable, InstallStep.Unit.SITE, name, at, "Chef"));
                return;
            }
            case "apache2_site":
            case "apache_site":
                toggle(!disable, InstallStep.Unit.SITE, name, at);
                return;
            case "apache2_module":
            case "apache_module":
                toggle(!disable, InstallStep.Unit.MODULE, name, at);
                return;
            case "apache2_conf":
            case "apache_conf":
                toggle(!disable, InstallStep.Unit.CONF, name, at);
                return;
            default:
                Toggles.command(command != null ? command : name, at, "Chef", out);
                return;
        }
    }

    private void toggle(boolean enable, InstallStep.Unit unit, String name, Location at) {
        if (!HostPattern.hasUnknown(HostPattern.canonical(name))) {
            out.add(InstallStep.toggle(enable, unit, name, at, "Chef"));
        }
    }

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A cookbook's template or file: {@code <folder>/default/src}, {@code <folder>/<any>/src}, {@code <folder>/src}. */
    private String cookbookFile(String src, String folder) {
        if (HostPattern.hasUnknown(HostPattern.canonical(src))) {
            return null;
        }
        String preferred = null;
        String other = null;
        int others = 0;
        for (String t : sources.treePaths()) {
            String p = "/" + t;
            if (p.endsWith("/" + folder + "/default/" + src)) {
                preferred = t;
            } else if (p.endsWith("/" + src) && (p.contains("/" + folder + "/"))) {
                other = t;
                others++;
            }
        }
        return preferred != null ? preferred : others == 1 ? other : null;
    }
}
