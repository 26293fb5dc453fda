package io.github.footprint.parse.apache;

import java.util.List;
import java.util.Set;

import io.github.footprint.base.Location;

/**
 * One {@code <Macro>} definition as mod_macro keeps it (modules/core/mod_macro.c, {@code ap_macro_t}): the
 * lower-case name, the parameter names, the body lines as {@code ap_cfg_getline} read them (comments left out,
 * blank lines kept), and where it was defined, in httpd's words. Immutable: a redefinition is a new Macro.
 */
final class Macro {
    /** mod_macro's {@code ARG_PREFIX}: the characters a parameter name is expected to start with. */
    static final String ARG_PREFIX = "$%@";
    /** mod_macro's {@code ESCAPE_ARG}: parameters starting with it are substituted double-quoted. */
    private static final char ESCAPE_ARG = '@';

    private final String name;
    private final List<String> parameters;
    private final String[] lines;
    private final Location[] written;
    /** The configuration the {@code <Macro>} line was read from: a file's display path, or a Use's expansion. */
    private final String definedInFile;
    private final MacroUse definedIn;
    private final int definedLine;
    private final Location location;
    private final Set<String> contextNames;

    Macro(String name, List<String> parameters, String[] lines, Location[] written, String definedInFile,
            MacroUse definedIn, int definedLine, Location location, Set<String> contextNames) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.lines = lines;
        this.written = written;
        this.definedInFile = definedInFile;
        this.definedIn = definedIn;
        this.definedLine = definedLine;
        this.location = location;
        this.contextNames = contextNames;
    }

    String name() {
        return name;
    }

    List<String> parameters() {
        return parameters;
    }

    /** Where findings about the definition point: its {@code <Macro>} line, or the Use that read it. */
    Location location() {
        return location;
    }

    /** The macro names in the name of the configuration it was defined in (mod_macro's recursion test sees them). */
    Set<String> contextNames() {
        return contextNames;
    }

    /** Where each body line was written. */
    Location[] written() {
        return written;
    }

    /** mod_macro's {@code macro->location}: {@code defined on line N of "FILE"}. */
    String locationText() {
        StringBuilder b = new StringBuilder();
        appendLocation(b, MacroUse.NAME_DEPTH);
        return b.toString();
    }

    void appendLocation(StringBuilder b, int depth) {
        b.append("defined on line ").append(definedLine).append(" of \"");
        if (definedIn == null) {
            b.append(definedInFile);
        } else {
            definedIn.appendWhere(b, depth - 1);
        }
        b.append('"');
    }

    /** mod_macro's {@code where} of a definition: {@code macro 'name' (defined on line N of "FILE")}. */
    String where() {
        return "macro '" + name + "' (" + locationText() + ")";
    }

    /** Why a line could not be substituted. */
    static final class SubstitutionError extends Exception {
        private static final long serialVersionUID = 1L;

        SubstitutionError(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * mod_macro's {@code process_content}: every body line with the parameters replaced by {@code values}; marks in
     * {@code used} the parameters that occur. Lines without a parameter are the same Strings.
     */
    String[] substitute(List<String> values, boolean[] used) throws SubstitutionError {
        String[] out = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String line = substituteLine(lines[i], parameters, values, used);
            if (line == null) {
                throw new SubstitutionError("while processing line " + (i + 1) + " of " + where()
                        + " cannot substitute, buffer size too small");
            }
            out[i] = line;
        }
        return out;
    }

    /**
     * {@code substitute_macro_args} on one line, to the letter: the first occurrence of any parameter after the
     * position reached (the longest at one position) is replaced, {@code @} parameters double-quoted with {@code "}
     * and {@code \} escaped; the search goes on from the position plus the length of the value (not of what was
     * inserted: after a quoted value it looks into the inserted text again). The line with its LF must stay under
     * {@code MAX_STRING_LEN}; null when it does not.
     */
    static String substituteLine(String line, List<String> names, List<String> values, boolean[] used) {
        StringBuilder buf = null;
        CharSequence cur = line;
        int ptr = 0;
        while (true) {
            int chosen = -1;
            int which = -1;
            int chosenLength = 0;
            String s = cur.toString();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                int found = s.indexOf(n, ptr);
                if (found >= 0 && (chosen < 0 || found < chosen || (found == chosen && chosenLength < n.length()))) {
                    chosen = found;
                    chosenLength = n.length();
                    which = i;
                }
            }
            if (chosen < 0) {
                return s;
            }
            String name = names.get(which);
            String value = values.get(which);
            if (!name.equals(value)) {
                String insert = name.charAt(0) == ESCAPE_ARG ? quote(value) : value;
                // substitute(): "if (size >= bufsize)", the line with its LF in a buffer of MAX_STRING_LEN
                if (s.length() + 1 + insert.length() - name.length() >= ConfigStream.MACRO_LINE_BUFFER) {
                    return null;
                }
                if (buf == null) {
                    buf = new StringBuilder(s);
                    cur = buf;
                }
                buf.replace(chosen, chosen + name.length(), insert);
            }
            ptr = chosen + value.length();
            if (used != null) {
                used[which] = true;
            }
        }
    }

    /** {@code "value"} with {@code "} and {@code \} escaped by a backslash. */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** {@code looks_like_an_argument}: the word starts with one of {@code $%@}. */
    static boolean looksLikeAnArgument(String word) {
        return !word.isEmpty() && ARG_PREFIX.indexOf(word.charAt(0)) >= 0;
    }
}
