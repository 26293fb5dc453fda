/**
 * mod_wsgi as httpd runs it: the daemon groups ({@link io.github.footprint.model.wsgi.DaemonGroup}, their options
 * read by {@code parse.wsgi}), the mounts and import scripts with the process and application group each runs in,
 * the servers and the scope rules between them, and what httpd refuses at start-up
 * ({@link io.github.footprint.model.wsgi.ModWsgiBuilder} builds {@link io.github.footprint.model.wsgi.ModWsgi}).
 */
package io.github.footprint.model.wsgi;
