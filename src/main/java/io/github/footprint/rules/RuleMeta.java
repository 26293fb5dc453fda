package io.github.footprint.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.footprint.base.Severity;

/** A rule's identity: a stable id (never reused), a kebab-case name, its default severity and a summary. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleMeta {
    /** {@code FPnnn}. */
    String id();

    /** kebab-case name, as SARIF's {@code name}. */
    String name();

    Severity severity();

    /** One sentence, no trailing period, no Markdown. */
    String summary();

    /** Option names the rule reads (thresholds), written {@code <FPnnn.option>} in the pom. */
    String[] options() default {};
}
