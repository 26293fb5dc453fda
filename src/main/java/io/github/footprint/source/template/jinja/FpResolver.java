package io.github.footprint.source.template.jinja;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.hubspot.jinjava.objects.collections.PyMap;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELException;
import jinjava.javax.el.ELResolver;

/**
 * Attribute and item access as Jinja2 (with Ansible's undefined) does it, ahead of Jinjava's own resolvers: a member
 * of an unknown is unknown, a missing key or index is undefined (not null), an unknown inside a dict or list counts as
 * read, and the Python methods of strings and dicts templates call ({@code split}, {@code startswith}, {@code items},
 * {@code get}...) behave as Python's.
 */
final class FpResolver extends ELResolver {
    /** Dict methods: never read as keys when a template calls them. */
    private static final Set<String> DICT_METHODS = Set.of("items", "keys", "values", "get", "update", "copy", "pop",
            "setdefault", "popitem", "clear", "toMap");

    private static Session session() {
        return FpInterpreter.current();
    }

    private static Object track(Object v) {
        if (v instanceof Unk) {
            Session s = session();
            Unk u = ((Unk) v).copy();
            return s == null ? u : s.read(u);
        }
        return v == null ? Py.NONE : v;
    }

    private static Object undefined(String name) {
        Session s = session();
        Unk u = Unk.undefined(name);
        return s == null ? u : s.read(u);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            return null;
        }
        if (base instanceof Unk) {
            context.setPropertyResolved(true);
            Unk u = (Unk) base;
            Session s = session();
            Unk member = u.member(String.valueOf(property));
            return s == null ? member : s.derive(u, member);
        }
        if (property instanceof Unk) {
            context.setPropertyResolved(true);
            return PyOperators.known(property);
        }
        if (base instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) base;
            Object key = property;
            if (!m.containsKey(key) && property instanceof Number) {
                key = matchingNumberKey(m, (Number) property);
            }
            if (m.containsKey(key)) {
                context.setPropertyResolved(true);
                return track(m.get(key));
            }
            if (property instanceof String && DICT_METHODS.contains(property)) {
                return null;
            }
            context.setPropertyResolved(true);
            return undefined(String.valueOf(property));
        }
        if (base instanceof List && (property instanceof Number || isIndex(property))) {
            List<?> l = (List<?>) base;
            long i = property instanceof Number ? ((Number) property).longValue() : Long.parseLong((String) property);
            if (i < 0) {
                i += l.size();
            }
            context.setPropertyResolved(true);
            if (i < 0 || i >= l.size()) {
                return undefined("[" + property + "]");
            }
            return track(l.get((int) i));
        }
        if (base instanceof String && property instanceof Number) {
            String s = (String) base;
            long i = ((Number) property).longValue();
            if (i < 0) {
                i += s.length();
            }
            context.setPropertyResolved(true);
            return i < 0 || i >= s.length() ? undefined("[" + property + "]") : String.valueOf(s.charAt((int) i));
        }
        return null;
    }

    private static Object matchingNumberKey(Map<?, ?> m, Number n) {
        for (Object k : m.keySet()) {
            if (k instanceof Number && PyOperators.equal(k, n)) {
                return k;
            }
        }
        return n;
    }

    private static boolean isIndex(Object property) {
        if (!(property instanceof String)) {
            return false;
        }
        String s = (String) property;
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 10;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        String name = String.valueOf(method);
        if (base instanceof Unk) {
            context.setPropertyResolved(true);
            Unk u = (Unk) base;
            Set<String> names = new TreeSet<>(u.names());
            boolean fromUndefined = u.fromUndefined();
            for (Object a : args) {
                fromUndefined &= Unks.collect(a, names);
            }
            Session s = session();
            Unk r = Unk.derived(names, u.secret(), fromUndefined);
            if (s == null) {
                return r;
            }
            // Jinjava first read the method as an attribute of the unknown: that read is this call
            s.consumeMember(u, name);
            return s.derive(u, r);
        }
        if (base instanceof String || base instanceof Map) {
            for (Object a : args) {
                PyOperators.known(a);
            }
        }
        if (base instanceof String) {
            Object r = stringMethod((String) base, name, args);
            if (r != NOT_HANDLED) {
                context.setPropertyResolved(true);
                return r;
            }
        } else if (base instanceof Map && !(base instanceof PyMap && name.equals("update"))) {
            Object r = dictMethod((Map<?, ?>) base, name, args);
            if (r != NOT_HANDLED) {
                context.setPropertyResolved(true);
                return r;
            }
        }
        return null;
    }

    private static final Object NOT_HANDLED = new Object();

    private static String arg(Object[] args, int i) {
        Object a = args[i];
        if (!(a instanceof CharSequence)) {
            throw new ELException("must be str, not " + PyOperators.typeName(a));
        }
        return a.toString();
    }

    private static Object stringMethod(String s, String name, Object[] args) {
        switch (name) {
            case "upper":
                return s.toUpperCase(Locale.ROOT);
            case "lower":
                return s.toLowerCase(Locale.ROOT);
            case "strip":
                return args.length == 0 || Py.isNone(args[0]) ? Py.strip(s) : stripChars(s, arg(args, 0), true, true);
            case "lstrip":
                return args.length == 0 || Py.isNone(args[0]) ? lstrip(s) : stripChars(s, arg(args, 0), true, false);
            case "rstrip":
                return args.length == 0 || Py.isNone(args[0]) ? rstrip(s) : stripChars(s, arg(args, 0), false, true);
            case "startswith":
                return s.startsWith(arg(args, 0));
            case "endswith":
                return s.endsWith(arg(args, 0));
            case "replace":
                return args.length > 2 ? replace(s, arg(args, 0), arg(args, 1), ((Number) args[2]).intValue())
                        : s.replace(arg(args, 0), arg(args, 1));
            case "split":
                return split(s, args.length > 0 && !Py.isNone(args[0]) ? arg(args, 0) : null,
                        args.length > 1 ? ((Number) args[1]).intValue() : -1);
            case "join": {
                List<String> parts = new ArrayList<>();
                for (Object x : Py.iterate(args[0])) {
                    parts.add(Py.str(PyOperators.known(x)));
                }
                return String.join(s, parts);
            }
            case "capitalize":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(
                        Locale.ROOT);
            case "find":
                return s.indexOf(arg(args, 0));
            case "count": {
                String sub = arg(args, 0);
                if (sub.isEmpty()) {
                    return s.length() + 1;
                }
                int c = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
                    c++;
                }
                return c;
            }
            case "isdigit":
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            default:
                return NOT_HANDLED;
        }
    }

    private static Object dictMethod(Map<?, ?> m, String name, Object[] args) {
        switch (name) {
            case "items": {
                List<Object> out = new ArrayList<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    out.add(new ArrayList<>(java.util.Arrays.asList(e.getKey(), e.getValue())));
                }
                return out;
            }
            case "keys":
                return new ArrayList<Object>(m.keySet());
            case "values":
                return new ArrayList<Object>(m.values());
            case "get":
                if (m.containsKey(args[0])) {
                    return track(m.get(args[0]));
                }
                return args.length > 1 ? args[1] : Py.NONE;
            default:
                return NOT_HANDLED;
        }
    }

    private static String lstrip(String s) {
        int a = 0;
        while (a < s.length() && Py.isSpace(s.charAt(a))) {
            a++;
        }
        return s.substring(a);
    }

    private static String rstrip(String s) {
        int b = s.length();
        while (b > 0 && Py.isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(0, b);
    }

    static String stripChars(String s, String chars, boolean left, boolean right) {
        int a = 0;
        int b = s.length();
        while (left && a < b && chars.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (right && b > a && chars.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b);
    }

    static String replace(String s, String old, String new_, int count) {
        if (count < 0) {
            return s.replace(old, new_);
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        int done = 0;
        if (old.isEmpty()) {
            for (int i = 0; i <= s.length() && done < count; i++) {
                b.append(new_);
                done++;
                if (i < s.length()) {
                    b.append(s.charAt(i));
                }
                at = i + 1;
            }
            return at <= s.length() ? b + s.substring(Math.min(at, s.length())) : b.toString();
        }
        for (int i = s.indexOf(old); i >= 0 && done < count; i = s.indexOf(old, at)) {
            b.append(s, at, i).append(new_);
            at = i + old.length();
            done++;
        }
        return b.append(s.substring(at)).toString();
    }

    /** Python's {@code str.split(sep, maxsplit)}; a null separator splits on runs of whitespace. */
    static List<Object> split(String s, String sep, int max) {
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && Py.isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (max >= 0 && out.size() == max) {
                    out.add(rstrip(s.substring(i)));
                    break;
                }
                int j = i;
                while (j < n && !Py.isSpace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new ELException("empty separator");
        }
        int at = 0;
        for (int i = s.indexOf(sep); i >= 0 && (max < 0 || out.size() < max); i = s.indexOf(sep, at)) {
            out.add(s.substring(at, i));
            at = i + sep.length();
        }
        out.add(s.substring(at));
        return out;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: Jinjava's own resolvers handle what may be written
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
