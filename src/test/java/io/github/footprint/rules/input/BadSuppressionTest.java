package io.github.footprint.rules.input;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.engine.CheckResult;
import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;

class BadSuppressionTest {
    private static final String ID = "FP004";

    @TempDir
    Path tree;

    @Test
    void aSuppressionWithoutReasonIsReportedAndSilencesNothing() throws Exception {
        write(tree, "apache/app.conf",
                "# footprint: ignore FP201",
                "WSGIDaemonProcess app threads=5 maximum-requests=5000");
        CheckResult all = check(tree);
        Finding f = only(all, ID);
        assertEquals(new Location("apache/app.conf", 1), f.location());
        assertEquals("'footprint: ignore FP201' gives no reason, so it silences nothing; write '# footprint: ignore"
                + " FP201 -- why this is fine here'", f.message());
        assertEquals("A suppression must say why, after '--'.", f.detail());
        assertEquals(1, findings(all, "FP201").size());
    }

    @Test
    void anUnknownIdIsNamed() throws Exception {
        write(tree, "apache/app.conf",
                "# footprint: ignore FP2O1, FP201 -- typo next to the real id",
                "WSGIDaemonProcess app threads=5 maximum-requests=5000");
        CheckResult all = check(tree);
        assertEquals("'footprint: ignore' names FP2O1, which is not a rule; 'mvn footprint:rules' lists them",
                only(all, ID).message());
        // the valid id in the same comment still silences its rule
        assertTrue(findings(all, "FP201").isEmpty());
    }

    @Test
    void aValidSuppressionSilencesTheNextLineOnlyAndIgnoreFileTheWholeFile() throws Exception {
        write(tree, "apache/app.conf",
                "# footprint: ignore FP201 -- measured: no leak",
                "",
                "# another comment between",
                "WSGIDaemonProcess a threads=5 maximum-requests=5000",
                "WSGIDaemonProcess b threads=5 maximum-requests=5000");
        write(tree, "app/production.ini",
                "; footprint: ignore-file FP301 -- parsed by our own loader, not PasteDeploy",
                "[app:main]",
                "port = 80 # x",
                "workers = 2 # y");
        CheckResult all = check(tree);
        assertTrue(findings(all, ID).isEmpty());
        List<Finding> fp201 = findings(all, "FP201");
        assertEquals(1, fp201.size());
        assertEquals(new Location("apache/app.conf", 5), fp201.get(0).location());
        assertTrue(findings(all, "FP301").isEmpty());
    }
}
