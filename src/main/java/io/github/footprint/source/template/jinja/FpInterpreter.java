package io.github.footprint.source.template.jinja;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;

/**
 * Jinjava's interpreter with unknown values: a variable no file defines reads as an undefined {@link Unk}, and an
 * expression whose result depends on an unknown it did not consume evaluates to an unknown (naming the variables that
 * would settle it), whatever Jinjava would have made of it.
 */
final class FpInterpreter extends JinjavaInterpreter {
    final Session session;

    FpInterpreter(Jinjava application, Context context, JinjavaConfig config, Session session) {
        super(application, context, config);
        this.session = session;
    }

    private FpInterpreter(FpInterpreter orig) {
        super(orig);
        this.session = orig.session;
    }

    /** Makes child interpreters (includes, imports) of the same session. */
    static final class Factory implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return orig instanceof FpInterpreter ? new FpInterpreter((FpInterpreter) orig) : new JinjavaInterpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava application, Context context, JinjavaConfig config) {
            return new JinjavaInterpreter(application, context, config);
        }
    }

    /** The session of the interpreter rendering on this thread. */
    static Session current() {
        JinjavaInterpreter i = JinjavaInterpreter.getCurrent();
        return i instanceof FpInterpreter ? ((FpInterpreter) i).session : null;
    }

    @Override
    public Object resolveELExpression(String expression, int lineNumber) {
        Session.Frame frame = session.push();
        Optional<TemplateError> lastError = getLastError();
        Object result;
        try {
            // silently: Jinjava's record of resolved expressions is not wanted, and costs
            setLineNumber(lineNumber);
            result = resolveELExpressionSilently(expression);
        } finally {
            session.pop();
        }
        boolean unknown = result instanceof Unk || !frame.pending.isEmpty() || !frame.hits.isEmpty()
                || Unks.contains(result);
        if (!unknown) {
            return result;
        }
        // what Jinjava complained of while it held an unknown is no error of the template
        while (getLastError().isPresent() && !getLastError().equals(lastError)) {
            removeLastError();
        }
        Set<String> names = new TreeSet<>();
        boolean secret = false;
        boolean undefined = result instanceof Unk && ((Unk) result).isUndefined() && frame.hits.isEmpty();
        boolean fromUndefined = true;
        if (result instanceof Unk) {
            names.addAll(((Unk) result).names());
            secret = ((Unk) result).secret();
            fromUndefined = ((Unk) result).fromUndefined();
        }
        for (Unk u : frame.pending) {
            names.addAll(u.names());
            secret |= u.secret();
            undefined &= u == result;
            fromUndefined &= u.fromUndefined();
        }
        for (Unk u : frame.hits) {
            names.addAll(u.names());
            secret |= u.secret();
            fromUndefined &= u.fromUndefined();
        }
        if (!(result instanceof Unk)) {
            fromUndefined &= Unks.collect(result, names);
        }
        return new Unk(undefined, fromUndefined, names, secret);
    }

    @Override
    public Object retraceVariable(String variable, int lineNumber, int startPosition) {
        if (variable == null || variable.isEmpty()) {
            return "";
        }
        if (variable.equals(Translator.NONE_NAME)) {
            return Py.NONE;
        }
        if (variable.equals(Translator.EMPTY_TUPLE)) {
            return new Py.Tuple(java.util.List.of());
        }
        String name = variable.startsWith(Translator.RESERVED_PREFIX)
                ? variable.substring(Translator.RESERVED_PREFIX.length()) : variable;
        Object v = getContext().get(name);
        if (v == null) {
            v = session.global(name);
        }
        if (v == null) {
            return session.read(Unk.undefined(name));
        }
        if (v instanceof Unk) {
            return session.read(((Unk) v).copy());
        }
        return v;
    }
}
