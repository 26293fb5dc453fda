package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.footprint.base.Secrets;
import io.github.footprint.base.UrlPasswords;

/**
 * The template variables of one environment, in layers of rising precedence (Ansible's order: role defaults,
 * {@code group_vars/all}, {@code group_vars/<environment>}, role vars, the files the user names, extra variables). A
 * template sees the merge of the layers that apply to it ({@link #scopeFor}); a higher layer replaces a whole value
 * (Ansible's {@code hash_behaviour=replace}). Also what masking needs: the secret values and the secret names.
 */
public final class Variables {
    /** One file's (or the extras') variables and where they apply. */
    public static final class Layer {
        private final String origin;
        private final String kind;
        private final String role;
        private final Map<String, Object> values;
        private final boolean encrypted;

        /**
         * @param origin the file (tree path, or as the user named it), or "extra variables"
         * @param kind what layer it is ("role defaults", "group_vars/all", ...)
         * @param role the role folder it belongs to (tree path, "" for a role at the root), null for every template
         */
        public Layer(String origin, String kind, String role, Map<String, Object> values, boolean encrypted) {
            this.origin = origin;
            this.kind = kind;
            this.role = role;
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            this.encrypted = encrypted;
        }

        public String origin() {
            return origin;
        }

        public String kind() {
            return kind;
        }

        public String role() {
            return role;
        }

        public Map<String, Object> values() {
            return values;
        }

        /** True for an Ansible Vault file: it may define any name, none of them readable. */
        public boolean encrypted() {
            return encrypted;
        }

        @Override
        public String toString() {
            return kind + " " + origin + (encrypted ? " (encrypted)" : "");
        }
    }

    /** What one template sees. */
    public static final class Scope {
        private final Map<String, Object> values;
        private final List<String> encryptedFiles;
        private final Map<String, String> originOf;

        Scope(Map<String, Object> values, List<String> encryptedFiles, Map<String, String> originOf) {
            this.values = Collections.unmodifiableMap(values);
            this.encryptedFiles = List.copyOf(encryptedFiles);
            this.originOf = Collections.unmodifiableMap(originOf);
        }

        /** The merged variables (values may be {@link VarValues.Vaulted} or {@link VarValues.Unsafe}). */
        public Map<String, Object> values() {
            return values;
        }

        /**
         * The encrypted files in scope: while there is one, a name no readable file defines may still be defined (in
         * it), so it is unknown rather than undefined.
         */
        public List<String> encryptedFiles() {
            return encryptedFiles;
        }

        /** The file that gave a top-level name its value, or null. */
        public String origin(String name) {
            return originOf.get(name);
        }
    }

    private final List<Layer> layers;
    private final Map<String, List<TemplateProblem>> problems;
    private final List<String> notes;
    private final Set<String> secretValues;
    private final Set<String> secretNames;
    private final Map<String, Scope> scopes = new HashMap<>();

    Variables(List<Layer> layers, Map<String, List<TemplateProblem>> problems, List<String> notes) {
        this.layers = List.copyOf(layers);
        Map<String, List<TemplateProblem>> p = new TreeMap<>();
        problems.forEach((k, v) -> p.put(k, List.copyOf(v)));
        this.problems = Collections.unmodifiableMap(p);
        this.notes = List.copyOf(notes);
        Set<String> values = new TreeSet<>();
        Set<String> names = new TreeSet<>();
        for (Layer l : layers) {
            for (Map.Entry<String, Object> e : l.values.entrySet()) {
                collectSecrets(e.getKey(), e.getValue(), isSecretName(e.getKey()), values, names);
            }
        }
        this.secretValues = Collections.unmodifiableSet(values);
        this.secretNames = Collections.unmodifiableSet(names);
    }

    /** Variables from nothing but a map (tests, and callers with variables of their own). */
    public static Variables of(Map<String, Object> values) {
        return new Variables(List.of(new Layer("given", "given", null, values, false)), Map.of(), List.of());
    }

    /** No variables at all. */
    public static Variables none() {
        return new Variables(List.of(), Map.of(), List.of());
    }

    /** True when a variable's name says it holds a secret (db_password, secret_key, api_token, ssl_key...). */
    public static boolean isSecretName(String name) {
        return Secrets.isSecretName(name);
    }

    /**
     * A value as templates see it: under a secret name every string in it marked secret, and in every string the
     * password of a URL ({@link Secrets}), so that it stays secret wherever it is rendered.
     */
    @SuppressWarnings("unchecked")
    static Object marked(Object v, boolean secret) {
        if (secret && v instanceof Number) {
            // a secret written as a number (db_password: 12345) is a secret as much as one written as text: it
            // renders as Python's str() of it, marked
            String text = pythonStr((Number) v);
            return text == null ? v : Secrets.wrap(text);
        }
        if (v instanceof String) {
            String s = (String) v;
            return secret ? Secrets.wrap(s) : Secrets.markUrlPasswords(s);
        }
        if (v instanceof VarValues.Unsafe) {
            String s = v.toString();
            String m = secret ? Secrets.wrap(s) : Secrets.markUrlPasswords(s);
            return m.equals(s) ? v : new VarValues.Unsafe(m);
        }
        if (v instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
                out.put(e.getKey(), marked(e.getValue(), secret || isSecretName(String.valueOf(e.getKey()))));
            }
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<Object>) v) {
                out.add(marked(x, secret));
            }
            return out;
        }
        return v;
    }

    /**
     * Python's {@code str()} of a number YAML or JSON gives: integers as written in decimal, floats in positional
     * notation where Python uses it (1e-4 up to 1e16); null for another float (left as a number).
     */
    static String pythonStr(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof java.math.BigInteger || n instanceof Short
                || n instanceof Byte) {
            return n.toString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d == 0 && !Double.isNaN(d)) {
                return 1 / d < 0 ? "-0.0" : "0.0";
            }
            if (Double.isFinite(d) && Math.abs(d) >= 1e-4 && Math.abs(d) < 1e16) {
                String plain = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
                return plain.indexOf('.') < 0 ? plain + ".0" : plain;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void collectSecrets(String path, Object v, boolean secret, Set<String> values, Set<String> names) {
        if (secret) {
            names.add(path);
        }
        if (v instanceof Map) {
            for (Map.Entry<Object, Object> e : ((Map<Object, Object>) v).entrySet()) {
                String k = String.valueOf(e.getKey());
                collectSecrets(path + "." + k, e.getValue(), secret || isSecretName(k), values, names);
            }
        } else if (v instanceof List) {
            int i = 0;
            for (Object x : (List<Object>) v) {
                collectSecrets(path + "[" + i++ + "]", x, secret, values, names);
            }
        } else if (v instanceof String || v instanceof VarValues.Unsafe) {
            String s = v.toString();
            values.addAll(UrlPasswords.in(s));
            // a template's result is found where it is rendered; only literal values are known here
            if (secret && !s.isEmpty() && !s.contains("{{") && !s.contains("{%")) {
                values.add(s);
            }
        } else if (v instanceof VarValues.Vaulted) {
            names.add(path);
        }
    }

    /** Every layer, lowest precedence first. */
    public List<Layer> layers() {
        return layers;
    }

    /** Problems of variables files, by file (tree path, or the path the user gave). */
    public Map<String, List<TemplateProblem>> problems() {
        return problems;
    }

    /** What loading noticed and a user may want to know (several inventories, no group for the environment...). */
    public List<String> notes() {
        return notes;
    }

    /** The literal values of secret variables and the passwords in URLs: what masking hides. */
    public Set<String> secretValues() {
        return secretValues;
    }

    /** The paths of secret variables ({@code db.password}), vaulted ones included. */
    public Set<String> secretNames() {
        return secretNames;
    }

    /**
     * What a template sees: every layer for every template, plus the layers of the role the template is in (its
     * folder, or the deepest role folder above it), which beat other roles' layers of the same kind.
     */
    public synchronized Scope scopeFor(String templateTreePath) {
        String role = roleOf(templateTreePath);
        String key = role == null ? "\0" : role;
        Scope s = scopes.get(key);
        if (s == null) {
            s = merge(role);
            scopes.put(key, s);
        }
        return s;
    }

    private String roleOf(String treePath) {
        String best = null;
        for (Layer l : layers) {
            String r = l.role;
            if (r != null && (r.isEmpty() || treePath.startsWith(r + "/")) && (best == null || r.length() > best.length())) {
                best = r;
            }
        }
        return best;
    }

    private Scope merge(String role) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> origin = new HashMap<>();
        List<String> encrypted = new ArrayList<>();
        // layers come sorted by precedence; within a kind, the template's own role goes last (wins)
        List<Layer> ordered = new ArrayList<>();
        for (int i = 0; i < layers.size(); ) {
            int j = i;
            while (j < layers.size() && layers.get(j).kind.equals(layers.get(i).kind)) {
                j++;
            }
            List<Layer> own = new ArrayList<>();
            for (Layer l : layers.subList(i, j)) {
                if (l.role != null && l.role.equals(role)) {
                    own.add(l);
                } else {
                    ordered.add(l);
                }
            }
            ordered.addAll(own);
            i = j;
        }
        for (Layer l : ordered) {
            if (l.encrypted) {
                encrypted.add(l.origin);
            }
            for (Map.Entry<String, Object> e : l.values.entrySet()) {
                values.put(e.getKey(), marked(e.getValue(), isSecretName(e.getKey())));
                origin.put(e.getKey(), l.origin);
            }
        }
        return new Scope(values, encrypted, origin);
    }
}
