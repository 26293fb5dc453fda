package io.github.footprint.source.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.Location;

/**
 * Debian's {@code a2ensite}, {@code a2dissite}, {@code a2enmod}, {@code a2dismod}, {@code a2enconf} and
 * {@code a2disconf} in a command line: each name after the command (options and {@code key=value} words skipped) is
 * one step. A name still holding a template expression is unknown and makes no step.
 */
final class Toggles {
    private static final Map<String, Object[]> COMMANDS = Map.of(
            "a2ensite", new Object[] {true, InstallStep.Unit.SITE},
            "a2dissite", new Object[] {false, InstallStep.Unit.SITE},
            "a2enmod", new Object[] {true, InstallStep.Unit.MODULE},
            "a2dismod", new Object[] {false, InstallStep.Unit.MODULE},
            "a2enconf", new Object[] {true, InstallStep.Unit.CONF},
            "a2disconf", new Object[] {false, InstallStep.Unit.CONF});

    private Toggles() {
    }

    /** The toggles of one command line, added to {@code out}. */
    static void command(String line, Location at, String tool, List<InstallStep> out) {
        List<String> words = words(line);
        for (int i = 0; i < words.size(); i++) {
            String w = unquote(words.get(i));
            Object[] cmd = COMMANDS.get(w.substring(w.lastIndexOf('/') + 1));
            if (cmd == null) {
                continue;
            }
            for (int j = i + 1; j < words.size(); j++) {
                String name = unquote(words.get(j));
                if (name.equals("&&") || name.equals("||") || name.equals(";") || name.equals("|")
                        || name.endsWith(";")) {
                    break;
                }
                if (name.startsWith("-") || name.contains("=")) {
                    continue;
                }
                if (name.contains("{{") || name.contains("{%") || name.contains("<%") || name.contains("$")) {
                    continue;
                }
                out.add(InstallStep.toggle((Boolean) cmd[0], (InstallStep.Unit) cmd[1], name, at, tool));
            }
        }
    }

    /** Blank-separated words, with quotes and Jinja2's {@code {{ }}} kept whole. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < n) {
                    cur.append(text.charAt(++i));
                }
            } else if (c == '{' && text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i + 2);
                int stop = end < 0 ? n : end + 2;
                cur.append(text, i, stop);
                i = stop - 1;
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** A word without the quotes around it (and around any part of it, as a shell reads {@code a"b c"}). */
    static String unquote(String w) {
        if (w.indexOf('"') < 0 && w.indexOf('\'') < 0) {
            return w;
        }
        StringBuilder b = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    b.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
