/**
 * The deployment as the servers will run it, for one environment: {@link io.github.footprint.model.Deployment}
 * (immutable, what every rule reads), built once by {@link io.github.footprint.model.ModelBuilder} from the readers'
 * output, with the user's statements ({@link io.github.footprint.model.ModelParameters},
 * {@link io.github.footprint.model.Host}). The parts live in the sub-packages by subject: {@code mpm} (Apache's
 * process limits), {@code wsgi} (mod_wsgi's daemons, mounts and routing), {@code pylons} (PasteDeploy apps and
 * SQLAlchemy pools), {@code memory} (thread stacks and the worst-case footprint). The model holds kinds, numbers,
 * names and locations; the sentences users read are written by the rules and the reports.
 */
package io.github.footprint.model;
