package io.github.footprint.parse.ini;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PasteDeploy's {@code LoaderContext}: what {@code loadapp}/{@code loadserver} would build from one section,
 * with the {@code global_conf} and {@code local_conf} the factory would be called with, every value remembering
 * its line. For a {@code use} chain the context is the innermost one, updated by each outer section, as
 * PasteDeploy's {@code _context_from_use} does; {@link #sections()} lists the chain.
 */
public final class PasteContext {
    /** The object types and PasteDeploy's virtual ones. */
    public enum Kind {
        APP, FILTER, SERVER, PIPELINE, FILTER_APP, FILTER_WITH
    }

    /** A section of a file, as one link of a chain. */
    public static final class SectionRef {
        private final PasteConfig config;
        private final IniSection section;

        SectionRef(PasteConfig config, IniSection section) {
            this.config = config;
            this.section = section;
        }

        public PasteConfig config() {
            return config;
        }

        public IniSection section() {
            return section;
        }

        @Override
        public String toString() {
            return "[" + section.name() + "] (" + section.location() + ")";
        }
    }

    private final Kind kind;
    private final List<SectionRef> sections = new ArrayList<>();
    private String loader;
    private boolean complete = true;
    private boolean failed;
    final Map<String, Setting> globalConf;
    final Map<String, Setting> localConf;
    PasteContext next;
    PasteContext filter;
    PasteContext app;
    final List<PasteContext> filters = new ArrayList<>();

    PasteContext(Kind kind, String loader, Map<String, Setting> globalConf, Map<String, Setting> localConf) {
        this.kind = kind;
        this.loader = loader;
        this.globalConf = new LinkedHashMap<>(globalConf);
        this.localConf = new LinkedHashMap<>(localConf);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * What makes the object: {@code egg:Paste#http}, {@code call:mod:fn}, {@code paste.app_factory = mod:fn}; for a
     * {@code config:} target outside the project, that {@code config:} URI; null for the virtual kinds.
     */
    public String loader() {
        return loader;
    }

    void loader(String l) {
        loader = l;
    }

    /** False when part of the chain lies outside the project, so settings from there are unknown. */
    public boolean complete() {
        return complete;
    }

    void incomplete() {
        complete = false;
    }

    /**
     * True when PasteDeploy would raise while loading this (FP001 says what): the settings are what could be read,
     * for the rules that judge settings, but no such object is ever built.
     */
    public boolean failed() {
        return failed;
    }

    void fail() {
        failed = true;
    }

    /** The sections that made this context, outermost ({@code use = ...} written there) first. */
    public List<SectionRef> sections() {
        return Collections.unmodifiableList(sections);
    }

    void outer(SectionRef s) {
        sections.add(0, s);
    }

    /** The {@code global_conf} the factory receives. */
    public Map<String, Setting> globalConf() {
        return Collections.unmodifiableMap(globalConf);
    }

    /** The {@code local_conf} (keyword arguments) the factory receives. */
    public Map<String, Setting> localConf() {
        return Collections.unmodifiableMap(localConf);
    }

    /**
     * What a Pylons application's {@code config} holds: {@code global_conf} updated with {@code local_conf}
     * ({@code PylonsConfig.init_app}: {@code conf = global_conf.copy(); conf.update(app_conf)}), which is also what
     * {@code engine_from_config(config, prefix)} reads.
     */
    public Map<String, Setting> merged() {
        Map<String, Setting> m = new LinkedHashMap<>(globalConf);
        m.putAll(localConf);
        return Collections.unmodifiableMap(m);
    }

    /** {@code next_context} of a filter-app or filter-with, or null. */
    public PasteContext next() {
        return next;
    }

    /** {@code filter_context} of a filter-app or filter-with, or null. */
    public PasteContext filter() {
        return filter;
    }

    /** {@code app_context} of a pipeline, or null. */
    public PasteContext app() {
        return app;
    }

    /** {@code filter_contexts} of a pipeline. */
    public List<PasteContext> filters() {
        return Collections.unmodifiableList(filters);
    }

    /**
     * The application contexts this one ends in: itself for an app, the last element of a pipeline, the
     * {@code next} of a filter-app or filter-with.
     */
    public List<PasteContext> apps() {
        List<PasteContext> out = new ArrayList<>();
        switch (kind) {
            case APP:
                out.add(this);
                break;
            case PIPELINE:
                if (app != null) {
                    out.addAll(app.apps());
                }
                break;
            case FILTER_APP:
            case FILTER_WITH:
                if (next != null) {
                    out.addAll(next.apps());
                }
                break;
            default:
                break;
        }
        return out;
    }

    @Override
    public String toString() {
        return kind + " " + sections + " " + loader;
    }
}
