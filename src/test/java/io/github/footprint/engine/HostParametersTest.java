package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.model.Host;
import io.github.footprint.base.Sizes;

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
        assertEquals(OptionalLong.empty(), h.memory());
        assertEquals(OptionalLong.empty(), h.virtualMemory());
        assertEquals(OptionalLong.empty(), h.databaseConnections());
        assertEquals(40L << 20, h.appRss());
        assertEquals(2, h.cpuCores());
        assertEquals(0, h.requestGrowth());
    }

    @Test
    void anEnvironmentOverridesOnlyWhatItSets() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        CheckRequest.Builder b = Trees.request(base).host("memory", 2L << 30).host("databaseConnections", 100).host("appRss", 60L << 20)
                .host("cpuCores", 8)
                .environment("small", null, new Properties(),
                        Map.of("memory", "512M", "cpuCores", "1", "requestGrowth", "4096"))
                .environment("inherits", null, new Properties(), Map.of());
        Host small = modelled(b, 0);
        assertEquals(OptionalLong.of(512L << 20), small.memory());
        assertEquals(1, small.cpuCores());
        assertEquals(4096, small.requestGrowth());
        assertEquals(OptionalLong.of(100), small.databaseConnections());
        assertEquals(60L << 20, small.appRss());
        Host inherits = modelled(b, 1);
        assertEquals(OptionalLong.of(2L << 30), inherits.memory());
        assertEquals(8, inherits.cpuCores());
        assertEquals(0, inherits.requestGrowth());
    }

    /** The one parser's words: the same as the mojo's, since the mojo hands it the text as written. */
    @Test
    void impossibleValuesAreConfigurationErrors() {
        assertEquals("memory '0' is zero: give the budget, or leave it unset",
                assertThrows(RequestException.class, () -> Trees.request(base).host("memory", 0).build()).getMessage());
        assertEquals("databaseConnections '-7' is not a positive whole number: use a count such as 100",
                assertThrows(RequestException.class, () -> Trees.request(base).host("databaseConnections", -7).build())
                        .getMessage());
        assertEquals("appRss '-1' is not a size: use " + Sizes.FORMS,
                assertThrows(RequestException.class, () -> Trees.request(base).host("appRss", -1).build()).getMessage());
        assertEquals("cpuCores '0' is not a positive whole number: use a count such as 2",
                assertThrows(RequestException.class, () -> Trees.request(base).host("cpuCores", 0).build()).getMessage());
        assertEquals("environment small cpuCores '1.5' is not a positive whole number: use a count such as 2",
                assertThrows(RequestException.class, () -> Trees.request(base)
                        .environment("small", null, new Properties(), Map.of("cpuCores", "1.5")).build()).getMessage());
    }

    /**
     * A blank value: the goal's budget or count falls back to its default, the goal's size is not a size; an
     * environment's blank value inherits the goal's.
     */
    @Test
    void blankValues() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        Host goal = Trees.request(base).host("memory", " ").host("databaseConnections", "").host("cpuCores", "")
                .build().host();
        assertEquals(OptionalLong.empty(), goal.memory());
        assertEquals(OptionalLong.empty(), goal.databaseConnections());
        assertEquals(2, goal.cpuCores());
        assertEquals("appRss '' is not a size: use " + Sizes.FORMS,
                assertThrows(RequestException.class, () -> Trees.request(base).host("appRss", "").build()).getMessage());
        Host env = modelled(Trees.request(base).host("memory", "1G").host("appRss", "60M")
                .environment("small", null, new Properties(), Map.of("memory", " ", "appRss", "")), 0);
        assertEquals(OptionalLong.of(1L << 30), env.memory());
        assertEquals(60L << 20, env.appRss());
    }
}
