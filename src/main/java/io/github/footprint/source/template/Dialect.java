package io.github.footprint.source.template;

/**
 * The template language a file of the deploy tree is written in. {@link #MAVEN} and {@link #JINJA2} are rendered in
 * the source stage; {@link #MAKO}, {@link #ERB}, {@link #SED} and {@link #TEMPITA} are read without their engines,
 * their expressions unknown values, their conditions decision points (see {@link TemplateEngines}).
 */
public enum Dialect {
    /** No template syntax at all: the file is what the server reads. */
    NONE,
    /** Maven resource filtering: {@code ${name}}, {@code @name@}, and httpd's own {@code @@Name@@}. */
    MAVEN,
    /** Jinja2 as Ansible's template module renders it: {@code {{ }}}, {@code {% %}}, {@code {# #}}. */
    JINJA2,
    /** Mako (Pylons, Kallithea): {@code ${expr}}, {@code <% %>}, {@code % if ...:} lines, {@code ##} comments. */
    MAKO,
    /** ERB (Puppet, Chef): {@code <%= expr %>}, {@code <% code %>}. */
    ERB,
    /** Placeholders a script fills in with sed (devstack style): {@code %NAME%}, {@code @NAME@}, {@code __NAME__}. */
    SED,
    /** Tempita (Paste Script's {@code _tmpl} files): {@code {{name}}}, {@code {{if x}}}, {@code {{endif}}}. */
    TEMPITA;

    /** True for the dialects the source stage renders or reads (every one but {@link #NONE}). */
    public boolean rendered() {
        return this != NONE;
    }

    /** The dialect of a name as the pom writes it ({@code jinja2}, {@code mako}...), ignoring case; null for none. */
    public static Dialect byName(String name) {
        for (Dialect d : values()) {
            if (d.name().equalsIgnoreCase(name.trim())) {
                return d;
            }
        }
        return null;
    }
}
