package io.github.footprint.rules.pylons;

import java.util.Locale;

import io.github.footprint.parse.ini.Setting;

/** How Paste and PasteDeploy read a setting's text: {@code asbool}, and a value as a message quotes it. */
final class PasteValues {
    private PasteValues() {
    }

    /**
     * {@code paste.deploy.converters.asbool} of a string: {@code true/yes/on/y/t/1} and {@code false/no/off/n/f/0}
     * after strip and lower-case; null for any other text (where {@code asbool} raises {@code ValueError}).
     */
    static Boolean asbool(String text) {
        if (text == null) {
            return null;
        }
        switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
            case "y":
            case "t":
            case "1":
                return Boolean.TRUE;
            case "false":
            case "no":
            case "off":
            case "n":
            case "f":
            case "0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /**
     * {@code key = value} as the app receives it (the raw text when interpolation fails). Passwords in it are masked
     * by the engine's {@code Redactor}, like every text that leaves the plugin.
     */
    static String shown(Setting s) {
        return s.key() + " = " + (s.ok() ? s.value() : s.raw());
    }

    /** Where a value comes from, for messages: {@code [DEFAULT] (file:line)}, {@code set debug (file:line)}... */
    static String source(Setting s) {
        switch (s.origin()) {
            case DEFAULT:
                return "[DEFAULT] (" + s.location() + ")";
            case SET:
                return "a set " + s.key() + " line (" + s.location() + ")";
            case GET:
                return "get " + s.key() + " (" + s.via() + "), which copies " + s.location();
            case CALLER:
                return "the [DEFAULT] or set line of the file that pulls this one in with use = config:... ("
                        + s.location() + ")";
            case INJECTED:
                return "PasteDeploy's own defaults";
            default:
                return s.location().toString();
        }
    }
}
