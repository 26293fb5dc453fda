package io.github.footprint.rules.wsgi;

import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.ThreadMemory;
import io.github.footprint.model.wsgi.DaemonGroup;
import io.github.footprint.parse.wsgi.NumberOption;
import io.github.footprint.rules.Phrases;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;

/**
 * FP211: a {@code stack-size=} mod_wsgi ignores (below the pthread minimum: the threads get the default, usually
 * 8 MiB) or applies though it is too small for Python (at most 32 KiB: the daemon crashes).
 */
@RuleMeta(id = "FP211", name = "stack-size-too-small", severity = Severity.ERROR,
        summary = "A mod_wsgi stack-size below 16 KiB, which is ignored, or of at most 32 KiB, too small for Python")
public final class StackSizeTooSmall implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (DaemonGroup g : d.daemons()) {
            NumberOption stack = g.values().stackSize().orElse(null);
            if (stack == null) {
                continue;
            }
            long v = stack.read();
            if (v <= 0 || v > ThreadMemory.PYTHON_STACK_MIN) {
                continue; // 0 and less: mod_wsgi refuses the line ("Invalid stack size"), FP204's case
            }
            String read = stack.exact() ? "" : " (mod_wsgi reads '" + stack.written() + "' as " + v
                    + "; the value is bytes)";
            String threads = g.threads() + " request thread(s)";
            String bytes = read.isEmpty() ? "" : Phrases.sentence(read.substring(2, read.length() - 1)) + " ";
            if (v < ThreadMemory.PTHREAD_STACK_MIN) {
                ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": stack-size=" + v + " is below"
                        + " the pthread minimum of 16384 bytes, so it is ignored; use stack-size=524288 (512 KiB)",
                        bytes + "mod_wsgi ignores the error and its " + threads + " get the default stack instead, "
                                + Phrases.stack(d.stacks().threadDefault()) + ".");
            } else {
                ctx.report(g.location(), "WSGIDaemonProcess " + g.name() + ": stack-size=" + v + " gives its "
                        + threads + " at most 32 KiB, too small for Python; use stack-size=524288 (512 KiB)", bytes
                        + "CPython will not start a thread of its own with less than 32 KiB (threading.stack_size),"
                        + " and a mod_wsgi 4.9.4 daemon with stack-size=32768 died with SIGSEGV at its first request"
                        + " in every start measured (HTTP 500).");
            }
        }
    }
}
