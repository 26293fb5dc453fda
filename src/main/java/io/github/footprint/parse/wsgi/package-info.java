/**
 * mod_wsgi's reading of its directives' option text: {@code WSGIDaemonProcess} name and {@code name=value} options
 * ({@link io.github.footprint.parse.wsgi.DaemonLine}), each checked as the configured mod_wsgi release checks it
 * ({@link io.github.footprint.parse.wsgi.WsgiOptions}) and the numbers typed as written and as mod_wsgi reads them
 * ({@link io.github.footprint.parse.wsgi.DaemonOptions}); the options of {@code WSGIScriptAlias} and
 * {@code WSGIImportScript} ({@link io.github.footprint.parse.wsgi.AliasOptions}). Problems are kinds with the text
 * httpd prints; the rules word them.
 */
package io.github.footprint.parse.wsgi;
