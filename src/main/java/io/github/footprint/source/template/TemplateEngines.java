package io.github.footprint.source.template;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which engine renders which dialect: the seam between the source stage and the template languages. Jinja2 templates
 * of text and simple expressions are rendered by our own evaluator ({@code jinja.FastJinja}); the others by Jinjava
 * (created, and its classes loaded, only when the first such template is met). Mako, ERB, sed
 * placeholders and Tempita are read without their engines ({@code template.scan}): expressions become unknown values,
 * conditions decision points. Maven filtering stays in the loader's own fast path ({@code source.TemplateRenderer}).
 */
public final class TemplateEngines {
    private final Map<Dialect, TemplateEngine> engines;
    private final SedForms sed;

    private TemplateEngines(Map<Dialect, TemplateEngine> engines, SedForms sed) {
        this.engines = engines;
        this.sed = sed;
    }

    /** The engines of a plain build: the default sed placeholder forms. */
    public static TemplateEngines standard() {
        return standard(SedForms.DEFAULT);
    }

    /** The engines of a build with these sed placeholder forms. */
    public static TemplateEngines standard(SedForms sed) {
        Map<Dialect, TemplateEngine> m = new EnumMap<>(Dialect.class);
        m.put(Dialect.JINJA2, new Jinja2Front(new Lazy(TemplateEngines::jinja2)));
        // each made (its regular expressions compiled) when the first template of its dialect is met
        m.put(Dialect.MAKO, new Lazy(() -> new io.github.footprint.source.template.scan.MakoEngine()));
        m.put(Dialect.ERB, new Lazy(() -> new io.github.footprint.source.template.scan.ErbEngine()));
        m.put(Dialect.SED, new Lazy(() -> new io.github.footprint.source.template.scan.SedEngine(sed)));
        m.put(Dialect.TEMPITA, new Lazy(() -> new io.github.footprint.source.template.scan.TempitaEngine()));
        return new TemplateEngines(m, sed);
    }

    /** Every dialect but Jinja2 handed on verbatim, unread (what a build knew before the readers existed). */
    public static TemplateEngines verbatim() {
        TemplateEngines s = standard();
        TemplateEngine verbatim = input -> RenderedTemplate.verbatim(input.dialect(), input.text());
        return s.with(Dialect.MAKO, verbatim).with(Dialect.ERB, verbatim).with(Dialect.SED, verbatim)
                .with(Dialect.TEMPITA, verbatim);
    }

    /** The sed placeholder forms these engines read (the detector looks for them too). */
    public SedForms sedForms() {
        return sed;
    }

    /** The Jinjava engine, one per JVM (Jinjava's setup is its cost), made when the first Jinja2 template is met. */
    private static TemplateEngine jinja2() {
        return Jinja2.ENGINE;
    }

    /** Holds the engine: loaded, and so Jinjava's classes too, only when {@link #jinja2()} first runs. */
    private static final class Jinja2 {
        static final TemplateEngine ENGINE = new io.github.footprint.source.template.jinja.JinjaEngine();
    }

    /** These engines with one replaced. */
    public TemplateEngines with(Dialect dialect, TemplateEngine engine) {
        Map<Dialect, TemplateEngine> m = new EnumMap<>(engines);
        m.put(dialect, engine);
        return new TemplateEngines(m, sed);
    }

    /**
     * Gets ready in the background for the templates of a dialect: the loader calls this as soon as its scan sees a
     * file named like such a template. For Jinja2, the variables files' reader is warmed up (Jinjava is made only
     * when a template needs it); nothing for the other dialects.
     */
    public void prepare(Dialect dialect) {
        TemplateEngine e = engines.get(dialect);
        if (e instanceof Jinja2Front) {
            ((Jinja2Front) e).prepare();
        }
    }

    /**
     * Jinja2: the fast path first, Jinjava for the rest. Preparing it warms up only the variables files' reader:
     * whether Jinjava is needed at all is known only when a template needs it.
     */
    private static final class Jinja2Front implements TemplateEngine {
        private final io.github.footprint.source.template.jinja.FastJinja fast;
        private boolean preparing;

        Jinja2Front(Lazy full) {
            this.fast = new io.github.footprint.source.template.jinja.FastJinja(() -> full);
        }

        synchronized void prepare() {
            if (preparing) {
                return;
            }
            preparing = true;
            Thread t = new Thread(() -> {
                try {
                    VarsFiles.read("warm-up.yml", "a: 1\n");
                } catch (RuntimeException | LinkageError e) {
                    // the first variables file read meets the same problem, where it is reported
                }
            }, "footprint-template-engine");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public RenderedTemplate render(TemplateInput input) {
            return fast.render(input);
        }
    }

    /** The engine of a dialect, or null for NONE and MAVEN (the loader renders those itself). */
    public TemplateEngine engine(Dialect dialect) {
        return engines.get(dialect);
    }

    /** An engine made on first use. */
    private static final class Lazy implements TemplateEngine {
        private final Supplier<TemplateEngine> factory;
        private TemplateEngine engine;

        Lazy(Supplier<TemplateEngine> factory) {
            this.factory = factory;
        }

        private synchronized TemplateEngine engine() {
            if (engine == null) {
                engine = factory.get();
            }
            return engine;
        }

        @Override
        public RenderedTemplate render(TemplateInput input) {
            return engine().render(input);
        }
    }
}
