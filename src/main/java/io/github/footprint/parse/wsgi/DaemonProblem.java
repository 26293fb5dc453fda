package io.github.footprint.parse.wsgi;

import java.util.OptionalLong;

import io.github.footprint.parse.wsgi.WsgiOptions.Option;
import io.github.footprint.parse.wsgi.WsgiOptions.Version;

/**
 * Something wrong with one option of a {@code WSGIDaemonProcess} line: either mod_wsgi refuses it (httpd stops
 * with {@link #message()}) or it silently reads something else than what is written. A problem holds what the
 * reading found (the kind, the option and value as written, the option's entry in {@link WsgiOptions}, the text
 * to write instead); the sentences that explain it are the rules' (FP204, FP205).
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
    private final String suggestion;
    private final Option known;
    private final Option meant;
    private final Version version;
    private final String text;
    private final String word;
    private final Long intended;

    private DaemonProblem(Builder b) {
        this.kind = b.kind;
        this.option = b.option;
        this.value = b.value;
        this.message = b.message;
        this.suggestion = b.suggestion;
        this.known = b.known;
        this.meant = b.meant;
        this.version = b.version;
        this.text = b.text;
        this.word = b.word;
        this.intended = b.intended;
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

    /** The text to write instead ({@code threads=5}, {@code memory-limit=524288000}), or null when unknown. */
    public String suggestion() {
        return suggestion;
    }

    /** The option of {@link WsgiOptions} the written name is (in any release), or null. */
    public Option known() {
        return known;
    }

    /** For {@link Kind#WRONG_CASE} and {@link Kind#UNKNOWN_OPTION}: the option the name most likely means, or null. */
    public Option meant() {
        return meant;
    }

    /** The mod_wsgi release the line was checked for. */
    public Version version() {
        return version;
    }

    /**
     * The text concerned, as written, where it is not one option's value: the directive's arguments
     * ({@link Kind#NO_NAME}), the word that starts with {@code =} ({@link Kind#NO_OPTION_NAME}), the comment
     * ({@link Kind#COMMENT}), the option with its space and value ({@link Kind#SPACE_BEFORE_EQUALS}), the
     * {@code script-user} value ({@link Kind#CONFLICT}); else null.
     */
    public String text() {
        return text;
    }

    /**
     * The word after the option, as mod_wsgi would take it: the value after the space
     * ({@link Kind#SPACE_BEFORE_EQUALS}), the next word ({@link Kind#NOT_NAME_VALUE} of a known option), the first
     * word of a comment ({@link Kind#COMMENT}); else null.
     */
    public String word() {
        return word;
    }

    /** The number the value means to a person, in the option's unit ({@code 500M} bytes: 524288000), if it tells. */
    public OptionalLong intended() {
        return intended == null ? OptionalLong.empty() : OptionalLong.of(intended);
    }

    @Override
    public String toString() {
        return kind + (option == null ? "" : " " + option + (value == null ? "" : "=" + value))
                + (message == null ? "" : " '" + message + "'");
    }

    static Builder of(Kind kind, Version version) {
        return new Builder(kind, version);
    }

    /** The facts of one problem, set by the reader. */
    static final class Builder {
        private final Kind kind;
        private final Version version;
        private String option;
        private String value;
        private String message;
        private String suggestion;
        private Option known;
        private Option meant;
        private String text;
        private String word;
        private Long intended;

        private Builder(Kind kind, Version version) {
            this.kind = kind;
            this.version = version;
        }

        Builder option(String name, String v) {
            this.option = name;
            this.value = v;
            return this;
        }

        Builder refused(String httpdMessage) {
            this.message = httpdMessage;
            return this;
        }

        Builder suggestion(String s) {
            this.suggestion = s;
            return this;
        }

        Builder known(Option o) {
            this.known = o;
            return this;
        }

        Builder meant(Option o) {
            this.meant = o;
            return this;
        }

        Builder text(String t) {
            this.text = t;
            return this;
        }

        Builder word(String w) {
            this.word = w;
            return this;
        }

        Builder intended(Long n) {
            this.intended = n;
            return this;
        }

        DaemonProblem build() {
            return new DaemonProblem(this);
        }
    }
}
