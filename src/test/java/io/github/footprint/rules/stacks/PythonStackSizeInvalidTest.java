package io.github.footprint.rules.stacks;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

/** CPython 3.11 (checked): 1, 16384, 32767 and -1 raise ValueError; 0 and 32768 are accepted. */
class PythonStackSizeInvalidTest {
    private static final String ID = "FP402";
    private static final String WSGI = "srv/app/app.wsgi";

    @TempDir
    Path tree;

    private List<String> lines(String... script) throws Exception {
        write(tree, WSGI, script);
        return findings(check(tree), ID).stream().map(f -> f.location().line() + "").collect(Collectors.toList());
    }

    @Test
    void kibForBytes() throws Exception {
        write(tree, WSGI, "import threading", "threading.stack_size(512)");
        Finding f = only(check(tree), ID);
        assertEquals(new Location(WSGI, 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("stack_size(512) raises ValueError: size not valid: 512 bytes, and the script stops here; it is"
                + " bytes, not KiB: use stack_size(524288) (512 KiB)", f.message());
        assertEquals("CPython 3 raises it, and Python 2's thread.stack_size likewise: mod_wsgi cannot load an"
                + " application from the script, and every request it should serve gets HTTP 500. The size must be 0"
                + " (the default) or at least 32768 bytes.", f.detail());
    }

    @Test
    void negative() throws Exception {
        write(tree, WSGI, "import thread", "thread.stack_size(-4096)");
        Finding f = only(check(tree), ID);
        assertTrue(f.message().startsWith("stack_size(-4096) raises ValueError: size must be 0 or a positive value,"),
                f::message);
        assertTrue(f.detail().startsWith("CPython 3 raises it, and Python 2's thread.stack_size likewise"), f::detail);
    }

    @Test
    void boundariesAndWhatIsNotACall() throws Exception {
        assertEquals(List.of("2", "3"), lines("import threading", "threading.stack_size(16384)",
                "threading.stack_size(32767)", "threading.stack_size(32768)", "threading.stack_size(0)"));
        assertEquals(List.of(), lines("import threading", "threading.stack_size(SIZE)", "threading.stack_size()",
                "# threading.stack_size(1)", "x = 'threading.stack_size(1)'", "threading.stack_size(0x80000)"));
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void importedUnderOtherNamesAndInAnyPythonFile() throws Exception {
        write(tree, "lib/threads.py", "from threading import stack_size as ss", "ss(4 * 1024)");
        write(tree, WSGI, "import _thread as t", "t.stack_size(2 ** 14)");
        assertEquals(List.of("lib/threads.py:2", WSGI + ":2"), findings(check(tree), ID).stream()
                .map(f -> f.location().toString()).collect(Collectors.toList()));
    }
}
