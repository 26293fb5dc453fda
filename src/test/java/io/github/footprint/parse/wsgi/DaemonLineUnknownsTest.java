package io.github.footprint.parse.wsgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.footprint.source.template.Unknowns;

/**
 * A {@code WSGIDaemonProcess} line with values a template left unknown: the group's name, an option's value, a whole
 * option or an option's name may be a token. None is a refusal or a misreading, none reads as a number; the literal
 * options beside them are read and checked as written.
 */
class DaemonLineUnknownsTest {
    private static final String T1 = Unknowns.token(1);
    private static final String T2 = Unknowns.token(2);
    private static final String T3 = Unknowns.token(3);

    private static List<String> kinds(DaemonLine d) {
        return d.problems().stream().map(p -> p.kind().toString()).collect(Collectors.toList());
    }

    @Test
    void anUnknownNameKeepsTheOptionsAfterIt() {
        // WSGIDaemonProcess {{ site }} processes=2 ...: the name is one word, processes=2 is not lost
        DaemonLine d = DaemonLine.parse(T1 + " processes=2 threads=15 maximum-requests=500");
        assertEquals(T1, d.name());
        assertEquals(Map.of("processes", "2", "threads", "15", "maximum-requests", "500"), d.options());
        assertEquals(List.of(), d.problems());
        assertEquals(2, d.values().processes().orElseThrow().read());
        assertTrue(d.hasUnknowns());
    }

    @Test
    void anUnknownNumberIsNoZeroAndNoRefusal() {
        // processes=%APIWORKERS%: atoi of the literal text would be 0, which mod_wsgi refuses
        DaemonLine d = DaemonLine.parse("api processes=" + T1 + " threads=" + T2 + " maximum-requests=" + T3
                + " stack-size=" + Unknowns.token(4) + " memory-limit=" + Unknowns.token(5));
        assertEquals(List.of(), d.problems());
        DaemonOptions v = d.values();
        assertTrue(v.processes().orElseThrow().unknown());
        assertEquals(1, v.processes().orElseThrow().read(), "mod_wsgi's default processes=1 is assumed");
        assertEquals(DaemonOptions.DEFAULT_THREADS, v.threads().orElseThrow().read());
        assertEquals(0, v.maximumRequests().orElseThrow().read());
        assertEquals(0, v.stackSize().orElseThrow().read());
        assertEquals(0, v.memoryLimit().orElseThrow().read(), "no limit: nothing caps the process");
        assertFalse(v.processes().orElseThrow().exact());
        assertEquals(T1 + " (unknown, 1 assumed)", v.processes().orElseThrow().toString());
    }

    @Test
    void aWholeOptionThatIsUnknownIsNoSyntaxError() {
        // %VIRTUALENV% where options stand: python-path=..., or nothing
        DaemonLine d = DaemonLine.parse("keystone processes=3 threads=1 user=" + T1 + " display-name=%{GROUP} " + T2
                + " maximum-requests=100");
        assertEquals(List.of(), d.problems());
        assertEquals(List.of(T2), d.unknownOptions());
        assertEquals("100", d.options().get("maximum-requests"), "options after the unknown are read");
        assertEquals(3, d.values().processes().orElseThrow().read());
    }

    @Test
    void anUnknownOptionNameIsNotJudged() {
        DaemonLine d = DaemonLine.parse("app " + T1 + "=5 threads=4");
        assertEquals(List.of(), d.problems());
        assertEquals("4", d.options().get("threads"));
    }

    @Test
    void theLiteralOptionsBesideUnknownsAreStillChecked() {
        DaemonLine d = DaemonLine.parse("app processes=" + T1 + " proceses=2 threads=0x10");
        assertEquals(List.of("UNKNOWN_OPTION", "LENIENT_NUMBER"), kinds(d), d.problems().toString());
        assertTrue(d.problems().get(0).refused(), "a misspelt option beside an unknown is refused as ever");
    }

    @Test
    void withoutTokensNothingChanges() {
        DaemonLine d = DaemonLine.parse("app processes=x threads=15");
        assertFalse(d.hasUnknowns());
        assertEquals(1, d.refusals().size(), "processes=x reads as 0, which mod_wsgi refuses");
        assertFalse(d.values().processes().orElseThrow().unknown());
    }
}
