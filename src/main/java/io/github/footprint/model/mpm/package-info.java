/**
 * The MPM httpd runs and the sizing values it really uses ({@link io.github.footprint.model.mpm.MpmDirective}):
 * compiled-in defaults, the configured values, and httpd's start-up checks and fix-ups
 * ({@link io.github.footprint.model.mpm.MpmModel}).
 */
package io.github.footprint.model.mpm;
