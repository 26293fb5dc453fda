package io.github.footprint.parse.ini;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Location;

/**
 * One INI file as PasteDeploy's {@code ConfigLoader} holds it: the raw reading ({@link IniDocument}) under
 * PasteDeploy's {@code NicerConfigParser}, a {@code configparser.ConfigParser} with {@code BasicInterpolation},
 * whose defaults are {@code here} (the file's folder) and {@code __file__} (its absolute path), then the file's
 * {@code [DEFAULT]}, then, for a file pulled in by {@code use = config:...}, the including file's globals
 * ({@code update_defaults(global_conf, overwrite=False)}).
 *
 * <p>Reproduced from PasteDeploy 3.1's {@code loadwsgi.py} and Python 3.11's {@code configparser.py} (PasteDeploy
 * itself is not installed where this was written); {@code PythonAgreementTest} compares the interpolated values
 * with Python's own {@code configparser} over the corpus.
 */
public final class PasteConfig {
    /** configparser's {@code MAX_INTERPOLATION_DEPTH}. */
    static final int MAX_INTERPOLATION_DEPTH = 10;
    /** Longest interpolated value footprint builds; Python has no limit, a value this long is no configuration. */
    static final int MAX_VALUE = 1 << 24;
    private static final Pattern KEYCRE = Pattern.compile("%\\(([^)]+)\\)s");
    private static final String DEFAULT = "DEFAULT";

    private final IniDocument doc;
    private final String filename;
    private final String hostPath;
    private final Map<String, Setting> rawDefaults;

    private PasteConfig(IniDocument doc, String filename, String hostPath, Map<String, Setting> rawDefaults) {
        this.doc = doc;
        this.filename = filename;
        this.hostPath = hostPath;
        this.rawDefaults = Collections.unmodifiableMap(rawDefaults);
    }

    /**
     * @param doc the raw reading
     * @param filename the file as PasteDeploy names it in messages (the path {@code loadapp} or {@code config:} gave)
     * @param here the injected {@code here}
     * @param file the injected {@code __file__}
     * @param hostPath the file's absolute path on the host, or null when no {@code loadapp} names it
     */
    public PasteConfig(IniDocument doc, String filename, String here, String file, String hostPath) {
        this(doc, filename, hostPath, defaults(doc, here, file));
    }

    private static Map<String, Setting> defaults(IniDocument doc, String here, String file) {
        Map<String, Setting> m = new LinkedHashMap<>();
        Location top = new Location(doc.file().displayPath(), 0);
        m.put("here", raw("here", here, top, Setting.Origin.INJECTED));
        m.put("__file__", raw("__file__", file, top, Setting.Origin.INJECTED));
        // a [DEFAULT] key of the same name replaces the injected one in place, as a dict assignment does
        for (IniEntry e : doc.defaults().entries()) {
            m.put(e.key(), raw(e.key(), e.value(), e.location(), Setting.Origin.DEFAULT));
        }
        return m;
    }

    private static Setting raw(String key, String value, Location at, Setting.Origin origin) {
        return new Setting(key, value, value, null, at, origin, null);
    }

    /**
     * This file pulled in by another: the caller's globals become defaults where this file has none of that
     * name ({@code ConfigLoader.update_defaults(global_conf, overwrite=False)}). Their values, interpolated once
     * already, are raw values here and are interpolated again.
     */
    public PasteConfig withCallerDefaults(Map<String, Setting> globals) {
        Map<String, Setting> m = new LinkedHashMap<>(rawDefaults);
        for (Setting s : globals.values()) {
            if (!m.containsKey(s.key()) && s.value() != null) {
                m.put(s.key(), new Setting(s.key(), s.value(), s.value(), null, s.location(), Setting.Origin.CALLER,
                        null));
            }
        }
        return new PasteConfig(doc, filename, hostPath, m);
    }

    public IniDocument document() {
        return doc;
    }

    /** The file as PasteDeploy names it in its messages. */
    public String filename() {
        return filename;
    }

    /** The file's absolute path on the host, or null when unknown. */
    public String hostPath() {
        return hostPath;
    }

    /** The injected {@code here}. */
    public String here() {
        Setting h = rawDefaults.get("here");
        return h.origin() == Setting.Origin.INJECTED ? h.raw() : null;
    }

    public List<IniSection> sections() {
        return doc.sections();
    }

    /** The raw defaults in configparser's order: {@code here}, {@code __file__}, the file's, the caller's. */
    Map<String, Setting> rawDefaults() {
        return rawDefaults;
    }

    /**
     * {@code NicerConfigParser.defaults()}: every default interpolated against the defaults themselves; a value
     * that interpolates to the empty string keeps its raw text ({@code self.get('DEFAULT', key) or val}).
     */
    public Map<String, Setting> defaults() {
        Map<String, Setting> out = new LinkedHashMap<>();
        for (Setting d : rawDefaults.values()) {
            Setting s = get(null, d.key());
            if (s.ok() && s.value().isEmpty()) {
                s = new Setting(s.key(), s.raw(), d.raw(), null, s.location(), s.origin(), null);
            }
            out.put(d.key(), s);
        }
        return out;
    }

    /** {@code parser.options(section)}: the section's keys, then the defaults it does not have. */
    public List<String> options(IniSection section) {
        Set<String> keys = new LinkedHashSet<>();
        for (IniEntry e : section.entries()) {
            keys.add(e.key());
        }
        keys.addAll(rawDefaults.keySet());
        return new ArrayList<>(keys);
    }

    /**
     * {@code parser.get(section, option)}: the value from the section, else from the defaults, interpolated with
     * {@code BasicInterpolation} against the section's keys and the defaults. Null when neither has the key.
     *
     * @param section the section, or null for {@code [DEFAULT]}
     */
    public Setting get(IniSection section, String option) {
        String sectionName = section == null ? DEFAULT : section.name();
        Optional<IniEntry> own = section == null ? Optional.empty() : section.get(option);
        String raw;
        Location at;
        Setting.Origin origin;
        if (own.isPresent()) {
            raw = own.get().value();
            at = own.get().location();
            origin = Setting.Origin.LOCAL;
        } else {
            Setting d = rawDefaults.get(option);
            if (d == null) {
                return null;
            }
            raw = d.raw();
            at = d.location();
            origin = d.origin();
        }
        try {
            StringBuilder out = new StringBuilder();
            interpolate(section, sectionName, option, out, raw, raw, 1);
            return new Setting(option, raw, out.toString(), null, at, origin, null);
        } catch (Failure f) {
            return new Setting(option, raw, null, new InterpolationError(f.type, f.getMessage(), filename, f.summary), at,
                    origin, null);
        }
    }

    private String lookup(IniSection section, String key) {
        if (section != null) {
            Optional<IniEntry> e = section.get(key);
            if (e.isPresent()) {
                return e.get().value();
            }
        }
        Setting d = rawDefaults.get(key);
        return d == null ? null : d.raw();
    }

    /** {@code BasicInterpolation._interpolate_some}, line for line. */
    private void interpolate(IniSection section, String sectionName, String option, StringBuilder accum, String rest,
            String rawval, int depth) throws Failure {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw new Failure("InterpolationDepthError", "Recursion limit exceeded in value substitution: option "
                    + Py.repr(option) + " in section " + Py.repr(sectionName) + " contains an interpolation key which"
                    + " cannot be substituted in " + MAX_INTERPOLATION_DEPTH + " steps. Raw value: " + Py.repr(rawval),
                    "option " + Py.repr(option) + " cannot be substituted in " + MAX_INTERPOLATION_DEPTH + " steps");
        }
        // what this level interpolates, for quotations of its rest that must keep a secret's markers
        final String whole = rest;
        while (!rest.isEmpty()) {
            int p = rest.indexOf('%');
            if (p < 0) {
                append(accum, rest);
                return;
            }
            if (p > 0) {
                append(accum, rest.substring(0, p));
                rest = rest.substring(p);
            }
            char c = rest.length() > 1 ? rest.charAt(1) : 0;
            if (c == '%') {
                append(accum, "%");
                rest = rest.substring(2);
            } else if (c == '(') {
                Matcher m = KEYCRE.matcher(rest);
                if (!m.lookingAt()) {
                    throw new Failure("InterpolationSyntaxError", "bad interpolation variable reference "
                            + Py.repr(io.github.footprint.base.Secrets.substring(whole, whole.length() - rest.length(), whole.length())));
                }
                String var = m.group(1);
                rest = rest.substring(m.end());
                String v = lookup(section, var);
                if (v == null) {
                    throw new Failure("InterpolationMissingOptionError", "Bad value substitution: option "
                            + Py.repr(option) + " in section " + Py.repr(sectionName) + " contains an interpolation"
                            + " key " + Py.repr(var) + " which is not a valid option name. Raw value: "
                            + Py.repr(rawval), "%(" + var + ")s names no option");
                }
                if (v.indexOf('%') >= 0) {
                    interpolate(section, sectionName, option, accum, v, rawval, depth + 1);
                } else {
                    append(accum, v);
                }
            } else {
                throw new Failure("InterpolationSyntaxError", "'%' must be followed by '%' or '(', found: "
                        + Py.repr(io.github.footprint.base.Secrets.substring(whole, whole.length() - rest.length(), whole.length())));
            }
        }
    }

    private static void append(StringBuilder accum, String s) throws Failure {
        if (accum.length() + s.length() > MAX_VALUE) {
            throw new Failure("ValueTooLong", "interpolation grows the value beyond " + MAX_VALUE + " characters;"
                    + " footprint stops there (Python would go on building it)");
        }
        accum.append(s);
    }

    /** An interpolation error on its way out of the recursion. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String type;
        final String summary;

        Failure(String type, String message) {
            this(type, message, message);
        }

        /** @param summary what a first line says of it, short */
        Failure(String type, String message, String summary) {
            super(message, null, false, false);
            this.type = type;
            this.summary = summary;
        }
    }

    @Override
    public String toString() {
        return filename;
    }
}
