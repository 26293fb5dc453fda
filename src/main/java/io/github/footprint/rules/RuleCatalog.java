package io.github.footprint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.footprint.rules.apache.DeprecatedMpmName;
import io.github.footprint.rules.apache.ForeignMpmDirective;
import io.github.footprint.rules.apache.LimitFarAboveNeed;
import io.github.footprint.rules.apache.MpmDirectiveInVirtualHost;
import io.github.footprint.rules.apache.MpmNotSingle;
import io.github.footprint.rules.apache.MpmValueChanged;
import io.github.footprint.rules.apache.SpareBeyondMaximum;
import io.github.footprint.rules.apache.ThreadStackTooSmall;
import io.github.footprint.rules.budget.DatabaseConnectionsOverBudget;
import io.github.footprint.rules.budget.IdleChildrenOverBudget;
import io.github.footprint.rules.budget.MaxRequestWorkersOverBudget;
import io.github.footprint.rules.budget.MemoryNearBudget;
import io.github.footprint.rules.budget.MemoryOverBudget;
import io.github.footprint.rules.budget.NoBudget;
import io.github.footprint.rules.budget.VirtualMemoryOverBudget;
import io.github.footprint.rules.input.BadSuppression;
import io.github.footprint.rules.input.IncludeProblem;
import io.github.footprint.rules.input.NothingToCheck;
import io.github.footprint.rules.input.ServerAssumed;
import io.github.footprint.rules.input.SyntaxError;
import io.github.footprint.rules.input.UnresolvedPlaceholder;
import io.github.footprint.rules.pylons.BooleanEngineOptionAsText;
import io.github.footprint.rules.pylons.DebugInProduction;
import io.github.footprint.rules.pylons.EngineKeyNotRead;
import io.github.footprint.rules.pylons.KeyShadowedByDefault;
import io.github.footprint.rules.pylons.PasteThreadpoolWorkers;
import io.github.footprint.rules.pylons.PoolOversized;
import io.github.footprint.rules.pylons.PoolUndersized;
import io.github.footprint.rules.pylons.ServerTuningUnderModWsgi;
import io.github.footprint.rules.pylons.TrailingComment;
import io.github.footprint.rules.wsgi.DaemonOptionMisread;
import io.github.footprint.rules.wsgi.DaemonOptionRefused;
import io.github.footprint.rules.wsgi.DaemonThreads;
import io.github.footprint.rules.stacks.ArenaMaxUnset;
import io.github.footprint.rules.stacks.PythonStackSizeInvalid;
import io.github.footprint.rules.stacks.StackSizeUnset;
import io.github.footprint.rules.wsgi.DuplicateDaemonName;
import io.github.footprint.rules.wsgi.EmbeddedMode;
import io.github.footprint.rules.wsgi.MaximumRequestsTooHigh;
import io.github.footprint.rules.wsgi.MaximumRequestsTooLow;
import io.github.footprint.rules.wsgi.MaximumRequestsUnset;
import io.github.footprint.rules.wsgi.ProcessGroupUnusable;
import io.github.footprint.rules.wsgi.ProcessesOverThreads;
import io.github.footprint.rules.wsgi.RestrictEmbeddedOff;
import io.github.footprint.rules.wsgi.ScriptAliasOptionRefused;
import io.github.footprint.rules.wsgi.SeveralApplicationGroups;
import io.github.footprint.rules.wsgi.MemoryLimitTooSmall;
import io.github.footprint.rules.wsgi.StackSizeTooSmall;

/** Every rule footprint has, in id order: an explicit list, so the order is fixed and a test can walk it. */
public final class RuleCatalog {
    private static final List<Rule> RULES = List.of(
            new SyntaxError(),
            new UnresolvedPlaceholder(),
            new IncludeProblem(),
            new BadSuppression(),
            new NothingToCheck(),
            new ServerAssumed(),
            new MpmNotSingle(),
            new MpmValueChanged(),
            new ForeignMpmDirective(),
            new MpmDirectiveInVirtualHost(),
            new MaxRequestWorkersOverBudget(),
            new IdleChildrenOverBudget(),
            new SpareBeyondMaximum(),
            new DeprecatedMpmName(),
            new LimitFarAboveNeed(),
            new ThreadStackTooSmall(),
            new MaximumRequestsTooHigh(),
            new MaximumRequestsUnset(),
            new MaximumRequestsTooLow(),
            new DaemonOptionRefused(),
            new DaemonOptionMisread(),
            new DuplicateDaemonName(),
            new ProcessGroupUnusable(),
            new EmbeddedMode(),
            new RestrictEmbeddedOff(),
            new DaemonThreads(),
            new StackSizeTooSmall(),
            new MemoryLimitTooSmall(),
            new SeveralApplicationGroups(),
            new ProcessesOverThreads(),
            new ScriptAliasOptionRefused(),
            new TrailingComment(),
            new KeyShadowedByDefault(),
            new EngineKeyNotRead(),
            new PoolOversized(),
            new PoolUndersized(),
            new BooleanEngineOptionAsText(),
            new PasteThreadpoolWorkers(),
            new ServerTuningUnderModWsgi(),
            new DebugInProduction(),
            new StackSizeUnset(),
            new PythonStackSizeInvalid(),
            new ArenaMaxUnset(),
            new MemoryOverBudget(),
            new MemoryNearBudget(),
            new VirtualMemoryOverBudget(),
            new DatabaseConnectionsOverBudget(),
            new NoBudget());

    private static final Map<String, Rule> BY_ID;

    static {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : RULES) {
            if (m.put(r.meta().id(), r) != null) {
                throw new IllegalStateException("duplicate rule id " + r.meta().id());
            }
        }
        BY_ID = Collections.unmodifiableMap(m);
    }

    private RuleCatalog() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /**
     * The link to a rule's page where the user published the pages ({@code helpUrl}): the base with {@code {id}}
     * replaced by the rule id when it has one ({@code https://example.org/rules/{id}.html}), otherwise the base, a
     * {@code /} when it has none, and {@code FPnnn.md}, the page's name in the plugin.
     */
    public static String pageUrl(String base, String id) {
        if (base.contains("{id}")) {
            return base.replace("{id}", id);
        }
        return base + (base.endsWith("/") ? "" : "/") + id + ".md";
    }

    /** The Markdown page of a rule, from the plugin's resources. */
    public static String page(String id) throws IOException {
        try (InputStream in = RuleCatalog.class.getResourceAsStream("/io/github/footprint/rules/" + id + ".md")) {
            if (in == null) {
                throw new IOException("no page for rule " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
