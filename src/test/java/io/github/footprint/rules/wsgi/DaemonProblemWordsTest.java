package io.github.footprint.rules.wsgi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.github.footprint.parse.wsgi.DaemonLine;
import io.github.footprint.parse.wsgi.DaemonProblem;
import io.github.footprint.parse.wsgi.WsgiOptions;

/** The words FP204 and FP205 say about a daemon option: the releases that have it, what mod_wsgi makes of a value. */
class DaemonProblemWordsTest {
    private static WsgiOptions.Option option(String name) {
        return WsgiOptions.byName(name).orElseThrow();
    }

    @Test
    void theReleasesThatKnowAnOption() {
        assertEquals("mod_wsgi 6.0.0 and later", DaemonProblemWords.availability(option("interrupt-timeout")));
        assertEquals("mod_wsgi 4.1.0 to 5.x; 6.0.0 removed it",
                DaemonProblemWords.availability(option("newrelic-environment")));
        assertEquals("mod_wsgi 4.3.1 to 4.4.6; 4.4.7 removed it",
                DaemonProblemWords.availability(option("proxy-buffer-size")));
    }

    @Test
    void aLenientNumberIsExplainedWithWhatAtoiReads() {
        DaemonProblem p = DaemonLine.parse("app memory-limit=500M").problems().get(0);
        assertEquals("memory-limit=500M is read as 500 bytes: mod_wsgi reads it with apr_atoi64, which stops at 'M',"
                + " and says nothing; that is far below what a daemon process needs to start its threads",
                DaemonProblemWords.detail(p));
        assertEquals("Write memory-limit=524288000 (500 MiB)", DaemonProblemWords.fix(p));
    }
}
