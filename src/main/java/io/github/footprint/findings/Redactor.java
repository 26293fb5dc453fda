package io.github.footprint.findings;

import java.util.Map;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Secrets;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;

/**
 * The masking of the one view every report reads. Secrecy travels with values ({@link Secrets}): the readers mark the
 * values of secret keys, options, variables and URL passwords, and every marked span becomes {@link #MASK} here.
 * Locations and file names are never masked (only their markers would be, and they hold none). Each unknown value's
 * token is written as the expression the template wrote there.
 *
 * <p>Nothing else is masked: a text that merely equals a secret value somewhere else (a daemon named like the
 * database password, a path holding a short password) is no secret where no reader marked it. An earlier safety net
 * that masked literal secret values in free text was removed for that reason, after the leak tests (console, JSON,
 * SARIF, JUnit, HTML; jqwik secrets at random positions; the hostile suite) were shown to pass without it.
 */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String MASK = Secrets.MASK;

    private final Map<Integer, Unknown> unknowns;

    /**
     * @param unknowns the unknown values by the id their tokens carry: a token in a text that leaves the plugin is
     *     written as the template wrote its expression ({@code {{ site }}})
     */
    public Redactor(Map<Integer, Unknown> unknowns) {
        this.unknowns = Map.copyOf(unknowns);
    }

    public static Redactor none() {
        return new Redactor(Map.of());
    }

    /** A text of the view (a message, a name, a value): marked spans masked, unknown tokens described. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = Secrets.mask(text);
        if (Unknowns.contains(out)) {
            out = Unknowns.describe(out, unknowns);
        }
        return out;
    }

    /** A location or a file name: only what a reader marked (nothing, for a name the file system gave). */
    public String maskLocation(String location) {
        return location == null ? null : Secrets.mask(location);
    }

    /** Masks the message and the detail of a finding. */
    public Finding mask(Finding f) {
        String m = mask(f.message());
        String d = mask(f.detail());
        return m.equals(f.message()) && d.equals(f.detail()) ? f : f.withMessage(m).withDetail(d);
    }
}
