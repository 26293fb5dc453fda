package io.github.footprint.rules.wsgi;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class ScriptAliasOptionRefusedTest {
    private static final String ID = "FP215";

    @TempDir
    Path tree;

    private Finding one(String options) throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=5 maximum-requests=500",
                "WSGIScriptAlias / /srv/app/app.wsgi " + options);
        return only(check(tree), ID);
    }

    @Test
    void anOptionMissingFromTheAliasNamesTheFourItHas() throws Exception {
        Finding f = one("process-group=app threads=5");
        assertEquals(new Location("apache/app.conf", 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("WSGIScriptAlias /: httpd refuses to start with 'Invalid option to WSGI script alias definition.';"
                + " keep only its four name=value options", f.message());
        assertEquals("The line mounts /srv/app/app.wsgi at /. Its only options are process-group=, application-group=,"
                + " callable-object= and pass-authorization=, each written name=value with no space around '=' (a value"
                + " with spaces in quotes); put a comment on a line of its own.", f.detail());
    }

    @Test
    void emptyValuesAndAFlagThatIsNeitherOnNorOff() throws Exception {
        assertEquals("WSGIScriptAlias /: httpd refuses to start with 'Invalid name for WSGI process group.'; give the"
                + " option a value, or leave it out", one("process-group=").message());
        assertEquals("WSGIScriptAlias /: httpd refuses to start with 'Invalid value for authorization flag.';"
                + " pass-authorization= takes On or Off", one("pass-authorization=yes").message());
    }

    @Test
    void theFourOptionsWrittenRightAreClean() throws Exception {
        write(tree, "apache/app.conf", "WSGIDaemonProcess app threads=5 maximum-requests=500",
                "WSGIScriptAlias / /srv/app/app.wsgi process-group=app application-group=%{GLOBAL}"
                        + " callable-object=application pass-authorization=off");
        assertEquals(List.of(), findings(check(tree), ID));
    }
}
