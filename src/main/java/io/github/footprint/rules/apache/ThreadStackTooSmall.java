package io.github.footprint.rules.apache;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.mpm.Mpm;
import io.github.footprint.model.mpm.MpmDirective;
import io.github.footprint.model.mpm.MpmValue;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/** FP110: a ThreadStackSize that crashes modules (below 128 KiB) or that pthread refuses (below 16 KiB). */
@RuleMeta(id = "FP110", name = "thread-stack-too-small", severity = Severity.WARNING,
        summary = "ThreadStackSize below 128 KiB (crashes in common modules) or below the pthread minimum (ignored)")
public final class ThreadStackTooSmall implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        Mpm mpm = d.mpm();
        if (mpm.kind() == null || !mpm.kind().threaded()) {
            return;
        }
        MpmValue v = mpm.value(MpmDirective.THREAD_STACK_SIZE).orElse(null);
        if (v == null || v.isDefault() || v.effective() <= 0 || v.effective() >= 131072) {
            return;
        }
        long s = v.effective();
        if (s < 16384) {
            String code = mpm.kind() == Mpm.Kind.EVENT ? "AH02436" : "AH02435";
            ctx.report(v.location(), "ThreadStackSize " + s + " is below the pthread minimum of 16384 bytes, so httpd"
                    + " uses the default; it is bytes, not KiB: use ThreadStackSize 524288 (512 KiB)", "Every child"
                    + " logs '" + code + ": WARNING: ThreadStackSize of " + s + " is inappropriate, using default' and"
                    + " its threads get the default stack (8 MiB with ulimit -s 8192).");
        } else {
            ctx.report(v.location(), "ThreadStackSize " + s + " is below 128 KiB, too small for common modules; use"
                    + " 262144-524288 (256-512 KiB)", "httpd's documentation warns that 'a setting of 128000 is already"
                    + " too low and causes crashes with some common modules'. 256-512 KiB keeps the address space small"
                    + " and the stacks safe.");
        }
    }
}
