package io.github.footprint.model.pylons;

import io.github.footprint.base.Location;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.parse.scripts.python.Derivation;
import io.github.footprint.parse.scripts.python.IniLoad;
import io.github.footprint.source.HostPathMapper;

/**
 * The link from a mount to the INI file its script loads: a {@code WSGIScriptAlias} runs a {@code .wsgi} script of
 * the project (its host path mapped into the project), run with {@code __file__} the alias target as written
 * (mod_wsgi's behaviour); a loader call of the script ({@code loadapp}, {@code appconfig} with {@code make_app},
 * {@code get_app}, {@code get_appsettings}, CKAN's {@code CKANConfigLoader}, {@code configparser}) opens a host path
 * the script computes ({@link #derivation()}), mapped into the project, and takes an application section.
 *
 * <p>A link that reaches no INI file of the project says why ({@link #missing()}): the path or the section is
 * unknown (with the reason and where, from the script's reading), the path maps outside the project or to no INI
 * file, or CPython refuses the script. Such a link is never matched to an app by guess.
 */
public final class Loadapp {
    /** Why a link reaches no INI file of the project. */
    public enum Missing {
        /** The script computes the path from something footprint cannot know ({@link #derivation()} says what). */
        PATH_UNKNOWN,
        /** The section the loader takes is not known ({@link #sectionDerivation()} says why). */
        SECTION_UNKNOWN,
        /** No rule of {@link HostPathMapper} maps the computed host path into the project. */
        OUTSIDE,
        /** The host path maps to a tree path that is no INI file of the project ({@link #iniFile()}). */
        NO_INI_FILE,
        /** CPython refuses to compile the script, so mod_wsgi cannot run it. */
        SCRIPT_REFUSED,
        /** The script calls no loader footprint recognises (or only a logging one). */
        NO_LOADER
    }

    private final Mount mount;
    private final String scriptFile;
    private final HostPathMapper.Rule scriptMapping;
    private final String scriptDisplay;
    private final IniLoad load;
    private final HostPathMapper.Rule iniMapping;
    private final String iniFile;
    private final Missing missing;

    Loadapp(Mount mount, String scriptFile, HostPathMapper.Rule scriptMapping, String scriptDisplay, IniLoad load,
            HostPathMapper.Rule iniMapping, String iniFile, Missing missing) {
        this.mount = mount;
        this.scriptFile = scriptFile;
        this.scriptMapping = scriptMapping;
        this.scriptDisplay = scriptDisplay;
        this.load = load;
        this.iniMapping = iniMapping;
        this.iniFile = iniFile;
        this.missing = missing;
    }

    /** The {@code WSGIScriptAlias} whose script loads the INI. */
    public Mount mount() {
        return mount;
    }

    /**
     * The script's {@code __file__}: the alias target as written, without the trailing slashes httpd's path walk
     * leaves as path info; null when the target is not known (a {@code WSGIScriptAliasMatch} substitution).
     */
    public String scriptFile() {
        return scriptFile;
    }

    /** How the script's host path maps into the project. */
    public HostPathMapper.Rule scriptMapping() {
        return scriptMapping;
    }

    /** The script as findings name it (its file in the project). */
    public String scriptDisplay() {
        return scriptDisplay;
    }

    /** The loader call, or null ({@link Missing#SCRIPT_REFUSED}, {@link Missing#NO_LOADER}). */
    public IniLoad load() {
        return load;
    }

    /** The loader call's place; the script's first line when there is no call. */
    public Location location() {
        return load != null ? load.location() : new Location(scriptDisplay, 1);
    }

    /** The loader as the script reaches it ({@code paste.deploy.loadapp}), or null. */
    public String loader() {
        return load == null ? null : load.function();
    }

    /** How the script computes the path, step by step; null without a loader call. */
    public Derivation derivation() {
        return load == null ? null : load.path();
    }

    /** How the script chooses the section; null without a loader call or for a loader without one. */
    public Derivation sectionDerivation() {
        return load == null ? null : load.section();
    }

    /** The path exactly as the loader opens it (before {@code os.path.normpath}), or null when not known. */
    public String path() {
        return load == null ? null : load.rawPath() != null ? load.rawPath() : hostPath();
    }

    /** The file the loader opens on the host, normalised, or null when not known. */
    public String hostPath() {
        return load == null || !load.path().known() ? null : load.path().value();
    }

    /** The application section's name ({@code main}), or null when not known. */
    public String section() {
        Derivation d = sectionDerivation();
        return d == null || !d.known() ? null : d.value();
    }

    /** How the INI file's host path maps into the project, or null when the path is not known. */
    public HostPathMapper.Rule iniMapping() {
        return iniMapping;
    }

    /** The INI file in the project as findings name it (or the tree path it maps to), or null. */
    public String iniFile() {
        return iniFile;
    }

    /** Why the link reaches no INI file of the project, or null when it does. */
    public Missing missing() {
        return missing;
    }

    /** True when the link reaches an INI file of the project. */
    public boolean resolved() {
        return missing == null;
    }

    Loadapp resolvedTo(HostPathMapper.Rule mapping, String file, Missing why) {
        return new Loadapp(mount, scriptFile, scriptMapping, scriptDisplay, load, mapping, file, why);
    }

    @Override
    public String toString() {
        return mount.directive() + " " + mount.url() + " -> " + scriptFile + " -> " + (load == null ? "no loader"
                : load.function() + " " + load.path().describe()) + (missing != null ? " [" + missing + "]"
                        : " -> " + iniFile + " #" + section());
    }
}
