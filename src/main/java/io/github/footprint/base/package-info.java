/**
 * What every stage shares: {@link io.github.footprint.base.Location}, {@link io.github.footprint.base.Severity},
 * and the small helpers that exist once: how C ({@link io.github.footprint.base.CType},
 * {@link io.github.footprint.base.Atoi}) and Python ({@link io.github.footprint.base.PythonText},
 * {@link io.github.footprint.base.PythonInt}) read text, byte sizes ({@link io.github.footprint.base.Sizes}), host
 * paths ({@link io.github.footprint.base.HostPaths}), PasteDeploy's {@code config:} URIs
 * ({@link io.github.footprint.base.ConfigUri}), and the edit distance that mistyped names are matched with.
 */
package io.github.footprint.base;
