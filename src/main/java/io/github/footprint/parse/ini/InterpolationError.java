package io.github.footprint.parse.ini;

/**
 * What configparser's {@code BasicInterpolation} raises for one value: the exception class and its text,
 * exactly as Python 3.11 words them, and the text PasteDeploy's {@code NicerConfigParser.InterpolateWrapper}
 * turns it into ({@code Error in file FILE: ...}).
 */
public final class InterpolationError {
    private final String type;
    private final String message;
    private final String filename;
    private final String summary;

    InterpolationError(String type, String message, String filename, String summary) {
        this.type = type;
        this.message = message;
        this.filename = filename;
        this.summary = summary;
    }

    /** What a finding's first line says of it, short: {@code %(inherit)s in 'test_interp' names no option}. */
    public String summary() {
        return summary;
    }

    /** {@code InterpolationMissingOptionError}, {@code InterpolationSyntaxError} or {@code InterpolationDepthError}. */
    public String type() {
        return type;
    }

    /** {@code str(e)} of configparser's exception. */
    public String message() {
        return message;
    }

    /** {@code str(e)} after PasteDeploy's wrapper: {@code Error in file FILE: message}. */
    public String pasteMessage() {
        return "Error in file " + filename + ": " + message;
    }

    @Override
    public String toString() {
        return type + ": " + pasteMessage();
    }
}
