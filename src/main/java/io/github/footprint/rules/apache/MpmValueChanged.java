package io.github.footprint.rules.apache;

import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmAdjustment;
import io.github.footprint.model.mpm.MpmModel;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP102: a sizing value httpd silently changes at start-up: the value it really runs with, and its AH code. */
@RuleMeta(id = "FP102", name = "mpm-value-changed", severity = Severity.WARNING,
        summary = "An MPM sizing value that httpd changes at start-up, so the server runs with another number")
public final class MpmValueChanged implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Mpm mpm = d.mpm();
        if (d.apache().isEmpty() || mpm.kind() == null) {
            return;
        }
        Location fallback = mpm.loads().isEmpty() ? Location.PROJECT : mpm.loads().get(0).location();
        for (MpmAdjustment a : mpm.adjustments()) {
            Location at = a.location() != null ? a.location() : fallback;
            // in a chain (AH00316 then AH00318) a step's from/to are intermediate: name the value as written and
            // the one the server ends up with; httpd's text gives the step
            MpmValue v = mpm.value(a.directive()).orElseThrow();
            String what = a.directive().directiveName() + " " + v.configured() + (a.location() == null ? " (compiled-in default)" : "")
                    + " runs as " + v.effective() + " under " + mpm.kind().label();
            String how = a.isSilent() ? " (httpd changes it silently)"
                    : a.code().equals(MpmModel.HTTPD_22) ? " (httpd 2.2 says so as it reads it)"
                    : " (httpd logs " + a.code() + ")";
            String why = a.isSilent() ? Phrases.sentence(silent(a) + ", with no message at all")
                    : a.code().equals(MpmModel.HTTPD_22) ? "httpd 2.2 logs '" + a.text() + "' as it reads the"
                            + " directive, against the values set so far in the file."
                    : "httpd says '" + a.code() + ": " + a.text() + "' on stderr at start-up, then in a short form"
                            + " in the ErrorLog; apache2 -t still says Syntax OK.";
            ctx.report(at, what + how + "; set " + a.directive().directiveName() + " " + v.effective()
                    + " (or raise what limits it)", why + " Set the value the server runs with, so that the file says"
                    + " what the server does.");
        }
    }

    /** What httpd does without a message: {@code MaxSpareServers of 5 is below MinSpareServers + 1; ...}. */
    private static String silent(MpmAdjustment a) {
        switch (a.silent()) {
            case MAX_SPARE_SERVERS_RAISED:
                return "MaxSpareServers of " + a.from() + " is below MinSpareServers + 1; httpd silently raises it to "
                        + a.to();
            case START_SERVERS_ABOVE_MAX_REQUEST_WORKERS:
                return "StartServers of " + a.from() + " exceeds MaxRequestWorkers; httpd silently starts " + a.to();
            case MAX_SPARE_THREADS_RAISED:
                return "MaxSpareThreads of " + a.from() + " is below MinSpareThreads + ThreadsPerChild + 1; httpd"
                        + " silently raises it to " + a.to();
            case START_SERVERS_ABOVE_CHILDREN:
                return "StartServers of " + a.from() + " exceeds the " + a.to() + " server(s) MaxRequestWorkers allows;"
                        + " httpd silently starts " + a.to();
            default:
                return "MaxSpareThreads of " + a.from() + " is below MinSpareThreads + ThreadsPerChild; httpd 2.2"
                        + " silently raises it to " + a.to();
        }
    }
}
