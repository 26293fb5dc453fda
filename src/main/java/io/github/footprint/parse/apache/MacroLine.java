package io.github.footprint.parse.apache;

import io.github.footprint.base.Location;

/**
 * Where a directive made by a mod_macro {@code Use} comes from: the Use (its directives stand at the Use line,
 * where findings point) and the macro body line it was substituted from.
 */
public final class MacroLine {
    private final MacroUse use;
    private final int line;
    private final Location written;

    MacroLine(MacroUse use, int line, Location written) {
        this.use = use;
        this.line = line;
        this.written = written;
    }

    /** The Use whose expansion holds the directive. */
    public MacroUse use() {
        return use;
    }

    /** httpd's line number of the directive in the expansion ({@code Syntax error on line N of macro '...'}). */
    public int line() {
        return line;
    }

    /** The macro body line the directive was substituted from. */
    public Location written() {
        return written;
    }

    /** {@code Use vhost, macro 'vhost' at FILE:LINE}: what to add to a message located at the Use line. */
    public String describe() {
        return use.chain() + ", macro '" + use.name() + "' at " + written;
    }

    /** {@code FILE:LINE (Use vhost, macro 'vhost' at FILE:LINE)}: the Use line, then the macro line. */
    @Override
    public String toString() {
        return use.location() + " (" + describe() + ")";
    }
}
