package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.model.Host;

/**
 * {@code memory}, {@code databaseConnections}, {@code appRss} and {@code cpuCores}: their defaults, the goal's
 * values, and an environment's own values over them, as the model receives them.
 */
class HostParametersTest {
    @TempDir
    Path base;

    private Host modelled(CheckRequest.Builder b, int environment) throws RequestException {
        return new CheckEngine().run(b.build()).environments().get(environment).deployment().parameters().host();
    }

    @Test
    void defaultsAreNoBudgetFortyMibPerAppAndTwoCores() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        Host h = modelled(Trees.request(base), 0);
        assertEquals(-1, h.memory());
        assertEquals(-1, h.virtualMemory());
        assertEquals(-1, h.databaseConnections());
        assertEquals(40L << 20, h.appRss());
        assertEquals(2, h.cpuCores());
        assertEquals(0, h.requestGrowth());
    }

    @Test
    void anEnvironmentOverridesOnlyWhatItSets() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        CheckRequest.Builder b = Trees.request(base).memory(2L << 30).databaseConnections(100).appRss(60L << 20)
                .cpuCores(8)
                .environment(new EnvironmentSpec("small", null, new Properties(),
                        new Host.Settings().memory(512L << 20).cpuCores(1).requestGrowth(4096L)))
                .environment(new EnvironmentSpec("inherits", null, new Properties(), new Host.Settings()));
        Host small = modelled(b, 0);
        assertEquals(512L << 20, small.memory());
        assertEquals(1, small.cpuCores());
        assertEquals(4096, small.requestGrowth());
        assertEquals(100, small.databaseConnections());
        assertEquals(60L << 20, small.appRss());
        Host inherits = modelled(b, 1);
        assertEquals(2L << 30, inherits.memory());
        assertEquals(8, inherits.cpuCores());
        assertEquals(0, inherits.requestGrowth());
    }

    @Test
    void impossibleValuesAreConfigurationErrors() {
        assertEquals("memory must be a positive size (or unset for no budget)",
                assertThrows(RequestException.class, () -> Trees.request(base).memory(0).build()).getMessage());
        assertEquals("databaseConnections must be a positive number (or unset for no budget)",
                assertThrows(RequestException.class, () -> Trees.request(base).databaseConnections(-7).build())
                        .getMessage());
        assertEquals("appRss must not be negative",
                assertThrows(RequestException.class, () -> Trees.request(base).appRss(-1).build()).getMessage());
        assertEquals("cpuCores must be at least 1",
                assertThrows(RequestException.class, () -> Trees.request(base).cpuCores(0).build()).getMessage());
    }
}
