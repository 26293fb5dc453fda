package io.github.footprint.parse.wsgi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.footprint.parse.apache.ConfWords;

/**
 * The {@code name=value} options after the leading words of a {@code WSGIScriptAlias}, {@code WSGIScriptAliasMatch}
 * or {@code WSGIImportScript}, as mod_wsgi 4.9's {@code wsgi_parse_option} reads them (the value by
 * {@code ap_getword_conf}), up to the first one it refuses.
 */
public final class AliasOptions {
    private static final Set<String> ALIAS_OPTIONS = Set.of("process-group", "application-group", "callable-object",
            "pass-authorization");
    private static final Set<String> IMPORT_OPTIONS = Set.of("process-group", "application-group");

    private final Map<String, String> values;
    private final LineRefusal refusal;

    private AliasOptions(Map<String, String> values, LineRefusal refusal) {
        this.values = Collections.unmodifiableMap(values);
        this.refusal = refusal;
    }

    /** The options of a {@code WSGIScriptAlias} or {@code WSGIScriptAliasMatch} after its URL and script. */
    public static AliasOptions ofAlias(String rest) {
        return read(rest, LineRefusal.ALIAS_INVALID_OPTION, ALIAS_OPTIONS);
    }

    /** The options of a {@code WSGIImportScript} after its script. */
    public static AliasOptions ofImport(String rest) {
        return read(rest, LineRefusal.IMPORT_INVALID_OPTION, IMPORT_OPTIONS);
    }

    /** The options read before any refusal, {@code name -> value} as written. */
    public Map<String, String> values() {
        return values;
    }

    /** The option mod_wsgi refuses (it stops at the first), or null when it takes them all. */
    public LineRefusal refusal() {
        return refusal;
    }

    private static AliasOptions read(String rest, LineRefusal invalid, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        while (i < rest.length()) {
            int start = i;
            while (i < rest.length() && rest.charAt(i) != '=' && !Character.isWhitespace(rest.charAt(i))) {
                i++;
            }
            if (i == start || i >= rest.length() || rest.charAt(i) != '=') {
                return new AliasOptions(values, invalid);
            }
            String name = rest.substring(start, i);
            ConfWords value = new ConfWords(rest.substring(i + 1));
            String v = value.next();
            if (!known.contains(name)) {
                return new AliasOptions(values, invalid);
            }
            if (v.isEmpty()) {
                return new AliasOptions(values, name.equals("process-group") ? LineRefusal.NO_PROCESS_GROUP_NAME
                        : name.equals("application-group") ? LineRefusal.NO_APPLICATION_GROUP_NAME
                                : name.equals("callable-object") ? LineRefusal.NO_CALLABLE_OBJECT_NAME
                                        : LineRefusal.INVALID_AUTHORIZATION_FLAG);
            }
            if (name.equals("pass-authorization") && !v.equalsIgnoreCase("On") && !v.equalsIgnoreCase("Off")) {
                return new AliasOptions(values, LineRefusal.INVALID_AUTHORIZATION_FLAG);
            }
            values.put(name, v);
            rest = value.rest();
            i = 0;
        }
        return new AliasOptions(values, null);
    }
}
