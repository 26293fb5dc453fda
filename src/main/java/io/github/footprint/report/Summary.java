package io.github.footprint.report;

import java.util.Locale;
import java.util.StringJoiner;

import io.github.footprint.base.Severity;
import io.github.footprint.findings.EnvironmentView;
import io.github.footprint.findings.ReportView;
import io.github.footprint.findings.ReportedFinding;

/**
 * The check's last line: the findings of each severity over the run, per environment when there are several, and
 * what {@code failOn} made of them, as
 * {@code footprint: 9 errors, 1 warning, 4 infos (default); failOn=never: the build passes anyway}.
 */
public final class Summary {
    private Summary() {
    }

    /** The line, without a log level. */
    public static String line(ReportView view) {
        StringBuilder b = new StringBuilder("footprint: ").append(counts(view.count(Severity.ERROR),
                view.count(Severity.WARNING), view.count(Severity.INFO))).append(" (");
        if (view.environments().size() == 1) {
            b.append(view.environments().get(0).id());
        } else {
            StringJoiner each = new StringJoiner("; ");
            for (EnvironmentView env : view.environments()) {
                each.add(env.id() + ": " + counts(count(env, Severity.ERROR), count(env, Severity.WARNING),
                        count(env, Severity.INFO)));
            }
            b.append(each);
        }
        b.append("); failOn=").append(view.failOn().name().toLowerCase(Locale.ROOT)).append(": the build ");
        if (fails(view)) {
            b.append("fails");
        } else if (view.count(Severity.ERROR) + view.count(Severity.WARNING) > 0) {
            b.append("passes anyway");
        } else {
            b.append("passes");
        }
        return b.toString();
    }

    /** True when a finding reaches {@code failOn}. */
    public static boolean fails(ReportView view) {
        return view.failing() > 0;
    }

    /**
     * The level to log the line at: error when the build fails, warning when it passes with errors or warnings,
     * info otherwise.
     */
    public static Severity level(ReportView view) {
        if (fails(view)) {
            return Severity.ERROR;
        }
        return view.count(Severity.ERROR) + view.count(Severity.WARNING) > 0 ? Severity.WARNING : Severity.INFO;
    }

    /** {@code 1 error, 0 warnings, 4 infos}. */
    static String counts(long errors, long warnings, long infos) {
        return plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static long count(EnvironmentView env, Severity s) {
        long n = 0;
        for (ReportedFinding f : env.findings()) {
            if (f.severity() == s) {
                n++;
            }
        }
        return n;
    }
}
