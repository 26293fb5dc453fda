package io.github.footprint.model.mpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The MPM directives by the names httpd reads: the 2.4 name and the 2.2 alias, in any case. */
class MpmDirectiveTest {
    @Test
    void bothNamesInAnyCaseNameOneDirective() {
        assertEquals(Optional.of(MpmDirective.MAX_REQUEST_WORKERS), MpmDirective.byName("MaxRequestWorkers"));
        assertEquals(Optional.of(MpmDirective.MAX_REQUEST_WORKERS), MpmDirective.byName("maxclients"));
        assertEquals(Optional.of(MpmDirective.MAX_CONNECTIONS_PER_CHILD), MpmDirective.byName("MaxRequestsPerChild"));
        assertEquals(Optional.of(MpmDirective.THREAD_STACK_SIZE), MpmDirective.byName("THREADSTACKSIZE"));
        assertEquals(Optional.empty(), MpmDirective.byName("MaxRequestWorker"));
        assertEquals("MaxRequestWorkers", MpmDirective.MAX_REQUEST_WORKERS.directiveName());
        assertEquals(Optional.of("MaxClients"), MpmDirective.MAX_REQUEST_WORKERS.alias22());
        assertEquals(Optional.empty(), MpmDirective.SERVER_LIMIT.alias22());
    }

    @Test
    void everySizingValueTheModelComputesIsADirective() {
        for (String mpm : new String[] {"prefork", "worker", "event"}) {
            Mpm m = MpmModel.build(null, mpm, "2.4");
            for (MpmDirective d : m.values().keySet()) {
                assertEquals(d, m.values().get(d).directive());
                assertEquals(Optional.of(d), MpmDirective.byName(d.directiveName()));
            }
        }
    }
}
