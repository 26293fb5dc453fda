package io.github.footprint.rules.pylons;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.pylons.PylonsApp;
import io.github.footprint.model.pylons.SqlEngine;
import io.github.footprint.parse.ini.Setting;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP306: a boolean engine option written as text that SQLAlchemy does not convert. {@code engine_from_config}
 * coerces only the keys of the dialect's {@code engine_config_types} ({@code pool_size}, {@code max_overflow},
 * {@code pool_recycle}, {@code pool_timeout}, {@code echo}, {@code echo_pool}, {@code future}); the text of any
 * other key reaches {@code create_engine()} as a string, and a non-empty string is true in Python:
 * {@code pool_pre_ping = false} turns pre-ping on (docs/domain/paste.md#engine-options-from-the-ini-file, measured with
 * SQLAlchemy 1.4.46).
 * {@code pool_reset_on_return} takes {@code rollback}, {@code commit} or {@code none}; boolean text there is an
 * {@code ArgumentError} at start-up.
 */
@RuleMeta(id = "FP306", name = "boolean-engine-option-as-text", severity = Severity.ERROR,
        summary = "A boolean SQLAlchemy engine option written as false, no or off, which SQLAlchemy keeps as a string"
                + " that Python treats as true")
public final class BooleanEngineOptionAsText implements Rule {
    /** Boolean create_engine and pool arguments of SQLAlchemy 1.3 to 2.0 that engine_from_config leaves as text. */
    private static final Map<String, String> BOOLEANS = Map.of(
            "pool_pre_ping", "pre-ping (a test query before every checkout) is on",
            "pool_use_lifo", "the pool hands out the most recently returned connection first (LIFO)",
            "hide_parameters", "SQL parameters are hidden from logs and error messages",
            "enable_from_linting", "FROM linting warnings are on",
            "implicit_returning", "implicit RETURNING is on",
            "case_sensitive", "result column names are matched case-sensitively",
            "use_insertmanyvalues", "insertmanyvalues is on");

    @Override
    public void check(Deployment d, RuleContext ctx) {
        Set<String> reported = new LinkedHashSet<>();
        for (PylonsApp app : d.apps()) {
            for (SqlEngine e : app.engines()) {
                for (Map.Entry<String, Setting> o : e.options().entrySet()) {
                    Setting s = o.getValue();
                    if (!s.ok() || !reported.add(s.location().toString())) {
                        continue;
                    }
                    String option = o.getKey();
                    Boolean b = PasteValues.asbool(s.value());
                    String call = "engine_from_config(config, '" + e.prefix() + "', " + option + "=False)";
                    if (BOOLEANS.containsKey(option) && Boolean.FALSE.equals(b) && !s.value().isEmpty()) {
                        ctx.report(s.location(), "[" + app.section().name() + "] " + s.key() + " = "
                                + Excerpt.of(s.value()) + " reaches create_engine() as a string, which is true; remove"
                                + " the line, or pass " + option + "=False in code", "It reaches create_engine() as"
                                + " the string '" + s.value() + "': engine_from_config converts only pool_size,"
                                + " max_overflow, pool_recycle, pool_timeout, echo, echo_pool and future, and a"
                                + " non-empty string is true in Python, so " + BOOLEANS.get(option) + ". Without the line the default is off; in"
                                + " code: " + call + ".");
                    } else if (option.equals("pool_reset_on_return") && b != null) {
                        ctx.report(s.location(), "[" + app.section().name() + "] " + s.key() + " = "
                                + Excerpt.of(s.value()) + " stops the application with ArgumentError at start-up;"
                                + " write " + s.key() + " = " + (b ? "rollback" : "none"), "It reaches the pool as the"
                                + " string '" + s.value() + "', which is none of the values it accepts as text"
                                + " (rollback, commit, none): ArgumentError: Invalid value for 'reset_on_return': '"
                                + s.value() + "'. " + (b ? "rollback is the default." : "none means no reset: only safe"
                                        + " when nothing leaves a transaction open."));
                    }
                }
            }
        }
    }
}
