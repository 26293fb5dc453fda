package io.github.footprint.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.footprint.model.Host;

/**
 * Every host parameter of {@link Host.Parameter}'s table is a goal parameter with its user property and a field of
 * {@code <environment>}, and the mojo hands their text as Maven set it to the request parser.
 */
class HostFieldsTest {
    @Test
    void everyHostParameterIsAFieldOfTheGoalAndOfAnEnvironment() throws Exception {
        String descriptor;
        try (InputStream in = CheckMojo.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the plugin descriptor is generated before the tests run");
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Host.Parameter p : Host.Parameter.values()) {
            String name = p.pomName();
            assertEquals(String.class, HostFields.field(AbstractFootprintMojo.class, name).getType(), name);
            assertEquals(String.class, HostFields.field(Environment.class, name).getType(), name);
            assertTrue(Pattern.compile("<" + name + " implementation=\"java.lang.String\"( default-value=\"[^\"]*\")?>"
                    + Pattern.quote("${footprint." + name + "}") + "</" + name + ">").matcher(descriptor).find(),
                    name + " is a goal parameter with the user property footprint." + name);
        }
    }

    @Test
    void readsTheTextAsMavenSetItInTheTablesOrder() throws Exception {
        Environment e = new Environment();
        HostFields.field(Environment.class, "memory").set(e, "1G");
        HostFields.field(Environment.class, "cpuCores").set(e, " 4 ");
        Map<String, String> raw = HostFields.of(Environment.class, e);
        List<String> table = Arrays.stream(Host.Parameter.values()).map(Host.Parameter::pomName)
                .collect(Collectors.toList());
        assertEquals(table, List.copyOf(raw.keySet()));
        // the order the parameters are read in, so the first wrong one is reported as before the table existed
        assertEquals(List.of("requestGrowth", "virtualMemory", "memory", "databaseConnections", "appRss", "cpuCores"),
                table.subList(0, 6));
        assertEquals("1G", raw.get("memory"));
        assertEquals(" 4 ", raw.get("cpuCores"));
        assertEquals(null, raw.get("appRss"));
    }

    @Test
    void aMissingFieldIsAnErrorOfThePluginNotOfTheUser() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HostFields.field(PathMapping.class, "memory"));
        assertEquals("PathMapping has no field for the host parameter memory", e.getMessage());
    }
}
