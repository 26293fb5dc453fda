package io.github.footprint.source.template.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

/**
 * What a {@code {{ }}} writes: Python's {@code str()} of the value, nothing for None (Ansible's finalize), and for an
 * unknown value its token, registered with the expression as written and the variables that would settle it.
 */
final class Output implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
        FpInterpreter fp = (FpInterpreter) interpreter;
        Object v = fp.resolveELExpression(master.getExpr(), master.getLineNumber());
        if (v instanceof Unk) {
            Unk u = (Unk) v;
            String written = master instanceof TreeBuilder.FpExpressionToken
                    ? ((TreeBuilder.FpExpressionToken) master).written : master.getImage();
            return new RenderedOutputNode(fp.session.token(master.getLineNumber(), written, u.names(), u.secret(),
                    u.fromUndefined()));
        }
        if (Py.isNone(v)) {
            return new RenderedOutputNode("");
        }
        return new RenderedOutputNode(Py.str(v));
    }
}
