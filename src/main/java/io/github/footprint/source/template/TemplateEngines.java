package io.github.footprint.source.template;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which engine renders which dialect: the seam between the source stage and the template languages. Jinja2 is
 * rendered by Jinjava (created, and its classes loaded, only when the first Jinja2 template is met). Mako, ERB, sed
 * placeholders and Tempita are handed on verbatim, tagged with their dialect, until a reader for them is put here with
 * {@link #with}. Maven filtering stays in the loader's own fast path ({@code source.TemplateRenderer}).
 */
public final class TemplateEngines {
    private final Map<Dialect, TemplateEngine> engines;

    private TemplateEngines(Map<Dialect, TemplateEngine> engines) {
        this.engines = engines;
    }

    /** The engines of a plain build. */
    public static TemplateEngines standard() {
        Map<Dialect, TemplateEngine> m = new EnumMap<>(Dialect.class);
        m.put(Dialect.JINJA2, new Lazy(TemplateEngines::jinja2));
        TemplateEngine verbatim = input -> RenderedTemplate.verbatim(input.dialect(), input.text());
        m.put(Dialect.MAKO, verbatim);
        m.put(Dialect.ERB, verbatim);
        m.put(Dialect.SED, verbatim);
        m.put(Dialect.TEMPITA, verbatim);
        return new TemplateEngines(m);
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
        return new TemplateEngines(m);
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

        @Override
        public synchronized RenderedTemplate render(TemplateInput input) {
            if (engine == null) {
                engine = factory.get();
            }
            return engine.render(input);
        }
    }
}
