package io.github.footprint.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.footprint.base.Finding;
import io.github.footprint.base.InternalErrors;
import io.github.footprint.base.IoErrors;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.base.Platform;
import io.github.footprint.findings.FindingsStage;
import io.github.footprint.findings.Redactor;
import io.github.footprint.findings.ReportView;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.ModelBuilder;
import io.github.footprint.model.ModelParameters;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ApacheLayout;
import io.github.footprint.parse.apache.ApacheParser;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.PasteIniReader;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.scripts.ScriptReader;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleCatalog;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.Placement;
import io.github.footprint.source.PlatformChoice;
import io.github.footprint.source.PlatformTree;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceLoader;
import io.github.footprint.source.template.TemplateEngines;
import io.github.footprint.source.template.TemplateOptions;
import io.github.footprint.source.SourceSet;
import io.github.footprint.source.Suppression;
import io.github.footprint.source.template.Choices;
import io.github.footprint.source.template.TemplateEngines;
import io.github.footprint.source.template.TemplateOptions;

/**
 * The only class that knows the order of the stages: source (find, render, line map), parse (scripts,
 * Apache, INI), model, rules, findings (severity policy, suppressions, masking, order, the masked view).
 * Reporters take the view.
 */
public final class CheckEngine {
    /** The engine of each template dialect, or null for the request's ({@code sedPlaceholders}). */
    private final TemplateEngines engines;

    /** The engines of a plain build for each template dialect, sed placeholders in the request's forms. */
    public CheckEngine() {
        this.engines = null;
    }

    /** With the given engine for each template dialect (a reader of another dialect plugs in here). */
    public CheckEngine(TemplateEngines engines) {
        this.engines = engines;
    }

    /** Runs the whole check once per environment. */
    public CheckResult run(CheckRequest request) throws RequestException {
        // paths relative to the project, or to the source folder when it lies outside it (never ../../x)
        SourceLoader loader = new SourceLoader(request.displayBase(), request.sourceDirectory(), request.includes(),
                request.excludes(), engines != null ? engines : TemplateEngines.standard(request.sedForms()),
                request.fileTypes());
        boolean exists = Files.isDirectory(request.sourceDirectory());
        FindingsStage stage = new FindingsStage(request.severityPolicy(), ruleIds());
        List<EnvironmentResult> settled = new ArrayList<>();
        Set<String> secrets = new TreeSet<>();
        for (EnvironmentSpec env : request.environments()) {
            Properties props = properties(request, env);
            TemplateOptions options = TemplateOptions.defaults(env.id()).withVariableFiles(env.variableFiles())
                    .withDisplayBase(request.displayBase());
            // each stage has a last resort: a failure of footprint's own becomes a located error finding, the other
            // stages go on, and the reports are complete
            List<Finding> internal = new ArrayList<>();
            SourceSet sources = load(loader, request, exists, props, options, internal);
            userVariablesReadable(env, sources);
            secrets.addAll(sources.secrets());
            Map<String, String> decisions = Branches.decisions(sources);
            if (decisions.isEmpty()) {
                Deployment d = guardedModel(request, env, sources, null, internal);
                List<Finding> findings = new ArrayList<>(rules(request, stage, d, internal));
                settled.add(new EnvironmentResult(env.id(), findings, d));
                continue;
            }
            // the templates branch on unknown values: every combination of branches is read (up to a bound), the
            // footprint is the largest, and a finding of only some says when it holds
            List<Choices> combos = Branches.combinations(Branches.arities(sources));
            List<Deployment> variants = new ArrayList<>();
            List<List<Finding>> internals = new ArrayList<>();
            for (Choices c : combos) {
                List<Finding> own = new ArrayList<>(internal);
                SourceSet s = c.equals(Choices.DEFAULT) ? sources
                        : load(loader, request, exists, props, options.withChoices(c), own);
                secrets.addAll(s.secrets());
                variants.add(guardedModel(request, env, s, null, own));
                internals.add(own);
            }
            int worst = Branches.largest(variants);
            List<Finding> worstInternal = new ArrayList<>(internal);
            Deployment chosen = guardedModel(request, env, variants.get(worst).sources(),
                    new ModelParameters.Branches(combos.size(), Branches.describe(combos.get(worst), decisions)),
                    worstInternal);
            variants.set(worst, chosen);
            internals.set(worst, worstInternal);
            List<List<Finding>> found = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                found.add(rules(request, stage, variants.get(i), internals.get(i)));
            }
            settled.add(new EnvironmentResult(env.id(), Branches.merge(found, combos, decisions, worst), chosen));
        }
        Redactor redactor = new Redactor(secrets, loader.unknowns());
        ReportView.Builder view = ReportView.builder(redactor, request.failOn(), request.severityPolicy(),
                request.toolVersion()).helpUrl(request.helpUrl()).sourceFolder(request.sourceDisplay())
                .verbose(request.verbose());
        List<EnvironmentResult> closed = new ArrayList<>();
        for (EnvironmentResult r : settled) {
            List<Finding> fs = FindingsStage.close(r.findings(), redactor);
            closed.add(new EnvironmentResult(r.id(), fs, r.deployment()));
            view.environment(r.id(), fs, r.deployment());
        }
        return new CheckResult(closed, view.build());
    }

    /**
     * A variables file the user names that cannot be read (a YAML error, a file that is not UTF-8) stops the check, as
     * a wrong propertiesFile does: its values would be missing from every template.
     */
    private static void userVariablesReadable(EnvironmentSpec env, SourceSet sources) throws RequestException {
        if (env.variableFiles().isEmpty() || sources.variables().isEmpty()) {
            return;
        }
        for (java.util.Map.Entry<String, List<io.github.footprint.source.template.TemplateProblem>> e
                : sources.variables().get().problems().entrySet()) {
            if (sources.get(e.getKey()).isPresent()) {
                // a file of the tree: its problems are findings there
                continue;
            }
            for (io.github.footprint.source.template.TemplateProblem p : e.getValue()) {
                if (p.severity() == io.github.footprint.base.Severity.ERROR) {
                    throw new RequestException("environment " + env.id() + ": variables file " + e.getKey()
                            + (p.line() > 0 ? " line " + p.line() : "") + ": " + p.message());
                }
            }
        }
    }

    private static String display(CheckRequest r) {
        String s = r.displayBase().relativize(r.sourceDirectory()).toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** Project and plugin properties, then the environment's file and properties, then -D: later wins. */
    private static Properties properties(CheckRequest request, EnvironmentSpec env) throws RequestException {
        Properties p = request.properties();
        if (env.propertiesFile() != null) {
            Properties file = new Properties();
            try (Reader r = Files.newBufferedReader(env.propertiesFile(), StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new RequestException("environment " + env.id() + ": propertiesFile "
                        + IoErrors.shown(request.displayBase(), env.propertiesFile())
                        + " cannot be read as UTF-8 properties (" + e.getMessage() + ")");
            }
            p.putAll(file);
        }
        p.putAll(env.properties());
        p.putAll(request.userProperties());
        p.setProperty("footprint.environment", env.id());
        return p;
    }

    /** The sources of one rendering, or none with an internal-error finding when reading them fails. */
    private static SourceSet load(SourceLoader loader, CheckRequest request, boolean exists, Properties props,
            TemplateOptions options, List<Finding> internal) {
        try {
            return exists ? loader.load(props, request.filtering(), options) : SourceSet.missing(display(request));
        } catch (Throwable t) {
            InternalErrors.rethrowFatal(t);
            internal.add(internal(new Location(display(request), 0), "reading the source folder", t));
            return SourceSet.of(display(request), List.of(), Set.of());
        }
    }

    /** The model, or the model of the files alone with an internal-error finding when building it fails. */
    private static Deployment guardedModel(CheckRequest request, EnvironmentSpec env, SourceSet sources,
            ModelParameters.Branches branches, List<Finding> internal) {
        try {
            return model(request, env, sources, internal, branches);
        } catch (Throwable t) {
            InternalErrors.rethrowFatal(t);
            internal.add(internal(Location.PROJECT, "building the model of the deployment", t));
            try {
                // the files as read, without what failed (the Apache tree, INI files, install steps)
                return emptyModel(request, env, sources);
            } catch (Throwable again) {
                InternalErrors.rethrowFatal(again);
                return emptyModel(request, env, SourceSet.of(display(request), List.of(), Set.of()));
            }
        }
    }

    /** An internal-error finding (FP001, error): where the stage failed, what it was doing, never the input. */
    private static Finding internal(Location at, String doing, Throwable t) {
        return new Finding("FP001", Severity.ERROR, InternalErrors.message(doing, t), at);
    }

    /** A model of the files without their readers' results: what the reports need when the real one failed. */
    private static Deployment emptyModel(CheckRequest request, EnvironmentSpec env, SourceSet sources) {
        SourceSet none = SourceSet.of(sources.sourceRoot(), List.of(), Set.of());
        Placement placement = Placement.of(none, request.pathMappings(), null, "");
        return ModelBuilder.build(env.id(), sources, new HostPathMapper(sources, request.pathMappings(), "", placement,
                null), null, List.of(), List.of(), parameters(request, env));
    }

    private static ModelParameters parameters(CheckRequest request, EnvironmentSpec env) {
        return new ModelParameters(request.mpm(), request.apacheVersion(), request.modWsgiVersion(), env.host(),
                request.sqlalchemyPrefixes());
    }

    private static Deployment model(CheckRequest request, EnvironmentSpec env, SourceSet sources,
            List<Finding> internal, ModelParameters.Branches branches) {
        List<ScriptFacts> scripts = new ArrayList<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (SourceFile f : sources.files()) {
            if ((f.kind() == FileKind.SHELL || f.kind() == FileKind.SYSTEMD || f.kind() == FileKind.PYTHON)
                    && f.parseable()) {
                try {
                    scripts.add(facts(f, environment));
                } catch (Throwable t) {
                    InternalErrors.rethrowFatal(t);
                    internal.add(internal(new Location(f.displayPath(), 0), "reading this start-up script", t));
                }
            }
        }
        ApacheLayout layout = ApacheLayout.find(sources, request.apacheMain(), request.serverRoot());
        Placement placement = Placement.of(sources, request.pathMappings(), layout.main(), layout.root());
        boolean apacheFiles = !sources.files(FileKind.APACHE).isEmpty();
        PlatformChoice platform = !apacheFiles ? PlatformChoice.noServer(env.host().platform())
                : layout.main() != null ? PlatformChoice.ownServer(env.host().platform())
                : PlatformChoice.decide(env.host().platform(), sources, placement, request.apacheVersion());
        ApacheParser.Options options = new ApacheParser.Options(request.apacheVersion(), request.mpm(), environment);
        SourceSet apacheSources = sources;
        SourceFile main = layout.main();
        HostPathMapper mapper;
        if (platform.applied() && platform.platform() != Platform.NONE) {
            // no main file: the distribution's stock tree around the project's files, as the host has them
            PlatformTree tree = PlatformTree.assemble(sources, placement, platform.platform());
            if (tree.envvars() != null) {
                scripts.add(facts(tree.envvars(), environment));
                options = new ApacheParser.Options(request.apacheVersion(), request.mpm(), environment);
            }
            options = options.withServer(tree.builtInModules(), tree.builtInMpm(), tree.hostRoot(), tree::disabled,
                    tree.hostModules());
            apacheSources = tree.sources();
            main = tree.main();
            mapper = new HostPathMapper(apacheSources, request.pathMappings(), tree.root(), placement, tree.hostRoot());
        } else {
            mapper = new HostPathMapper(sources, request.pathMappings(), layout.root(), placement, null);
        }
        ApacheConfig apache = null;
        if (apacheFiles) {
            try {
                apache = ApacheParser.parse(apacheSources, mapper, main, options);
            } catch (Throwable t) {
                InternalErrors.rethrowFatal(t);
                SourceFile at = main != null ? main : sources.files(FileKind.APACHE).get(0);
                internal.add(internal(new Location(at.displayPath(), 0), "reading the Apache configuration", t));
            }
        }
        PasteIniReader ini = null;
        List<IniDocument> inis = new ArrayList<>();
        for (SourceFile f : sources.files(FileKind.INI)) {
            if (f.parseable()) {
                try {
                    // set up only for a project with INI files
                    if (ini == null) {
                        ini = new PasteIniReader();
                    }
                    inis.add(ini.read(f));
                } catch (Throwable t) {
                    InternalErrors.rethrowFatal(t);
                    internal.add(internal(new Location(f.displayPath(), 0), "reading this INI file", t));
                }
            }
        }
        return ModelBuilder.build(env.id(), sources, mapper, apache, inis, scripts, parameters(request, env)
                .withPlatform(platform).withBranches(branches));
    }

    /** A start-up script's facts; a shell script's or unit's variables go into httpd's start-up environment. */
    private static ScriptFacts facts(SourceFile f, Map<String, String> environment) {
        ScriptFacts facts = ScriptReader.read(f);
        if (f.kind() != FileKind.PYTHON) {
            for (Fact v : facts.variables()) {
                environment.put(v.name(), v.value());
            }
        }
        return facts;
    }

    private static List<Finding> rules(CheckRequest request, FindingsStage stage, Deployment d,
            List<Finding> internal) {
        List<Finding> out = new ArrayList<>(internal);
        for (Rule rule : RuleCatalog.rules()) {
            String id = rule.meta().id();
            if (stage.isOff(id)) {
                continue;
            }
            RuleContext ctx = new RuleContext(rule.meta(), request.ruleOptions(id));
            try {
                rule.check(d, ctx);
                out.addAll(ctx.findings());
            } catch (Throwable t) {
                InternalErrors.rethrowFatal(t);
                out.add(internal(Location.PROJECT, "applying rule " + id, t));
            }
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (SourceFile f : d.sources().files()) {
            suppressions.addAll(f.suppressions());
        }
        return stage.settle(out, suppressions);
    }

    private static Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        RuleCatalog.rules().forEach(r -> ids.add(r.meta().id()));
        return ids;
    }
}
