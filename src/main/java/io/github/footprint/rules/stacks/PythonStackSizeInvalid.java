package io.github.footprint.rules.stacks;

import io.github.footprint.base.Excerpt;
import io.github.footprint.base.Severity;
import io.github.footprint.model.Deployment;
import io.github.footprint.model.memory.ThreadMemory;
import io.github.footprint.parse.scripts.Fact;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.rules.Rule;
import io.github.footprint.rules.RuleContext;
import io.github.footprint.rules.RuleMeta;
import io.github.footprint.source.FileKind;

/**
 * FP402: {@code threading.stack_size(n)} / {@code thread.stack_size(n)} with a literal n that is neither 0 nor at
 * least 32768: CPython raises ValueError and the script stops there.
 */
@RuleMeta(id = "FP402", name = "python-stack-size-invalid", severity = Severity.ERROR,
        summary = "A Python threading.stack_size or thread.stack_size call below 32 KiB, which raises ValueError at"
                + " start-up")
public final class PythonStackSizeInvalid implements Rule {
    @Override
    public void check(Deployment d, RuleContext ctx) {
        for (ScriptFacts s : d.scripts()) {
            if (s.file().kind() != FileKind.PYTHON) {
                continue;
            }
            for (Fact f : s.settings(ScriptFacts.PYTHON_STACK_SIZE)) {
                Long n = f.number();
                if (n == null || n == 0 || n >= ThreadMemory.PYTHON_STACK_MIN) {
                    continue;
                }
                String error = n < 0 ? "ValueError: size must be 0 or a positive value"
                        : "ValueError: size not valid: " + n + " bytes";
                String unit = n > 0 && n <= 8192 ? "it is bytes, not KiB: " : "";
                ctx.report(f.location(), "stack_size(" + Excerpt.of(f.value()) + ") raises " + error + ", and the"
                        + " script stops here; " + unit + "use stack_size(524288) (512 KiB)", "CPython 3 raises it,"
                        + " and Python 2's thread.stack_size likewise: mod_wsgi cannot load an application from the"
                        + " script, and every request it should serve gets HTTP 500. The size must be 0 (the default)"
                        + " or at least 32768 bytes.");
            }
        }
    }
}
