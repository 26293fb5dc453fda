package io.github.footprint.rules.input;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class NothingToCheckTest {
    private static final String ID = "FP005";

    @TempDir
    Path project;

    @Test
    void missingSourceDirectorySaysNothingWasCheckedAndWhatToPointAt() throws Exception {
        Finding f = only(run(request(project).sourceDirectory(project.resolve("src/main/deploy"))), ID);
        assertEquals(new Location("src/main/deploy", 0), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("the source folder does not exist, so nothing was checked; create it with the deploy templates, or"
                + " point sourceDirectory at them", f.message());
        assertEquals("The folder is src/main/deploy.", f.detail());
    }

    @Test
    void treeWithoutReadableFilesCountsTheSkippedOnes() throws Exception {
        write(project, "src/main/deploy/apache/app.vhost", "Listen 80");
        write(project, "src/main/deploy/README.txt", "templates");
        Finding f = only(run(request(project).sourceDirectory(project.resolve("src/main/deploy"))), ID);
        assertEquals(new Location("src/main/deploy", 0), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("the source folder holds no file footprint reads (2 other file(s) skipped), so nothing was"
                + " checked; point sourceDirectory (or includes) at the deploy templates", f.message());
        assertEquals("footprint reads *.conf, *.load, *.ini, *.wsgi, *.py, *.sh, envvars and *.service files; the"
                + " folder is src/main/deploy.", f.detail());
    }

    @Test
    void includesThatSelectNothingAreReported() throws Exception {
        write(project, "apache/app.conf", "Listen 80");
        Finding f = only(run(request(project).includes(List.of("**/*.ini"))), ID);
        assertEquals(new Location(".", 0), f.location());
        assertTrue(f.message().startsWith("the source folder holds no file footprint reads, so"), f::message);
        assertTrue(f.detail().endsWith("the folder is ."), f::detail);
        assertTrue(!f.message().contains("other file(s)"), f::message);
    }

    @Test
    void emptyFileIsInfoAtTheFile() throws Exception {
        write(project, "apache/app.conf", "Listen 80");
        write(project, "app/production.ini");
        write(project, "apache/local.conf", "", "   ");
        List<Finding> fs = findings(check(project), ID);
        assertEquals(2, fs.size(), () -> describe(fs));
        assertEquals(new Location("apache/local.conf", 0), fs.get(0).location());
        assertEquals(Severity.INFO, fs.get(0).severity());
        assertEquals("apache/local.conf is empty: nothing in it to check", fs.get(0).message());
        assertEquals(new Location("app/production.ini", 0), fs.get(1).location());
    }

    @Test
    void aTreeWithContentDrawsNothing() throws Exception {
        write(project, "apache/app.conf", "# only a comment is still content");
        write(project, "README.txt", "other files are fine next to readable ones");
        List<Finding> fs = findings(check(project), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }
}
