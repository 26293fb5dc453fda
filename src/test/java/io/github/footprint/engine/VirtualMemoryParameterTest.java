package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Sizes;

/** {@code virtualMemory}: unset by default, the goal's value, and an environment's own value over it. */
class VirtualMemoryParameterTest {
    @TempDir
    Path base;

    private OptionalLong modelled(CheckRequest.Builder b, int environment) throws RequestException {
        return new CheckEngine().run(b.build()).environments().get(environment).deployment().parameters().host()
                .virtualMemory();
    }

    @Test
    void unsetByDefault() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        assertEquals(OptionalLong.empty(), Trees.request(base).build().host().virtualMemory());
        assertEquals(OptionalLong.empty(), modelled(Trees.request(base), 0));
    }

    @Test
    void theGoalsValueUnlessAnEnvironmentGivesItsOwn() throws Exception {
        Trees.deploy(base, "app.conf", "WSGIDaemonProcess app threads=5\n");
        CheckRequest.Builder b = Trees.request(base).host("virtualMemory", 2L << 30)
                .environment("small", null, new Properties(), Map.of("virtualMemory", "512M"))
                .environment("inherits", null, new Properties(), Map.of());
        assertEquals(OptionalLong.of(512L << 20), modelled(b, 0));
        assertEquals(OptionalLong.of(2L << 30), modelled(Trees.request(base).host("virtualMemory", 2L << 30)
                .environment("inherits", null, new Properties(), Map.of()), 0));
    }

    @Test
    void zeroOrNegativeIsAConfigurationError() {
        RequestException e = assertThrows(RequestException.class, () -> Trees.request(base).host("virtualMemory", 0).build());
        assertEquals("virtualMemory '0' is zero: give the budget, or leave it unset", e.getMessage());
        assertEquals("virtualMemory '-5' is not a size: use " + Sizes.FORMS, assertThrows(RequestException.class,
                () -> Trees.request(base).host("virtualMemory", -5).build()).getMessage());
    }
}
