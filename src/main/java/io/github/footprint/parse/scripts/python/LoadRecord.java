package io.github.footprint.parse.scripts.python;

import java.util.LinkedHashSet;
import java.util.Set;

import io.github.footprint.base.Location;

/** A loader call as the interpreter records it; {@link IniLoad} is its public, finished form. */
final class LoadRecord {
    final IniLoad.Kind kind;
    final String function;
    final Location at;
    final int offset;
    final IniLoad.Context context;
    final String contextText;
    final Location contextAt;
    /** The path the loader opens: a {@link PyValue.Str} (normalised) or {@link PyValue.Unknown}. */
    PyValue path;
    /** The path exactly as the loader passes it to open(), when known. */
    String raw;
    /** A relative path the loader resolves against the working directory, as computed. */
    String relative;
    /** The section (app name): Str or Unknown; null for logging. */
    PyValue section;
    /** Where a {@code make_app} call receives what this load read. */
    Location makeApp;
    /** configparser: the {@code app:} sections the script reads from the parser by literal name. */
    final Set<String> parserSections = new LinkedHashSet<>();
    boolean parserOtherSections;

    LoadRecord(IniLoad.Kind kind, String function, Location at, int offset, IniLoad.Context context,
            String contextText, Location contextAt) {
        this.kind = kind;
        this.function = function;
        this.at = at;
        this.offset = offset;
        this.context = context;
        this.contextText = contextText;
        this.contextAt = contextAt;
    }
}
