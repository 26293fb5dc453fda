package io.github.footprint.testing;

import java.nio.file.Path;

import io.github.footprint.engine.CheckEngine;
import io.github.footprint.report.PomSettings;

/** Runs a check of a project with its pom's settings: a driver for {@link WatchingLoader#run}. */
public final class ProjectCheck {
    private ProjectCheck() {
    }

    public static void run(Path project, Path out) throws Exception {
        new CheckEngine().run(PomSettings.of(project, out).build());
    }
}
