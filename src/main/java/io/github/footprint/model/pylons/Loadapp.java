package io.github.footprint.model.pylons;

import io.github.footprint.base.Location;
import io.github.footprint.model.wsgi.Mount;
import io.github.footprint.source.HostPathMapper;

/**
 * How mod_wsgi loads an INI file: a mount runs a {@code .wsgi} script of the project whose
 * {@code loadapp('config:...')} names the file, each host path mapped into the project by a rule.
 */
public final class Loadapp {
    private final Mount mount;
    private final HostPathMapper.Rule scriptMapping;
    private final Location location;
    private final String path;
    private final HostPathMapper.Rule iniMapping;

    Loadapp(Mount mount, HostPathMapper.Rule scriptMapping, Location location, String path,
            HostPathMapper.Rule iniMapping) {
        this.mount = mount;
        this.scriptMapping = scriptMapping;
        this.location = location;
        this.path = path;
        this.iniMapping = iniMapping;
    }

    /** The {@code WSGIScriptAlias} whose script calls {@code loadapp}. */
    public Mount mount() {
        return mount;
    }

    /** How the script's host path maps into the project. */
    public HostPathMapper.Rule scriptMapping() {
        return scriptMapping;
    }

    /** The {@code loadapp} call. */
    public Location location() {
        return location;
    }

    /** The INI file as the {@code config:} URI names it. */
    public String path() {
        return path;
    }

    /** How the INI file's host path maps into the project. */
    public HostPathMapper.Rule iniMapping() {
        return iniMapping;
    }
}
