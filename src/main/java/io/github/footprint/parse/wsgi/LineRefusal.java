package io.github.footprint.parse.wsgi;

/**
 * Why mod_wsgi refuses the text of a {@code WSGIScriptAlias} ({@code WSGIScriptAliasMatch}) or
 * {@code WSGIImportScript} line while httpd reads it, with the message httpd prints.
 */
public enum LineRefusal {
    /** An option that is not {@code name=value}, or that the directive does not have. */
    ALIAS_INVALID_OPTION("Invalid option to WSGI script alias definition."),
    /** Likewise, for {@code WSGIImportScript}. */
    IMPORT_INVALID_OPTION("Invalid option to WSGI import script definition."),
    /** {@code process-group=} without a value. */
    NO_PROCESS_GROUP_NAME("Invalid name for WSGI process group."),
    /** {@code application-group=} without a value. */
    NO_APPLICATION_GROUP_NAME("Invalid name for WSGI application group."),
    /** {@code callable-object=} without a value. */
    NO_CALLABLE_OBJECT_NAME("Invalid name for WSGI callable object."),
    /** {@code pass-authorization=} empty or neither On nor Off. */
    INVALID_AUTHORIZATION_FLAG("Invalid value for authorization flag."),
    /** {@code WSGIImportScript} without a script. */
    NO_SCRIPT("Location of import script not supplied."),
    /** {@code WSGIImportScript} without {@code application-group=}. */
    APPLICATION_GROUP_REQUIRED("Name of WSGI application group required."),
    /** {@code WSGIImportScript} without {@code process-group=}. */
    PROCESS_GROUP_REQUIRED("Name of WSGI process group required.");

    private final String message;

    LineRefusal(String message) {
        this.message = message;
    }

    /** What httpd prints after {@code AH00526: Syntax error on line N of FILE:}. */
    public String message() {
        return message;
    }
}
