/**
 * The install steps a deploy project declares for its own files, read from its Ansible roles and playbooks
 * ({@link io.github.footprint.source.install.AnsibleSteps}, through a lenient YAML reader), Puppet manifests
 * ({@link io.github.footprint.source.install.PuppetSteps}) and Chef recipes
 * ({@link io.github.footprint.source.install.ChefSteps}): which project file is written at which host path, the links
 * and removals, and Debian's {@code a2en*}/{@code a2dis*}
 * ({@link io.github.footprint.source.install.InstallStep}). Host paths keep template expressions as named unknowns
 * ({@link io.github.footprint.source.HostPattern}). What cannot be read is passed over, never an error: these files
 * are not checked, only used to place the checked ones.
 */
package io.github.footprint.source.install;
