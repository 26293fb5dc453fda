package io.github.footprint.parse.scripts.python;

import io.github.footprint.base.Location;

/**
 * One call in a start-up script that opens an INI: which loader, the file it opens on the host (known, or unknown
 * with why), the application section it takes, where the call is and in what context it runs.
 */
public final class IniLoad {
    /** The loaders footprint recognises, under whatever name imports give them. */
    public enum Kind {
        /** {@code paste.deploy.loadapp} ({@code paste.deploy.loadwsgi.loadapp}): builds the application. */
        LOADAPP,
        /** {@code paste.deploy.appconfig}: reads an application's settings (with {@code make_app}: builds it). */
        APPCONFIG,
        /** {@code pyramid.paster.get_app} (and {@code bootstrap}): builds the application through plaster. */
        GET_APP,
        /** {@code pyramid.paster.get_appsettings}: reads an application's settings through plaster. */
        GET_APPSETTINGS,
        /** CKAN's {@code ckan.cli.CKANConfigLoader}: reads {@code [app:main]} itself (then {@code make_app}). */
        CKAN_CONFIG_LOADER,
        /** {@code configparser.ConfigParser().read(path)}: the script reads the INI itself. */
        CONFIGPARSER,
        /**
         * {@code logging.config.fileConfig}, {@code paste.script.util.logging_config.fileConfig},
         * {@code pyramid.paster.setup_logging}: logging from the INI, a second use of it, not a loader.
         */
        LOGGING
    }

    /** Where the call runs. */
    public enum Context {
        /** At module level: when mod_wsgi loads the script. */
        MODULE,
        /** Under a condition footprint cannot decide, in a loop, or in an except clause. */
        CONDITIONAL,
        /** In a function body: when something calls it ({@code application}: on each request). */
        FUNCTION
    }

    private final LoadRecord r;
    private final Derivation path;
    private final Derivation section;

    IniLoad(LoadRecord r) {
        this.r = r;
        this.path = Derivation.of(r.path);
        this.section = r.section == null ? null : Derivation.of(r.section);
    }

    public Kind kind() {
        return r.kind;
    }

    /** The function called, by its qualified name ({@code paste.deploy.loadapp}). */
    public String function() {
        return r.function;
    }

    /** Where the call is. */
    public Location location() {
        return r.at;
    }

    /** The file the loader opens on the host, after {@code os.path.normpath}; unknown with the reason otherwise. */
    public Derivation path() {
        return path;
    }

    /** The path exactly as the loader passes it to open() (before normalisation), or null when not known. */
    public String rawPath() {
        return r.raw;
    }

    /**
     * A relative path the loader would open relative to the process's working directory (which a static reading
     * cannot know), as computed; null otherwise.
     */
    public String relativePath() {
        return r.relative;
    }

    /** The application section's name ({@code main} for {@code [app:main]}); null for {@link Kind#LOGGING}. */
    public Derivation section() {
        return section;
    }

    public Context context() {
        return r.context;
    }

    /** The enclosing constructs, outermost first ("inside `if ...:` (line 10)"), or null at module level. */
    public String contextDescription() {
        return r.contextText;
    }

    /** Where the outermost enclosing construct is, or null at module level. */
    public Location contextLocation() {
        return r.contextAt;
    }

    /** Where a {@code make_app(...)} call receives what this load read ({@code appconfig}, CKAN), or null. */
    public Location makeApp() {
        return r.makeApp;
    }

    /** True when this call builds the application from the INI's section (directly, or through make_app). */
    public boolean loadsApplication() {
        switch (r.kind) {
            case LOADAPP:
            case GET_APP:
                return true;
            case APPCONFIG:
            case GET_APPSETTINGS:
            case CKAN_CONFIG_LOADER:
                return r.makeApp != null;
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return r.at + ": " + r.function + " [" + r.kind + (r.context != Context.MODULE ? ", " + r.contextText : "")
                + "] path " + path.describe() + (section != null ? "; section " + section.describe() : "");
    }
}
