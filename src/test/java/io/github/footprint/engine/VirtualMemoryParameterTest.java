package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code virtualMemory}: unset by default, the goal's value, and an environment's own value over it. */
class VirtualMemoryParameterTest {
    @TempDir
    Path base;

    private long modelled(CheckRequest.Builder b, int environment) throws RequestException {
        return new CheckEngine().run(b.build()).environments().get(environment).deployment().parameters()
                .virtualMemory();
    }

    @Test
    void unsetByDefault() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        assertEquals(-1, Trees.request(base).build().virtualMemory());
        assertEquals(-1, modelled(Trees.request(base), 0));
    }

    @Test
    void theGoalsValueUnlessAnEnvironmentGivesItsOwn() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        CheckRequest.Builder b = Trees.request(base).virtualMemory(2L << 30)
                .environment(new EnvironmentSpec("small", null, new Properties(), -1, 512L << 20))
                .environment(new EnvironmentSpec("inherits", null, new Properties(), -1));
        assertEquals(512L << 20, modelled(b, 0));
        assertEquals(2L << 30, modelled(Trees.request(base).virtualMemory(2L << 30)
                .environment(new EnvironmentSpec("inherits", null, new Properties(), -1)), 0));
    }

    @Test
    void zeroOrNegativeIsAConfigurationError() {
        RequestException e = assertThrows(RequestException.class, () -> Trees.request(base).virtualMemory(0).build());
        assertEquals("virtualMemory must be a positive size (or unset for no budget)", e.getMessage());
        assertThrows(RequestException.class, () -> Trees.request(base).virtualMemory(-5).build());
    }
}
