package io.github.footprint.rules.pylons;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
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

class TrailingCommentTest {
    private static final String ID = "FP301";

    @TempDir
    Path tree;

    @Test
    void theMessageQuotesTheValueConfigparserKeepsAndTheCleanLine() throws Exception {
        write(tree, "app/production.ini",
                "[server:main]",
                "use = egg:Paste#http",
                "threadpool_workers = 10    # 10 is default");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 3), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("[server:main] threadpool_workers = 10 is followed by a comment, which breaks int()/asbool() at"
                + " start-up; move the comment to a line above", f.message());
        assertEquals("The value is '10    # 10 is default'. PasteDeploy 3 (Python 3 configparser) has no inline"
                + " comments, so '# 10 is default' is part of the value and int()/asbool() raises ValueError at"
                + " start-up. Write threadpool_workers = 10, and the comment on a line of its own above.", f.detail());
    }

    @Test
    void booleansSemicolonsAndTheDefaultSectionAreChecked() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = false ; never in production",
                "[app:main]",
                "use = egg:myapp");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 2), f.location());
        assertTrue(f.message().startsWith("[DEFAULT] debug = false is followed by a comment"), f::message);
        assertTrue(f.detail().startsWith("The value is 'false ; never in production'."), f::detail);
        assertTrue(f.detail().contains(" Write debug = false, and the comment on a line of its own above."),
                f::detail);
    }

    @Test
    void textValuesAndOwnLineCommentsAreFine() throws Exception {
        write(tree, "app/production.ini",
                "[app:main]",
                "# 10 is the default",
                "threadpool_workers = 10",
                "beaker.session.key = app#1",
                "error_page = /error #top");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void theUwsgiSectionIsReadByUwsgiNotByPasteDeploy() throws Exception {
        // Kallithea's template.ini.mako: [uwsgi] is uWSGI's (uwsgi --ini-paste), [server:main] is PasteDeploy's
        write(tree, "app/production.ini",
                "[uwsgi]",
                "workers = 4                            ; On demand scaling up to this many worker processes",
                "master = true                          ; Use separate master and worker processes",
                "[server:main]",
                "use = egg:waitress#main",
                "threads = 4  ; per process");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 6), f.location());
    }
}
