package io.github.footprint.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.footprint.base.Platform;
import io.github.footprint.findings.FailOn;
import io.github.footprint.findings.SeverityPolicy;
import io.github.footprint.model.Host;
import io.github.footprint.parse.wsgi.WsgiOptions;
import io.github.footprint.report.Format;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.source.FileTypes;
import io.github.footprint.source.template.SedForms;

/**
 * The one place where the raw parameters are read and checked, in a fixed order, so that the first wrong value is
 * the one reported: the path mappings' parts, the goal's host parameters, each environment's, then the folders,
 * versions, MPM, {@code failOn}, {@code formats}, prefixes, rules, environments and the paths inside the source
 * folder. Each message says what to fix.
 */
final class RequestParser {
    private static final Set<String> MPMS = Set.of("prefork", "worker", "event");

    final CheckRequest.Builder raw;
    Path baseDirectory;
    Path sourceDirectory;
    boolean sourceMissing;
    Path outputDirectory;
    String helpUrl;
    String apacheMain;
    String serverRoot;
    Map<String, String> pathMappings;
    String mpm;
    Host host;
    List<EnvironmentSpec> environments;
    List<String> sqlalchemyPrefixes;
    Map<String, String> severities;
    Map<String, Map<String, String>> ruleOptions;
    FailOn failOn;
    Set<Format> formats;
    SedForms sedForms;
    FileTypes fileTypes;

    private RequestParser(CheckRequest.Builder raw) {
        this.raw = raw;
    }

    static CheckRequest parse(CheckRequest.Builder raw) throws RequestException {
        RequestParser p = new RequestParser(raw);
        Map<String, String> mappings = p.mappingParts();
        p.host = host("", Host.defaults(), raw.host, false);
        List<Host> hosts = new ArrayList<>();
        for (CheckRequest.Builder.Environment e : raw.environments) {
            hosts.add(host("environment " + e.id + " ", p.host, e.host, true));
        }
        p.directories();
        p.versions();
        p.failOn = failOn(raw.failOn);
        p.formats = formats(raw.formats);
        p.helpUrl = helpUrl(raw.helpUrl);
        p.sqlalchemyPrefixes = prefixes(raw.sqlalchemyPrefixes);
        p.rules();
        p.templates();
        p.environments(hosts);
        p.paths(mappings);
        return new CheckRequest(p);
    }

    /** Every {@code <pathMapping>} with both parts, trimmed; a later one for the same host prefix wins. */
    private Map<String, String> mappingParts() throws RequestException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] hostAndFolder : raw.pathMappings) {
            if (hostAndFolder[0] == null || hostAndFolder[1] == null) {
                throw new RequestException("pathMappings: every <pathMapping> needs a <host> and a <folder>");
            }
            m.put(hostAndFolder[0].trim(), hostAndFolder[1].trim());
        }
        return m;
    }

    /**
     * The host parameters over {@code base}, read in the table's order.
     *
     * @param where what comes before a parameter's name in a message
     * @param blankInherits an environment's blank value inherits the goal's; the goal's blank size is an error
     */
    private static Host host(String where, Host base, Map<Host.Parameter, String> texts, boolean blankInherits)
            throws RequestException {
        Host h = base;
        for (Host.Parameter p : Host.Parameter.values()) {
            String text = texts.get(p);
            if (text == null || (blankInherits && text.isBlank())) {
                continue;
            }
            OptionalLong v;
            try {
                v = p.read(where, text);
            } catch (IllegalArgumentException e) {
                throw new RequestException(e.getMessage());
            }
            if (v.isPresent()) {
                h = h.with(p, v.getAsLong());
            }
        }
        return h;
    }

    private void directories() throws RequestException {
        if (raw.baseDirectory == null || raw.sourceDirectory == null || raw.outputDirectory == null) {
            throw new RequestException("baseDirectory, sourceDirectory and outputDirectory are required");
        }
        baseDirectory = raw.baseDirectory.toAbsolutePath().normalize();
        sourceDirectory = raw.sourceDirectory.toAbsolutePath().normalize();
        outputDirectory = raw.outputDirectory.toAbsolutePath().normalize();
        Path src = sourceDirectory;
        if (Files.exists(src) && !Files.isDirectory(src)) {
            throw new RequestException("sourceDirectory " + shown(src) + " is a file, not a directory: point"
                    + " footprint.sourceDirectory at the folder that holds the deploy templates");
        }
        if (Files.isDirectory(src) && !Files.isReadable(src)) {
            throw new RequestException("sourceDirectory " + shown(src) + " cannot be read: check its permissions");
        }
        if (!Files.exists(src)) {
            if (raw.sourceDirectorySetBy == null) {
                sourceMissing = true;
            } else {
                throw new RequestException(missingSource(raw.sourceDirectorySetBy));
            }
        }
    }

    /** A folder the user named that does not exist: the path, who named it, the folder it most likely meant. */
    private String missingSource(String setBy) {
        Path conventional = baseDirectory.resolve(CheckRequest.DEFAULT_SOURCE_DIRECTORY);
        String m = "sourceDirectory " + shown(sourceDirectory) + " does not exist (set by " + setBy + ")";
        if (sourceDirectory.equals(conventional)) {
            return m + ". A folder you name must exist: create it, or remove the setting, and a module without "
                    + CheckRequest.DEFAULT_SOURCE_DIRECTORY + " is skipped";
        }
        m += NearestFolder.of(sourceDirectory).map(p -> "; the nearest folder is " + shown(p)).orElse("");
        return m + ". Correct the path: only the default, " + CheckRequest.DEFAULT_SOURCE_DIRECTORY
                + ", may be missing (the check then skips the module)";
    }

    /** A path relative to the project base directory, or absolute when it lies outside the project. */
    private String shown(Path p) {
        if (!p.startsWith(baseDirectory)) {
            return p.toString();
        }
        String s = baseDirectory.relativize(p).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** Null or blank: no links; otherwise an absolute http, https or file URL, {@code {id}} allowed. */
    private static String helpUrl(String text) throws RequestException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = text.strip();
        String scheme;
        try {
            // the URL a finding would link: the page of a real rule, as the reports build it
            java.net.URI u = new java.net.URI(io.github.footprint.rules.RuleCatalog.pageUrl(url, "FP001"));
            scheme = u.isAbsolute() && !u.isOpaque() ? u.getScheme().toLowerCase(Locale.ROOT) : "";
        } catch (java.net.URISyntaxException e) {
            scheme = "";
        }
        if (!Set.of("http", "https", "file").contains(scheme)) {
            throw new RequestException("helpUrl '" + text + "' is not an absolute http, https or file URL; give where"
                    + " the rule pages are published, such as https://example.org/footprint/rules/");
        }
        return url;
    }

    private void versions() throws RequestException {
        if (!"2.2".equals(raw.apacheVersion) && !"2.4".equals(raw.apacheVersion)) {
            throw new RequestException("apacheVersion '" + raw.apacheVersion + "' is not supported: use 2.2 or 2.4");
        }
        try {
            WsgiOptions.Version.parse(raw.modWsgiVersion);
        } catch (IllegalArgumentException e) {
            throw new RequestException("modWsgiVersion '" + raw.modWsgiVersion
                    + "' is not a version such as 4.9 or 5.0");
        }
        if (raw.mpm == null || !MPMS.contains(raw.mpm.toLowerCase(Locale.ROOT))) {
            throw new RequestException("mpm '" + raw.mpm + "' is not one of prefork, worker, event");
        }
        mpm = raw.mpm.toLowerCase(Locale.ROOT);
    }

    private static FailOn failOn(String text) throws RequestException {
        FailOn f = FailOn.parse(text);
        if (f == null) {
            throw new RequestException("failOn '" + text + "' is not one of error, warning, never");
        }
        return f;
    }

    private static Set<Format> formats(String text) throws RequestException {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String s : (text == null ? "" : text).split(",")) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            out.add(Format.parse(t).orElseThrow(() -> new RequestException("formats: '" + t
                    + "' is not a report format of this version; use " + Arrays.stream(Format.values())
                            .map(Format::label).collect(Collectors.joining(", ")))));
        }
        return out;
    }

    /** The given prefixes; none (found in each app's settings) when the parameter is not set. */
    private static List<String> prefixes(String text) throws RequestException {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : text.split(",")) {
            if (!p.trim().isEmpty() && !out.contains(p.trim())) {
                out.add(p.trim());
            }
        }
        if (out.isEmpty()) {
            throw new RequestException("sqlalchemyPrefixes '" + text + "' names no prefix; use the"
                    + " prefix your environment.py passes to engine_from_config, such as sqlalchemy.");
        }
        return out;
    }

    /** {@code FPnnn -> severity|off} into the severity overrides, {@code FPnnn.option -> number} into options. */
    private void rules() throws RequestException {
        severities = new TreeMap<>();
        ruleOptions = new TreeMap<>();
        for (Map.Entry<String, String> e : raw.rules.entrySet()) {
            String key = e.getKey().trim();
            String value = e.getValue() == null ? "" : e.getValue().trim();
            int dot = key.indexOf('.');
            String id = dot < 0 ? key : key.substring(0, dot);
            Rule rule = RuleCatalog.byId(id).orElseThrow(() -> new RequestException("rules: " + id
                    + " is not a rule id; 'mvn footprint:rules' lists them"));
            if (dot < 0) {
                if (!SeverityPolicy.isValidOverride(value)) {
                    throw new RequestException("rules: " + id + " = '" + value + "' is not error, warning, info or off");
                }
                severities.put(id, SeverityPolicy.normalise(value));
            } else {
                String option = key.substring(dot + 1);
                if (!Arrays.asList(rule.meta().options()).contains(option)) {
                    throw new RequestException("rules: " + id + " has no option '" + option + "'"
                            + (rule.meta().options().length == 0 ? "" : "; its options are "
                                    + String.join(", ", rule.meta().options())));
                }
                if (!value.matches("\\d{1,15}")) {
                    throw new RequestException("rules: " + key + " = '" + value + "' is not a whole number");
                }
                ruleOptions.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(option, value);
            }
        }
    }

    /** The sed placeholder forms and the file types by glob. */
    private void templates() throws RequestException {
        try {
            sedForms = raw.sedPlaceholders == null || raw.sedPlaceholders.isBlank() ? SedForms.DEFAULT
                    : SedForms.parse(raw.sedPlaceholders);
        } catch (IllegalArgumentException e) {
            throw new RequestException("sedPlaceholders: " + e.getMessage());
        }
        FileTypes t = FileTypes.NONE;
        for (String[] f : raw.fileTypes) {
            try {
                t = t.with(f[0], f[1], f[2]);
            } catch (IllegalArgumentException e) {
                throw new RequestException("fileTypes: " + e.getMessage());
            }
        }
        fileTypes = t;
    }

    /**
     * Variables files as given (comma-separated in one text, or one per entry): absolute paths, each an existing
     * readable file.
     */
    private List<Path> variableFiles(String where, List<String> given) throws RequestException {
        List<Path> out = new ArrayList<>();
        for (String entry : given) {
            for (String s : entry == null ? new String[0] : entry.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                Path p = baseDirectory.resolve(s.trim()).toAbsolutePath().normalize();
                if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                    throw new RequestException(where + "variables: " + shown(p) + (Files.isDirectory(p)
                            ? " is a directory; name the variables files (.yml, .yaml, .json or .properties)"
                            : " does not exist or cannot be read"));
                }
                String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".yml") && !lower.endsWith(".yaml") && !lower.endsWith(".json")
                        && !lower.endsWith(".properties")) {
                    throw new RequestException(where + "variables: " + shown(p) + " is no .yml, .yaml, .json or"
                            + " .properties file");
                }
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Each environment with its host; one {@code default} environment with the goal's host when none is given. */
    private void environments(List<Host> hosts) throws RequestException {
        environments = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<Path> goalVariables = variableFiles("", raw.variables == null ? List.of() : List.of(raw.variables));
        for (int i = 0; i < raw.environments.size(); i++) {
            CheckRequest.Builder.Environment e = raw.environments.get(i);
            if (e.id == null || !e.id.matches("[A-Za-z0-9_.\\-]+")) {
                throw new RequestException("environments: every environment needs an <id> of letters, digits,"
                        + " '.', '_' or '-' (got '" + e.id + "')");
            }
            if (!ids.add(e.id)) {
                throw new RequestException("environments: id '" + e.id + "' is used twice");
            }
            Path pf = e.propertiesFile;
            if (pf != null && (!Files.isRegularFile(pf) || !Files.isReadable(pf))) {
                throw new RequestException("environment " + e.id + ": propertiesFile " + shown(pf.toAbsolutePath().normalize())
                        + (Files.isDirectory(pf) ? " is a directory, not a properties file"
                                : " does not exist or cannot be read"));
            }
            List<Path> vars = new ArrayList<>(goalVariables);
            for (Path v : variableFiles("environment " + e.id + ": ", e.variables)) {
                vars.remove(v);
                vars.add(v);
            }
            environments.add(new EnvironmentSpec(e.id, pf, e.properties, hosts.get(i), vars));
        }
        if (environments.isEmpty()) {
            environments.add(new EnvironmentSpec("default", null, new Properties(), host, goalVariables));
        }
        for (EnvironmentSpec e : environments) {
            if ("2.2".equals(raw.apacheVersion) && e.host().platform().filter(p -> p != Platform.NONE).isPresent()) {
                throw new RequestException((raw.environments.isEmpty() ? "" : "environment " + e.id() + ": ")
                        + "platform " + e.host().platform().get().label() + " is a stock httpd 2.4 configuration and"
                        + " apacheVersion is 2.2: use platform none (or auto) with 2.2");
            }
        }
    }

    /** {@code apacheMain}, {@code serverRoot} and the mapped folders as paths inside the source folder. */
    private void paths(Map<String, String> mappings) throws RequestException {
        Path src = sourceDirectory;
        apacheMain = raw.apacheMain == null ? null : treePath(src, raw.apacheMain, "apacheMain");
        if (raw.apacheMain != null && Files.isDirectory(raw.apacheMain)) {
            throw new RequestException("apacheMain " + shown(raw.apacheMain.toAbsolutePath().normalize()) + " is a directory; name the main httpd file"
                    + " (apache2.conf or httpd.conf)");
        }
        serverRoot = raw.serverRoot == null ? null : treePath(src, raw.serverRoot, "serverRoot");
        pathMappings = new TreeMap<>();
        for (Map.Entry<String, String> e : mappings.entrySet()) {
            if (!e.getKey().startsWith("/")) {
                throw new RequestException("pathMappings: '" + e.getKey() + "' is not an absolute host path");
            }
            Path folder = raw.baseDirectory.resolve(e.getValue().trim());
            pathMappings.put(e.getKey(), treePath(src, folder, "pathMappings " + e.getKey()));
        }
    }

    private String treePath(Path src, Path p, String what) throws RequestException {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(src)) {
            throw new RequestException(what + " " + shown(abs) + " is not inside sourceDirectory " + shown(src));
        }
        return src.relativize(abs).toString().replace('\\', '/');
    }
}
