package io.github.footprint.source.template.jinja;

import java.util.Properties;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeBuilder;
import jinjava.javax.el.ExpressionFactory;

/** Jinjava with Python's operators and coercions in its expression language. */
final class FpJinjava extends Jinjava {
    private final ExpressionFactory factory;

    FpJinjava(JinjavaConfig config) {
        super(config);
        Properties p = new Properties();
        p.setProperty(TreeBuilder.class.getName(), PyOperators.FpSyntaxBuilder.class.getName());
        factory = new ExpressionFactoryImpl(p, new FpConverter());
    }

    @Override
    public ExpressionFactory getExpressionFactory() {
        return factory;
    }
}
