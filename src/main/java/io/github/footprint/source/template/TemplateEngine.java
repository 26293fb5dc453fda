package io.github.footprint.source.template;

/**
 * Renders (or reads) the templates of one dialect. The seam: {@link TemplateEngines} maps each dialect to one; a
 * reader for Mako, ERB or sed placeholders implements this and replaces the verbatim engine there.
 */
public interface TemplateEngine {
    /** Renders one template; never throws for a bad template (problems go into the result). */
    RenderedTemplate render(TemplateInput input);
}
