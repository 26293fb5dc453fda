package io.github.footprint.parse.apache;

import java.util.List;

import io.github.footprint.base.Location;

/**
 * One mod_macro {@code Use} line that was expanded: the macro, the values, the line, and the expansion it was
 * itself read from when a macro body held it. Its directives stand where the outermost {@code Use} of a file
 * stands ({@link #location()}), as httpd reads them there.
 */
public final class MacroUse {
    /** How deep a name is written out before "..." (mod_macro nests them without end; messages need not). */
    static final int NAME_DEPTH = 24;

    private final Macro macro;
    private final List<String> values;
    private final MacroUse via;
    private final String file;
    private final int line;
    private final Location location;
    private final Location written;

    /**
     * @param via the expansion the Use line came from, or null when it is a line of {@code file}
     * @param line httpd's line number of the Use in the configuration it was read from
     * @param written where the Use line's text was written
     */
    MacroUse(Macro macro, List<String> values, MacroUse via, String file, int line, Location location,
            Location written) {
        this.macro = macro;
        this.values = List.copyOf(values);
        this.via = via;
        this.file = file;
        this.line = line;
        this.location = location;
        this.written = written;
    }

    /** The macro's name, lower case as mod_macro keeps it. */
    public String name() {
        return macro.name();
    }

    /** The values the Use passed, in parameter order. */
    public List<String> values() {
        return values;
    }

    /** The enclosing Use when this Use line came from a macro body, else null. */
    public MacroUse via() {
        return via;
    }

    /** The line of a file the expanded directives stand at: this Use line, or the outermost enclosing one. */
    public Location location() {
        return location;
    }

    /** Where the Use line's text was written (for a Use inside a macro body, that body's line). */
    public Location written() {
        return written;
    }

    /** Where the macro was defined: its {@code <Macro>} line, or the Use that read it. */
    public Location definition() {
        return macro.location();
    }

    Macro macro() {
        return macro;
    }

    /**
     * The name httpd gives the expansion as a configuration ({@code use_macro}'s {@code where}), which its errors and
     * {@code -D DUMP_CONFIG} print: {@code macro 'name' (defined on line N of "FILE") used on line M of "FILE"}.
     */
    public String where() {
        StringBuilder b = new StringBuilder();
        appendWhere(b, NAME_DEPTH);
        return b.toString();
    }

    void appendWhere(StringBuilder b, int depth) {
        if (depth <= 0) {
            b.append("...");
            return;
        }
        b.append("macro '").append(macro.name()).append("' (");
        macro.appendLocation(b, depth);
        b.append(") used on line ").append(line).append(" of \"");
        if (via == null) {
            b.append(file);
        } else {
            via.appendWhere(b, depth - 1);
        }
        b.append('"');
    }

    /** {@code Use outer, Use inner at FILE:LINE}: the chain of Use lines, outermost first. */
    String chain() {
        StringBuilder b = new StringBuilder();
        appendChain(b, NAME_DEPTH);
        return b.toString();
    }

    private void appendChain(StringBuilder b, int depth) {
        if (via != null) {
            if (depth <= 0) {
                b.append("..., ");
            } else {
                via.appendChain(b, depth - 1);
                b.append(", ");
            }
            b.append("Use ").append(macro.name()).append(" at ").append(written);
        } else {
            b.append("Use ").append(macro.name());
        }
    }

    @Override
    public String toString() {
        return location + " (" + chain() + ")";
    }
}
