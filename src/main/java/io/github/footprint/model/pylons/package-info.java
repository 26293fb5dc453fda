/**
 * PasteDeploy's view of the project's INI files: the applications with their SQLAlchemy engines, the link from a
 * mount through its {@code .wsgi} script's {@code loadapp} to the app (so the daemon group that serves it), and the
 * {@code [server:...]} sections ({@link io.github.footprint.model.pylons.PylonsReader}).
 */
package io.github.footprint.model.pylons;
