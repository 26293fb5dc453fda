package io.github.footprint.parse.apache;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.footprint.base.CType;
import io.github.footprint.base.Location;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.source.SourceFile;

/**
 * The lines of one file as httpd's {@code ap_cfg_getline} gives them (server/util.c, {@code ap_cfg_getline_core}
 * and {@code cfg_trim_line}), with the macro expansions that mod_macro's {@code Use} reads in the file's place
 * (modules/core/mod_macro.c, {@code make_array_config}, {@code array_getstr}, {@code next_one}): a stack of
 * sources of which the top one is read; an expansion that is used up gives way to the source under it when the
 * next line is asked for, so a line continued at the end of an expansion goes on in the file.
 *
 * <p>A line ends at LF only (the file's lines as the loader cut them); a backslash right before the line end
 * (before a CR before the LF too) joins the next physical line; the joined line is trimmed of C white space.
 * Blank and comment lines are given too: each reader of lines skips what its httpd counterpart skips.
 * Nothing here recurses on the input: the depth of expansions is a linked stack.
 */
final class ConfigStream {
    /** mod_macro reads a macro's body with {@code ap_cfg_getline(line, MAX_STRING_LEN, ...)}: 8191 bytes and LF. */
    static final int MACRO_LINE_BUFFER = 8192;

    private final SourceFile file;
    private final String text;
    private final int count;
    private final boolean v22;
    private final int maxLine;
    private final List<ParseProblem> problems;
    private int next;
    /** The expansions read in place of the file, innermost first. */
    private Expansion top;
    /**
     * The macro names that appear in the name of the configuration being read (mod_macro's recursion test looks
     * for "macro 'name'" in it): each expansion's own, and those in the name its macro was defined under.
     */
    private final Map<String, Integer> activeNames = new HashMap<>();
    private final StringBuilder joined = new StringBuilder();
    private boolean aborted;

    // ---- the line read last
    /** The line is {@code src.substring(from, to)}, trimmed. */
    String src;
    int from;
    int to;
    /** Its length in {@code ap_cfg_getline}'s buffer: untrimmed, joined, with its line end. */
    int rawLength;
    /** The template line its first file line is on; for a line of an expansion, unused. */
    private int firstLine;
    /** The template line its last file line is on (httpd's {@code line_number}), or the expansion's line. */
    private int lastLine;
    /** The expansion its last physical line came from, or null for a line of the file. */
    private Expansion expansion;
    /** The body line that last physical line was substituted from (expansions only). */
    private Location written;
    /** How many physical lines have been read from all sources. */
    private long physical;

    /** One {@code Use}: the substituted body, read in place of the source under it. */
    static final class Expansion {
        final MacroUse use;
        final String[] lines;
        final Location[] written;
        int index;
        Expansion below;

        Expansion(MacroUse use, String[] lines, Location[] written) {
            this.use = use;
            this.lines = lines;
            this.written = written;
        }
    }

    ConfigStream(SourceFile file, boolean v22, List<ParseProblem> problems) {
        this.file = file;
        this.text = file.text();
        this.count = file.lineCount();
        this.v22 = v22;
        this.maxLine = v22 ? 8192 : 16 * 1024 * 1024;
        this.problems = problems;
    }

    SourceFile file() {
        return file;
    }

    /** Reads the next line; false at the end of the file (or after {@link #abort()}). */
    boolean next() {
        if (aborted) {
            return false;
        }
        joined.setLength(0);
        boolean joining = false;
        firstLine = -1;
        while (true) {
            String psrc;
            int s;
            int e;
            while (top != null && top.index >= top.lines.length) {
                pop();
            }
            Expansion x = top;
            if (x != null) {
                psrc = x.lines[x.index];
                s = 0;
                e = psrc.length();
                x.index++;
                expansion = x;
                lastLine = x.index;
                written = x.written[x.index - 1];
            } else {
                if (next >= count) {
                    if (!joining) {
                        return false;
                    }
                    // ap_cfg_getline_core: the end of the file after a continuation ends the line read so far (having
                    // counted one more line for the read that found the end), in the file
                    lastLine = (next > 0 ? file.templateLine(next - 1) : 0) + 1;
                    if (firstLine < 0) {
                        firstLine = lastLine;
                    }
                    expansion = null;
                    written = null;
                    break;
                }
                psrc = text;
                s = file.lineStart(next);
                e = file.lineEnd(next);
                if (next == 0 && e > s && text.charAt(s) == '\uFEFF') {
                    problems.add(ParseProblem.syntax(new Location(file.displayPath(), file.templateLine(0)), "the file"
                            + " starts with a UTF-8 byte order mark: httpd stops with \"Invalid command"
                            + " '\\xef\\xbb\\xbf...'\"; save the file as UTF-8 without BOM", "httpd reads those three"
                            + " bytes as part of the first directive."));
                    s++;
                }
                expansion = null;
                written = null;
                lastLine = file.templateLine(next);
                if (firstLine < 0) {
                    firstLine = lastLine;
                }
                next++;
            }
            physical++;
            // "match [^\\]\\[\r]\n": a CR before the LF may stand between the backslash and the line end
            // (a file's lines come without their CR before the LF; a substituted line may end in one)
            int end = e;
            if (x != null && end - s >= 2 && psrc.charAt(end - 1) == '\r' && psrc.charAt(end - 2) == '\\') {
                end--;
            }
            boolean continues = false;
            if (end > s && psrc.charAt(end - 1) == '\\') {
                // httpd 2.2 took "\\" for an escaped backslash: no continuation, one backslash removed
                continues = !(v22 && end - s >= 2 && psrc.charAt(end - 2) == '\\');
                end--;
            } else {
                end = e;
            }
            if (continues) {
                joined.append(psrc, s, end);
                joining = true;
                continue;
            }
            if (joining) {
                joined.append(psrc, s, end);
            } else {
                src = psrc;
                from = s;
                to = end;
            }
            break;
        }
        if (joining) {
            src = joined.toString();
            from = 0;
            to = src.length();
        }
        rawLength = to - from + 1;
        if (expansion == null && to - from > maxLine) {
            problems.add(ParseProblem.syntax(new Location(file.displayPath(), firstLine), "Error reading "
                    + file.displayPath() + " at line " + firstLine + ": Line too long (" + (to - from)
                    + " characters; httpd " + (v22 ? "2.2" : "2.4") + " reads at most " + maxLine + ")"));
            src = "";
            from = 0;
            to = 0;
            return true;
        }
        // cfg_trim_line: C isspace only, not Unicode white space
        while (from < to && CType.isSpace(src.charAt(from))) {
            from++;
        }
        while (to > from && CType.isSpace(src.charAt(to - 1))) {
            to--;
        }
        return true;
    }

    /** True when the line is blank or a comment: {@code ap_build_config_sub} skips it. */
    boolean skipped() {
        return from == to || src.charAt(from) == '#';
    }

    /** The line as a String. */
    String text() {
        return src.substring(from, to);
    }

    /** {@code text().equalsIgnoreCase("</" + open + ">")}, without making either String. */
    boolean closes(String open) {
        return to - from == open.length() + 3 && src.startsWith("</", from)
                && src.regionMatches(true, from + 2, open, 0, open.length()) && src.charAt(to - 1) == '>';
    }

    /** Stops reading this file: httpd stops at a structural error. */
    void abort() {
        aborted = true;
        while (top != null) {
            pop();
        }
        next = count;
    }

    boolean aborted() {
        return aborted;
    }

    /**
     * Where findings about the line point: the file line, or for a line of an expansion the outermost Use line,
     * carrying the macro body line the text was written at.
     */
    Location at() {
        if (expansion == null) {
            return new Location(file.displayPath(), firstLine);
        }
        MacroLine m = macroLine();
        return expansion.use.location().writtenAt(written, m::describe);
    }

    /** The template line of the line's first file line (the line of a directive of this file). */
    int line() {
        return firstLine;
    }

    /** httpd's {@code line_number} of the configuration the line came from (its last physical line). */
    int httpdLine() {
        return lastLine;
    }

    /** The Use whose expansion the line came from, or null for a line of the file. */
    MacroUse use() {
        return expansion == null ? null : expansion.use;
    }

    /** Where the line came from when a Use made it (null for a line of the file). */
    MacroLine macroLine() {
        return expansion == null ? null : new MacroLine(expansion.use, lastLine, written);
    }

    /** Where the text of the line was written: its file line, or the macro body line it was substituted from. */
    Location written() {
        return expansion == null ? new Location(file.displayPath(), firstLine) : written;
    }

    /** {@code message}, naming the Use and the macro line when the line came from an expansion. */
    String located(String message) {
        return expansion == null ? message : message + " (" + macroLine().describe() + ")";
    }

    /** "line N" of this file, or the Use and macro line: for messages about a line other than the one located. */
    String lineName() {
        return expansion == null ? "line " + firstLine : macroLine().toString();
    }

    /** How many physical lines have been read so far, from all sources. */
    long physical() {
        return physical;
    }

    /** Reads {@code lines} next, in place of what was being read ({@code make_array_config}). */
    void push(MacroUse use, String[] lines, Location[] written) {
        Expansion x = new Expansion(use, lines, written);
        x.below = top;
        top = x;
        count(use.name(), 1);
        for (String n : use.macro().contextNames()) {
            count(n, 1);
        }
    }

    private void pop() {
        Expansion x = top;
        top = x.below;
        count(x.use.name(), -1);
        for (String n : x.use.macro().contextNames()) {
            count(n, -1);
        }
    }

    private void count(String name, int delta) {
        activeNames.merge(name, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /**
     * mod_macro's recursion test, {@code ap_strstr(cmd->config_file->name, "macro 'name'")}: the name of the
     * configuration being read holds every enclosing Use's macro, and the names in where each was defined.
     */
    boolean inUse(String name) {
        return activeNames.containsKey(name);
    }

    /** The macro names in the name of the configuration being read (for a macro defined now). */
    java.util.Set<String> activeNames() {
        return java.util.Set.copyOf(activeNames.keySet());
    }
}
