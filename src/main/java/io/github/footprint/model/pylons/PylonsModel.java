package io.github.footprint.model.pylons;

import java.util.List;

import io.github.footprint.parse.ParseProblem;
import io.github.footprint.parse.ini.ShadowedKey;

/** What PasteDeploy makes of the project's INI files: applications, servers, dropped keys, and what it refuses. */
public final class PylonsModel {
    private final List<PylonsApp> apps;
    private final List<PasteServer> servers;
    private final List<Loadapp> unresolved;
    private final List<ShadowedKey> shadowed;
    private final List<ParseProblem> problems;

    PylonsModel(List<PylonsApp> apps, List<PasteServer> servers, List<Loadapp> unresolved, List<ShadowedKey> shadowed,
            List<ParseProblem> problems) {
        this.unresolved = List.copyOf(unresolved);
        this.apps = List.copyOf(apps);
        this.servers = List.copyOf(servers);
        this.shadowed = List.copyOf(shadowed);
        this.problems = List.copyOf(problems);
    }

    /** The applications: every app section no other app section builds on with {@code use}. */
    public List<PylonsApp> apps() {
        return apps;
    }

    /** The {@code [server:...]} sections. */
    public List<PasteServer> servers() {
        return servers;
    }

    /** Loader calls of mounted scripts that reach no INI file of the project, each with why. */
    public List<Loadapp> unresolved() {
        return unresolved;
    }

    /** Section keys PasteDeploy drops because {@code [DEFAULT]} (or an including file) has the same key. */
    public List<ShadowedKey> shadowed() {
        return shadowed;
    }

    /** What PasteDeploy's loading of the INI files would raise. */
    public List<ParseProblem> problems() {
        return problems;
    }
}
