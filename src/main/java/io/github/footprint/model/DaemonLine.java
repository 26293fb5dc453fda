package io.github.footprint.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.footprint.parse.apache.ConfWords;

/**
 * mod_wsgi's reading of a {@code WSGIDaemonProcess} argument text ({@code wsgi_add_daemon_process}): the
 * name by {@code ap_getword_conf}, then {@code name=value} options, the name running up to {@code =} or
 * white space, the value by {@code ap_getword_conf}.
 */
final class DaemonLine {
    final String name;
    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    private DaemonLine(String name) {
        this.name = name;
    }

    static DaemonLine parse(String raw) {
        ConfWords w = new ConfWords(raw);
        DaemonLine d = new DaemonLine(w.next());
        if (d.name.isEmpty()) {
            d.errors.add("Name of WSGI daemon process not supplied.");
            return d;
        }
        String rest = w.rest();
        int i = 0;
        while (i < rest.length()) {
            int start = i;
            while (i < rest.length() && !Character.isWhitespace(rest.charAt(i)) && rest.charAt(i) != '=') {
                i++;
            }
            String option = rest.substring(start, i);
            if (option.isEmpty()) {
                // wsgi_parse_option: "if (!*str || *str == '=')" fails before any name is read
                d.errors.add("Invalid option to WSGI daemon process definition. ('" + abbreviate(rest.substring(i))
                        + "' has no option name before '=')");
                return d;
            }
            if (i >= rest.length() || rest.charAt(i) != '=') {
                d.errors.add("Invalid option to WSGI daemon process definition. ('" + option + "' is not name=value)");
                return d;
            }
            ConfWords value = new ConfWords(rest.substring(i + 1));
            String v = value.next();
            d.options.put(option, v);
            rest = value.rest();
            i = 0;
        }
        return d;
    }

    private static String abbreviate(String s) {
        int space = s.indexOf(' ');
        String w = space < 0 ? s : s.substring(0, space);
        return w.length() <= 40 ? w : w.substring(0, 37) + "...";
    }
}
