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

    /**
     * Starts making the engine of a dialect in the background (Jinjava's setup and class loading take most of a
     * second), so that it is ready, or nearly, when the first template of that dialect is met: the loader calls this
     * as soon as its scan sees a file named like such a template. Does nothing for an engine already made.
     */
    public void prepare(Dialect dialect) {
        TemplateEngine e = engines.get(dialect);
        if (e instanceof Lazy) {
            ((Lazy) e).prepare();
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

        private boolean preparing;

        private synchronized TemplateEngine engine() {
            if (engine == null) {
                engine = factory.get();
            }
            return engine;
        }

        synchronized void prepare() {
            if (engine != null || preparing) {
                return;
            }
            preparing = true;
            Thread t = new Thread(() -> {
                try {
                    engine();
                    // the variables files' reader too
                    VarsFiles.read("warm-up.yml", "a: 1\n");
                } catch (RuntimeException | LinkageError e) {
                    // the first render makes the engine again and meets the same problem, where it is reported
                }
            }, "footprint-template-engine");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public RenderedTemplate render(TemplateInput input) {
            return engine().render(input);
        }
    }
}
