package io.github.footprint.report;

import java.nio.file.Path;

/** Where reports go: files into the output folder, console lines to a sink (Maven's log in the mojo). */
public final class ReportTarget {
    private static final ConsoleSink NOWHERE = new ConsoleSink() {
        @Override
        public void error(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void info(String line) {
        }
    };

    private final Path outputDirectory;
    private final ConsoleSink console;

    public ReportTarget(Path outputDirectory, ConsoleSink console) {
        this.outputDirectory = outputDirectory;
        this.console = console;
    }

    /** Console lines to the sink; no folder for files (a file reporter given it fails). */
    public static ReportTarget console(ConsoleSink console) {
        return new ReportTarget(null, console);
    }

    /** Files into the folder; console lines are dropped. */
    public static ReportTarget files(Path outputDirectory) {
        return new ReportTarget(outputDirectory, NOWHERE);
    }

    /** The folder file reports are written to. */
    public Path outputDirectory() {
        if (outputDirectory == null) {
            throw new IllegalStateException("this report target is the console alone");
        }
        return outputDirectory;
    }

    public ConsoleSink console() {
        return console;
    }
}
