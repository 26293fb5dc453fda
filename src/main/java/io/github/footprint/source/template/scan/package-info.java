/**
 * Templates read without their language's engine: Mako, ERB, Tempita (and Paste Script's {@code string.Template}
 * files) and sed-style placeholders. Each reader cuts its template into text, expressions and control flow
 * ({@link io.github.footprint.source.template.scan.ControlTree}); {@link
 * io.github.footprint.source.template.scan.ControlRenderer} writes the text out with every expression as an unknown
 * token, takes at each condition the branch the render's choices name (recording a decision point, as the Jinja2
 * engine does for conditions on unknown variables), renders a loop's body once, and keeps every output line mapped to
 * the template line it came from.
 */
package io.github.footprint.source.template.scan;
