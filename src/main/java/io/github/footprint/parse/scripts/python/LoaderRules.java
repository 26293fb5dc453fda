package io.github.footprint.parse.scripts.python;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.footprint.base.Location;
import io.github.footprint.parse.scripts.python.PyValue.Deriv;
import io.github.footprint.parse.scripts.python.PyValue.Str;
import io.github.footprint.parse.scripts.python.PyValue.Unknown;

/**
 * How the loaders turn their arguments into the file they open and the section they take, each after its own
 * source:
 *
 * <p>Sources: Pylons/pastedeploy {@code src/paste/deploy/loadwsgi.py} at tag 3.1 (commit 83ba75ca) and
 * {@code paste/deploy/loadwsgi.py} at 1.5.2 (commit c7374cfc), the same rules; Pylons/plaster
 * {@code src/plaster/uri.py} and {@code src/plaster/loaders.py} (commit 1cd0658d); Pylons/plaster_pastedeploy
 * {@code src/plaster_pastedeploy/__init__.py} and its {@code setup.cfg} entry points (commit cd617d10);
 * Pylons/pyramid {@code src/pyramid/paster.py} and {@code src/pyramid/scripts/common.py} (commit 5b13e4a6); ckan/ckan
 * {@code ckan/cli/__init__.py} (commit b98f4c3e); CPython 3.11's {@code urllib.parse.urlsplit}.
 *
 * <ul>
 * <li>PasteDeploy ({@code paste/deploy/loadwsgi.py}, the same in 1.5.2 and 3.1): {@code loadcontext} takes a
 * {@code #name} fragment only when no {@code name=} is given ({@code name=} wins and the fragment is dropped), the
 * default name is {@code main}, the scheme before the first {@code :} is compared in lower case; {@code _loadconfig}
 * keeps an absolute path, puts {@code relative_to + '/'} before a relative one (a relative path without
 * {@code relative_to} raises ValueError), turns backslashes into slashes, drops two of three leading slashes,
 * percent-decodes ({@code urllib.parse.unquote}); {@code ConfigLoader} strips white space and opens the result,
 * relative to the working directory when it is still relative.</li>
 * <li>pyramid.paster {@code get_app}/{@code get_appsettings}/{@code setup_logging} through plaster
 * ({@code plaster/uri.py} {@code parse_uri}: an absolute path is parsed as {@code dummy://path} by
 * {@code urllib.parse.urlparse}, the fragment and query are cut off, the loader is chosen by the file's extension
 * as {@code file+ini}) and plaster_pastedeploy ({@code Loader}: {@code loadapp('config:' + path, name=name or
 * fragment, relative_to=os.getcwd())}; {@code setup_logging} opens {@code uri.path} with
 * {@code logging.config.fileConfig}).</li>
 * <li>CKAN's {@code ckan.cli.CKANConfigLoader(filename)}: {@code filename.strip()} read with configparser, section
 * {@code app:main} always.</li>
 * <li>{@code logging.config.fileConfig(fname)} and {@code configparser.ConfigParser.read(path)}: the path as given,
 * relative to the working directory.</li>
 * </ul>
 */
final class LoaderRules {
    /** The working directory of a mod_wsgi process is not known statically. */
    static final String CWD = "the working directory of the process, which mod_wsgi sets to the daemon's home="
            + " option, else its user's home directory (not known here)";

    private static final Set<String> PLASTER_INI = Set.of("file+ini", "pastedeploy", "pastedeploy+ini");

    private LoaderRules() {
    }

    private static boolean absent(PyValue v) {
        return v == null || v == PyValue.Singleton.NONE;
    }

    private static Unknown unknownOf(PyValue v, String what, Location at, String op) {
        if (v instanceof Unknown) {
            Unknown u = (Unknown) v;
            return new Unknown(u.reason, u.at, Deriv.of(op, null, at, List.of(v), null));
        }
        return new Unknown(what + " is not a string footprint follows (" + (v == null ? "missing" : v.show()) + ")",
                at, null);
    }

    /** The name PasteDeploy takes: name= when given, else the URI's fragment, else main. */
    private static void section(LoadRecord r, PyValue name, String fragment, boolean uriKnown, Location at) {
        if (!absent(name)) {
            if (name instanceof Str) {
                Str n = (Str) name;
                r.section = new Str(n.s, Deriv.of(fragment != null ? "name= " + n.show() + " (PasteDeploy ignores the"
                        + " URI's #" + fragment + " when name= is given)" : "name= " + n.show(), n.s, at, List.of(n),
                        null));
            } else {
                r.section = unknownOf(name, "name=", at, "name=");
            }
            return;
        }
        if (fragment != null) {
            r.section = new Str(fragment, new Deriv("#" + fragment + " at the end of the URI (no name= given)",
                    fragment, at, List.of(), false, null));
            return;
        }
        r.section = new Str("main", new Deriv("PasteDeploy's default name", "main", at, List.of(), false,
                uriKnown ? null : "PasteDeploy's default section, unless the URI (not known) ends in #name"));
    }

    /** {@code loadapp(uri, name=, relative_to=)} and {@code appconfig}: PasteDeploy's loadcontext and _loadconfig. */
    static void paste(LoadRecord r, PyValue uri, PyValue name, PyValue relativeTo, Location at) {
        if (!(uri instanceof Str)) {
            r.path = absent(uri) ? new Unknown(r.function + "() without a URI raises TypeError", at, null)
                    : unknownOf(uri, "the URI", at, "the URI");
            section(r, name, null, false, at);
            return;
        }
        Str u = (Str) uri;
        String s = u.s;
        String fragment = null;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            if (absent(name)) {
                fragment = s.substring(hash + 1);
            }
            s = s.substring(0, hash);
        }
        section(r, name, absent(name) ? fragment : hash >= 0 ? u.s.substring(hash + 1) : null, true, at);
        int colon = s.indexOf(':');
        if (colon < 0) {
            r.path = new Unknown("PasteDeploy raises LookupError: URI has no scheme: " + PyValue.repr(s), at,
                    Deriv.of("the URI", null, at, List.of(u), null));
            return;
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        String path = s.substring(colon + 1);
        if (!scheme.equals("config")) {
            String why = scheme.equals("egg") || scheme.equals("call")
                    ? "the URI " + PyValue.repr(s) + " loads the application from Python code (" + scheme
                            + ":), not from an INI file"
                    : scheme.startsWith("config+") ? "the URI scheme " + scheme + ": is read by a plug-in"
                            : "PasteDeploy raises LookupError: URI scheme not known: " + PyValue.repr(scheme);
            r.path = new Unknown(why, at, Deriv.of("the URI", null, at, List.of(u), null));
            return;
        }
        Deriv d = Deriv.of("PasteDeploy: config: URI " + PyValue.repr(s) + ", path " + PyValue.repr(path), path, at,
                List.of(u), null);
        boolean isabs = PyStrings.absoluteOnHost(path);
        path = path.replace('\\', '/');
        if (!isabs) {
            if (absent(relativeTo) || (relativeTo instanceof Str && ((Str) relativeTo).s.isEmpty())) {
                r.path = new Unknown("PasteDeploy raises ValueError: Cannot resolve relative uri "
                        + PyValue.repr(s) + "; no relative_to keyword argument given", at, d);
                return;
            }
            if (relativeTo instanceof Unknown && ((Unknown) relativeTo).reason.equals(CWD)) {
                // plaster_pastedeploy: relative_to=os.getcwd()
                open(r, path, d, at);
                return;
            }
            if (!(relativeTo instanceof Str)) {
                r.path = unknownOf(relativeTo, "relative_to", at, "relative_to");
                return;
            }
            Str rt = (Str) relativeTo;
            String base = rt.s.replace('\\', '/');
            path = base.endsWith("/") ? base + path : base + "/" + path;
            d = new Deriv("PasteDeploy: relative_to " + rt.show() + " + '/' + the relative path", path, at,
                    inputsOf(d, rt), false, null);
        }
        if (path.startsWith("///")) {
            path = path.substring(2);
            d = new Deriv("PasteDeploy drops two of three leading slashes", path, at, List.of(d), false, null);
        }
        String unquoted = PyStrings.unquote(path);
        if (!unquoted.equals(path)) {
            d = new Deriv("PasteDeploy percent-decodes the path (urllib.parse.unquote)", unquoted, at, List.of(d),
                    false, null);
        }
        String stripped = PyStrings.strip(unquoted, null, true, true);
        if (!stripped.equals(unquoted)) {
            d = new Deriv("PasteDeploy's ConfigLoader strips white space", stripped, at, List.of(d), false, null);
        }
        open(r, stripped, d, at);
    }

    private static List<Deriv> inputsOf(Deriv d, Str other) {
        return other.d.literal ? List.of(d) : List.of(other.d, d);
    }

    /** The file a loader opens: relative paths depend on the working directory; the rest is normalised. */
    private static void open(LoadRecord r, String path, Deriv d, Location at) {
        if (!PyStrings.absoluteOnHost(path)) {
            r.relative = path;
            r.path = new Unknown("a relative path (" + PyValue.repr(path) + "), which " + r.function
                    + " opens relative to " + CWD, at, d);
            return;
        }
        r.raw = path;
        String normal = PyStrings.normpath(path);
        Deriv opened = normal.equals(path) ? d
                : new Deriv("the file opened (os.path.normpath)", normal, at, List.of(d), false, null);
        r.path = new Str(normal, opened);
    }

    /** What {@code urllib.parse.urlparse} gives for plaster (Python 3.11): scheme, netloc, path, fragment. */
    static String[] urlparse(String url) {
        int lead = 0;
        while (lead < url.length() && url.charAt(lead) <= ' ') {
            lead++;
        }
        url = url.substring(lead).replace("\t", "").replace("\r", "").replace("\n", "");
        String scheme = "";
        String netloc = "";
        String fragment = "";
        int i = url.indexOf(':');
        if (i > 0 && url.charAt(0) < 128 && Character.isLetter(url.charAt(0))) {
            boolean ok = true;
            for (int k = 0; k < i; k++) {
                char c = url.charAt(k);
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                scheme = url.substring(0, i).toLowerCase(Locale.ROOT);
                url = url.substring(i + 1);
            }
        }
        if (url.startsWith("//")) {
            int delim = url.length();
            for (char c : new char[] {'/', '?', '#'}) {
                int w = url.indexOf(c, 2);
                if (w >= 0) {
                    delim = Math.min(delim, w);
                }
            }
            netloc = url.substring(2, delim);
            url = url.substring(delim);
        }
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            url = url.substring(0, hash);
        }
        int q = url.indexOf('?');
        if (q >= 0) {
            url = url.substring(0, q);
        }
        if (scheme.isEmpty() && url.indexOf(';') >= 0) {
            // '' is in urllib's uses_params: the parameters of the last segment are cut off
            int from = url.lastIndexOf('/');
            int semi = url.indexOf(';', Math.max(0, from));
            if (semi >= 0) {
                url = url.substring(0, semi);
            }
        }
        return new String[] {scheme, netloc, url, fragment};
    }

    /** plaster's parse_uri: {path, scheme, fragment}, or null with r.path set to why it is unknown. */
    private static String[] plasterUri(LoadRecord r, Str uri, Location at) {
        String config = uri.s;
        if (config.startsWith("//")) {
            r.path = new Unknown("plaster reads a path that starts with // differently by Python version"
                    + " (urllib.parse.urlunparse changed in 3.12)", at, Deriv.of("config_uri", null, at, List.of(uri),
                            null));
            return null;
        }
        boolean isabs = config.startsWith("/");
        String[] parts = urlparse(isabs ? "dummy://" + config : config);
        String path = parts[1].isEmpty() ? parts[2]
                : "//" + parts[1] + (parts[2].isEmpty() || parts[2].startsWith("/") ? parts[2] : "/" + parts[2]);
        if (path.startsWith("//")) {
            path = path.substring(2);
        }
        String scheme;
        if (!parts[0].isEmpty() && !isabs) {
            scheme = parts[0];
        } else {
            String ext = PyStrings.splitext(path)[1];
            if (ext.startsWith(".")) {
                ext = ext.substring(1);
            }
            scheme = ext.isEmpty() ? "" : "file+" + ext;
        }
        if (scheme.isEmpty()) {
            r.path = new Unknown("plaster raises InvalidURI: Could not determine the loader scheme for the supplied"
                    + " config_uri " + PyValue.repr(uri.s), at, Deriv.of("config_uri", null, at, List.of(uri), null));
            return null;
        }
        return new String[] {path, scheme.toLowerCase(Locale.ROOT), parts[3]};
    }

    /** {@code get_app(config_uri, name)}, {@code get_appsettings}, {@code bootstrap}: plaster, then PasteDeploy. */
    static void plaster(LoadRecord r, PyValue configUri, PyValue name, Location at) {
        if (!(configUri instanceof Str)) {
            r.path = absent(configUri) ? new Unknown(r.function + "() without a config_uri raises TypeError", at, null)
                    : unknownOf(configUri, "config_uri", at, "config_uri");
            section(r, name, null, false, at);
            return;
        }
        Str uri = (Str) configUri;
        String[] parsed = plasterUri(r, uri, at);
        if (parsed == null) {
            section(r, name, null, false, at);
            return;
        }
        String path = parsed[0];
        String scheme = parsed[1];
        String fragment = parsed[2].isEmpty() ? null : parsed[2];
        if (!PLASTER_INI.contains(scheme)) {
            r.path = new Unknown(scheme.endsWith("egg") ? "the config_uri " + uri.show() + " loads the application"
                    + " from Python code (egg), not from an INI file" : "plaster chooses its loader by the scheme "
                    + PyValue.repr(scheme) + " (from the file's extension): plaster_pastedeploy reads only file+ini,"
                    + " pastedeploy and pastedeploy+ini, so another plaster loader would read this file", at,
                    Deriv.of("config_uri", null, at, List.of(uri), null));
            section(r, name, null, true, at);
            return;
        }
        Deriv d = Deriv.of("plaster: config_uri " + uri.show() + " gives the path " + PyValue.repr(path)
                + (fragment != null ? " and the fragment #" + fragment : ""), path, at, List.of(uri), null);
        PyValue effectiveName = name;
        if (absent(name) && fragment != null) {
            effectiveName = new Str(fragment, new Deriv("#" + fragment + " at the end of config_uri (no name given)",
                    fragment, at, List.of(), false, null));
        }
        Str spec = new Str("config:" + path, new Deriv("plaster_pastedeploy: loadapp('config:' + path, relative_to="
                + "os.getcwd())", "config:" + path, at, List.of(d), false, null));
        paste(r, spec, effectiveName, new Unknown(CWD, at, null), at);
    }

    /** {@code pyramid.paster.setup_logging(config_uri)}: plaster_pastedeploy opens {@code uri.path} with fileConfig. */
    static void plasterLogging(LoadRecord r, PyValue configUri, Location at) {
        if (!(configUri instanceof Str)) {
            r.path = unknownOf(configUri, "config_uri", at, "config_uri");
            return;
        }
        Str uri = (Str) configUri;
        String[] parsed = plasterUri(r, uri, at);
        if (parsed == null) {
            return;
        }
        if (!PLASTER_INI.contains(parsed[1])) {
            r.path = new Unknown("plaster chooses its loader by the scheme " + PyValue.repr(parsed[1])
                    + ": not plaster_pastedeploy's", at, Deriv.of("config_uri", null, at, List.of(uri), null));
            return;
        }
        open(r, parsed[0], Deriv.of("plaster: config_uri " + uri.show() + " gives the path " + PyValue.repr(parsed[0]),
                parsed[0], at, List.of(uri), null), at);
    }

    /** A loader that opens the path as given: {@code fileConfig(fname)}, {@code ConfigParser.read(path)}. */
    static void plain(LoadRecord r, PyValue file, Location at) {
        if (!(file instanceof Str)) {
            r.path = unknownOf(file, "the file", at, "the file");
            return;
        }
        Str f = (Str) file;
        open(r, f.s, f.d, at);
    }

    /** CKAN's {@code CKANConfigLoader(filename)}: {@code filename.strip()}, section {@code app:main}. */
    static void ckan(LoadRecord r, PyValue file, Location at) {
        r.section = new Str("main", new Deriv("CKANConfigLoader reads [app:main]", "main", at, List.of(), false,
                null));
        if (!(file instanceof Str)) {
            r.path = unknownOf(file, "the file", at, "the file");
            return;
        }
        Str f = (Str) file;
        String stripped = PyStrings.strip(f.s, null, true, true);
        Deriv d = stripped.equals(f.s) ? f.d
                : new Deriv("CKANConfigLoader strips white space", stripped, at, List.of(f.d), false, null);
        open(r, stripped, d, at);
    }
}
