package io.github.footprint.engine;

/** The plugin is misconfigured (a bad parameter, an unreadable directory): the message says what to fix. */
public final class RequestException extends Exception {
    private static final long serialVersionUID = 1L;

    public RequestException(String message) {
        super(message);
    }
}
