package io.github.footprint.mojo;

import org.apache.maven.plugin.logging.Log;

import io.github.footprint.report.ConsoleSink;

/** The console reporter's lines on Maven's log. */
final class MavenConsole implements ConsoleSink {
    private final Log log;

    MavenConsole(Log log) {
        this.log = log;
    }

    @Override
    public void error(String line) {
        log.error(line);
    }

    @Override
    public void warn(String line) {
        log.warn(line);
    }

    @Override
    public void info(String line) {
        log.info(line);
    }
}
