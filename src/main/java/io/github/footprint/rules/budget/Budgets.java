package io.github.footprint.rules.budget;

import java.util.ArrayList;
import java.util.List;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Location;
import io.github.footprint.base.Sizes;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.Footprint.Component;
import io.github.footprint.model.memory.Footprint.Cut;
import io.github.footprint.model.memory.Footprint;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.rules.Phrases;

/** The phrases the budget rules share: contributors, the estimate's assumptions, and what to cut. */
final class Budgets {
    /** Contributors a message names. */
    static final int CONTRIBUTORS = 3;
    /** Assumptions a message quotes; more are counted. */
    private static final int ASSUMPTIONS = 2;

    private Budgets() {
    }

    /** The largest resident contributors: {@code daemon 'app' 155.8 MiB (3 x 51.9 MiB, apache/app.conf:3), ...}. */
    static String largestResident(Footprint fp) {
        return contributors(fp.byResident(), true, CONTRIBUTORS);
    }

    /**
     * Where a component is sized: its line ({@code apache2.conf:9}), or, when no httpd file is read at all (every
     * file of the project disabled or skipped), that its numbers are httpd's compiled-in values.
     */
    static String sizedAt(Location at) {
        return at.toString().isEmpty() ? "httpd's compiled-in values, no httpd file is read" : at.toString();
    }

    /**
     * The components' names and totals joined, in the order given, at most {@code limit}:
     * {@code apache children 580 MiB (150 x 3.9 MiB, apache2.conf:9), daemon 'app' 120 MiB (...)}.
     */
    static String contributors(List<Component> components, boolean resident, int limit) {
        List<String> parts = new ArrayList<>();
        for (Component c : components) {
            if (parts.size() == limit) {
                break;
            }
            long v = resident ? c.resident() : c.virtual();
            if (v > 0) {
                parts.add(c.name() + " " + Sizes.format(v) + " (" + c.count() + " x " + Sizes.format(resident
                        ? c.residentEach() : c.virtualEach()) + ", " + sizedAt(c.location()) + ")");
            }
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /**
     * {@code  The estimate assumes: ....} (with a leading space) when the estimate rests on assumptions, else empty:
     * the last sentence of a detail.
     */
    static String assumed(Footprint fp) {
        List<String> a = new ArrayList<>();
        fp.assumptions().forEach(x -> a.add(Phrases.assumption(x)));
        if (a.isEmpty()) {
            return "";
        }
        List<String> quoted = new ArrayList<>(a.subList(0, Math.min(ASSUMPTIONS, a.size())));
        String more = a.size() > ASSUMPTIONS ? " (and " + (a.size() - ASSUMPTIONS) + " more assumption(s))" : "";
        return " The estimate assumes: " + String.join("; ", quoted) + more + ".";
    }

    /** Settings the first line names; more cuts are counted. */
    private static final int SETTINGS = 2;

    /**
     * The cuts as settings, for a first line: {@code processes=1 on daemon 'app' and MaxRequestWorkers 50}, and
     * what is left when they are not enough; {@code raise memory} when nothing can be cut.
     */
    static String settings(Deployment d, List<Cut> cuts, long excess) {
        List<String> out = new ArrayList<>();
        long left = excess;
        for (Cut c : cuts) {
            left -= c.saves();
            if (c.stop() == 0) {
                continue;
            }
            Component comp = c.component();
            out.add(comp.part() == Footprint.Part.APACHE_CHILDREN ? "MaxRequestWorkers "
                    + d.mpm().maxRequestWorkersFor(c.left()) : "processes=" + c.left() + " on "
                    + Excerpt.of(comp.name()));
        }
        if (out.isEmpty()) {
            return "raise memory or move a daemon group to another host";
        }
        int named = out.size() <= SETTINGS ? out.size() : 1;
        String shown = String.join(" and ", out.subList(0, named));
        String more = out.size() > named ? " and " + (out.size() - named) + " more cut(s)" : "";
        return "set " + shown + more + (left > 0 ? ", then raise memory by " + Sizes.format(left) : "");
    }

    /**
     * What to stop so that the cuts' excess goes, as sentences: each cut with the setting that makes it, what is
     * still over when one process of everything left is not enough, and what makes a cut daemon's processes big.
     */
    static String cuts(Deployment d, Footprint fp, List<Cut> cuts, long excess) {
        List<String> out = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        long left = excess;
        for (Cut c : cuts) {
            left -= c.saves();
            out.add(cut(d, fp, c) + (c.enough() ? "" : ", not enough on its own"));
            if (c.component().part() == Footprint.Part.DAEMON) {
                String hint = daemonHint(c.component());
                if (!hint.isEmpty()) {
                    hints.add(hint);
                }
            }
        }
        String text = String.join("; then ", out);
        if (left > 0) {
            text += (out.isEmpty() ? "nothing can be cut: " : "; with one process of each left, ") + Sizes.format(left)
                    + " is still over: raise memory or move a daemon group to another host";
        }
        return text + (hints.isEmpty() ? "" : ". " + String.join(". ", hints));
    }

    private static String cut(Deployment d, Footprint fp, Cut c) {
        Component comp = c.component();
        String each = Sizes.format(c.each()) + " each";
        if (comp.part() == Footprint.Part.APACHE_CHILDREN) {
            Mpm mpm = d.mpm();
            boolean embedded = fp.component(Footprint.Part.EMBEDDED_APPLICATIONS).isPresent();
            String what = "apache children (" + each + (embedded ? " with their embedded applications" : "") + ")";
            if (c.stop() == 0) {
                return "the " + what + " are down to one already";
            }
            return "stop " + c.stop() + " of the " + comp.count() + " " + what + ": MaxRequestWorkers "
                    + mpm.maxRequestWorkersFor(c.left()) + workersPerChild(mpm, c.left()) + " at " + comp.location();
        }
        String what = comp.name() + " (" + each + " = " + Phrases.residentTerms(comp) + ")";
        if (c.stop() == 0) {
            return what + " runs a single process already";
        }
        return "stop " + c.stop() + " of the " + comp.count() + " processes of " + what + ": processes=" + c.left()
                + " at " + comp.location();
    }

    /** {@code  (12 children x ThreadsPerChild 25)} for worker/event, empty for prefork. */
    static String workersPerChild(Mpm mpm, long children) {
        return mpm.kind() == Mpm.Kind.PREFORK ? "" : " (" + children + " children x ThreadsPerChild "
                + mpm.effective(MpmDirective.THREADS_PER_CHILD) + ")";
    }

    /** What makes one daemon process big, when one term is most of it. */
    private static String daemonHint(Component c) {
        long each = c.residentEach();
        long app = c.applicationEach();
        long threads = c.threadsResidentEach();
        long growth = c.growthEach();
        String whose = "Most of each process of " + c.name() + " is ";
        if (app >= threads && app >= growth && app * 2 > each) {
            return whose + "the application (" + Sizes.format(app) + " of appRss): measure the application's real"
                    + " size and set appRss, or load less of it";
        }
        if (growth >= threads && growth * 2 > each) {
            return whose + "growth before recycling (" + Sizes.format(growth) + " of maximum-requests x requestGrowth):"
                    + " a lower maximum-requests bounds it";
        }
        if (threads * 2 > each) {
            return whose + "its threads (" + Sizes.format(threads) + "): fewer threads= shrink it";
        }
        return "";
    }
}
