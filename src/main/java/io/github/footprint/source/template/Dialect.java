package io.github.footprint.source.template;

/**
 * The template language a file of the deploy tree is written in. {@link #MAVEN} and {@link #JINJA2} are rendered in
 * the source stage; {@link #MAKO}, {@link #ERB}, {@link #SED} and {@link #TEMPITA} are recognised and tagged, and
 * their text is handed on as written (see {@link TemplateEngines}, the seam where a reader for them plugs in).
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

    /** True for the dialects the source stage renders itself. */
    public boolean rendered() {
        return this == MAVEN || this == JINJA2;
    }
}
