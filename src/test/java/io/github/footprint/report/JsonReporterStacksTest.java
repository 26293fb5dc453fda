package io.github.footprint.report;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** footprint.json's daemons: the stack their request threads really get, and where it comes from. */
class JsonReporterStacksTest {
    @TempDir
    Path tree;

    @TempDir
    Path out;

    private JsonNode daemons() throws Exception {
        Path json = new JsonReporter().write(check(tree).view(), ReportTarget.files(out)).orElseThrow();
        return new ObjectMapper().readTree(json.toFile()).get("environments").get(0).get("effective").get("daemons");
    }

    @Test
    void effectiveStackSizeAndItsOrigin() throws Exception {
        write(tree, "apache2/apache2.conf",
                "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so",
                "ThreadStackSize 262144",
                "WSGIDaemonProcess own threads=5 stack-size=524288",
                "WSGIDaemonProcess inherits threads=5",
                "WSGIDaemonProcess ignored threads=5 stack-size=4096");
        JsonNode d = daemons();
        assertEquals(524288, d.get(0).get("stackSize").asLong());
        assertEquals("{\"setting\":\"stack-size=524288\",\"file\":\"apache2/apache2.conf\",\"line\":3}",
                d.get(0).get("stackSizeFrom").toString());
        // ThreadStackSize does not reach daemons; nothing else sets their stacks
        assertEquals(8388608, d.get(1).get("stackSize").asLong());
        assertEquals("default", d.get(1).get("stackSizeFrom").asText());
        // below the pthread minimum: mod_wsgi ignores it (it printed 0 before)
        assertEquals(8388608, d.get(2).get("stackSize").asLong());
        assertEquals("default", d.get(2).get("stackSizeFrom").asText());

        write(tree, "apache2/envvars", "ulimit -s 512");
        d = daemons();
        assertEquals(524288, d.get(1).get("stackSize").asLong());
        assertEquals("{\"setting\":\"ulimit -s 512\",\"file\":\"apache2/envvars\",\"line\":1}",
                d.get(1).get("stackSizeFrom").toString());

        write(tree, "apache2/envvars", "ulimit -s \"$STACK\"");
        d = daemons();
        assertTrue(d.get(1).get("stackSize").isNull());
        assertEquals("{\"setting\":\"ulimit -s $STACK\",\"file\":\"apache2/envvars\",\"line\":1}",
                d.get(1).get("stackSizeFrom").toString());
    }
}
