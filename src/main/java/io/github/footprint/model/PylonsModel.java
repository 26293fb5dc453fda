package io.github.footprint.model;

import java.util.List;

import io.github.footprint.parse.ParseProblem;
import io.github.footprint.parse.ini.ShadowedKey;

/** What PasteDeploy makes of the project's INI files: applications, servers, dropped keys, and what it refuses. */
final class PylonsModel {
    final List<PylonsApp> apps;
    final List<PasteServer> servers;
    final List<ShadowedKey> shadowed;
    final List<ParseProblem> problems;

    PylonsModel(List<PylonsApp> apps, List<PasteServer> servers, List<ShadowedKey> shadowed,
            List<ParseProblem> problems) {
        this.apps = List.copyOf(apps);
        this.servers = List.copyOf(servers);
        this.shadowed = List.copyOf(shadowed);
        this.problems = List.copyOf(problems);
    }
}
