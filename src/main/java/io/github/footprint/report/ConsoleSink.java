package io.github.footprint.report;

/** Where console lines go: Maven's log in the mojo, a list in tests. */
public interface ConsoleSink {
    void error(String line);

    void warn(String line);

    void info(String line);
}
