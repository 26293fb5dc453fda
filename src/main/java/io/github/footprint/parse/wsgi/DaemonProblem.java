package io.github.footprint.parse.wsgi;

/**
 * Something wrong with one option of a {@code WSGIDaemonProcess} line: either mod_wsgi refuses it (httpd stops
 * with {@link #message()}) or it silently reads something else than what is written. The wording is complete
 * sentences: {@link #detail()} says what mod_wsgi makes of the text, {@link #fix()} what to write instead.
 */
public final class DaemonProblem {
    /** What is wrong. */
    public enum Kind {
        /** The directive has no name (refused). */
        NO_NAME,
        /** {@code threads = 5}: white space before {@code =} (refused). */
        SPACE_BEFORE_EQUALS,
        /** {@code threads=5 # five}: httpd has no end-of-line comments (refused). */
        COMMENT,
        /** A word that is not {@code name=value} (refused). */
        NOT_NAME_VALUE,
        /** {@code =5}: nothing before {@code =} (refused). */
        NO_OPTION_NAME,
        /** {@code Threads=5}: option names are case-sensitive (refused). */
        WRONG_CASE,
        /** An option of another mod_wsgi release than {@code modWsgiVersion} (refused). */
        OTHER_VERSION,
        /** No release has the option (refused). */
        UNKNOWN_OPTION,
        /** The option's value fails mod_wsgi's check (refused). */
        INVALID_VALUE,
        /** Options that exclude each other, {@code script-user} with {@code script-group} (refused). */
        CONFLICT,
        /** A number read leniently by {@code atoi}: {@code 500M} is 500 (accepted, misread). */
        LENIENT_NUMBER,
        /** An option glued to the value before it, lost (accepted, misread). */
        GLUED
    }

    private final Kind kind;
    private final String option;
    private final String value;
    private final String message;
    private final String detail;
    private final String fix;
    private final String suggestion;

    public DaemonProblem(Kind kind, String option, String value, String message, String detail, String fix,
            String suggestion) {
        this.kind = kind;
        this.option = option;
        this.value = value;
        this.message = message;
        this.detail = detail;
        this.fix = fix;
        this.suggestion = suggestion;
    }

    public Kind kind() {
        return kind;
    }

    /** True when httpd refuses the line (FP204); false when mod_wsgi accepts and misreads it (FP205). */
    public boolean refused() {
        return message != null;
    }

    /** The option concerned as written ({@code Threads}), or null when the problem is not one option's. */
    public String option() {
        return option;
    }

    /** The value as mod_wsgi received it (quotes removed), or null. */
    public String value() {
        return value;
    }

    /** What httpd prints after {@code AH00526: Syntax error on line N of FILE:}, or null when it accepts the line. */
    public String message() {
        return message;
    }

    /** What mod_wsgi makes of the text, one or more clauses without a final period. */
    public String detail() {
        return detail;
    }

    /** What to write instead, a sentence without a final period. */
    public String fix() {
        return fix;
    }

    /** The text to write instead ({@code threads=5}, {@code memory-limit=524288000}), or null when unknown. */
    public String suggestion() {
        return suggestion;
    }

    @Override
    public String toString() {
        return kind + (option == null ? "" : " " + option + (value == null ? "" : "=" + value))
                + (message == null ? "" : " '" + message + "'") + ": " + detail;
    }
}
