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

class KeyShadowedByDefaultTest {
    private static final String ID = "FP302";

    @TempDir
    Path tree;

    @Test
    void pylonsDebugFalseUnderADefaultTrueIsReportedWithBothLinesAndTheSetFix() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = true",
                "[app:main]",
                "use = egg:myapp",
                "debug = false");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 5), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("[app:main] debug = false is ignored: [DEFAULT] has debug too; write set debug = false in"
                + " [app:main], or remove it from [DEFAULT]", f.message());
        assertEquals("PasteDeploy silently drops a section's key that its defaults also have (ConfigLoader.get_context:"
                + " 'if option in defaults: continue'), and [DEFAULT] also has debug = true (app/production.ini:2), so"
                + " the app gets that value through global_conf. A set line overrides the global.", f.detail());
    }

    @Test
    void aServerSectionIsToldThatSetDoesNotHelpIt() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "threadpool_workers = 20",
                "[server:main]",
                "use = egg:Paste#http",
                "threadpool_workers = 5");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 5), f.location());
        assertTrue(f.message().endsWith("; remove threadpool_workers from [DEFAULT]"), f::message);
        assertTrue(f.detail().endsWith("the server runs with its built-in default. A set line would only change"
                + " global_conf, not the server's own keys."), f::detail);
    }

    @Test
    void theIncludingFilesDefaultsShadowTheIncludedFilesKeys() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = false",
                "[app:main]",
                "use = config:shared/base.ini#web");
        write(tree, "app/shared/base.ini",
                "[app:web]",
                "use = egg:myapp",
                "debug = true");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/shared/base.ini", 3), f.location());
        assertTrue(f.detail().contains("the file that pulls this one in with use = config:... has debug = false"
                + " (app/production.ini:2), which becomes a default here"), f::detail);
    }

    @Test
    void theValueShownHidesAUrlPassword() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "sqlalchemy.url = postgresql://app:s3cret@db/app",
                "[app:main]",
                "use = egg:myapp",
                "sqlalchemy.url = postgresql://app:other@db/app");
        Finding f = only(check(tree), ID);
        // the engine masks every URL password in what it reports
        assertTrue(f.message().startsWith("[app:main] sqlalchemy.url = postgresql://app:****@db/app is ignored"),
                f::message);
        assertTrue(f.detail().contains(" [DEFAULT] also has sqlalchemy.url = postgresql://app:****@db/app"), f::detail);
        assertTrue(!f.message().contains("s3cret") && !f.message().contains("other@"), f::message);
    }

    @Test
    void sameValuesSetGetAndSectionsPasteDeployNeverLoadsAreFine() throws Exception {
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "debug = true",
                "port = 5000",
                "[app:main]",
                "use = egg:myapp",
                "set debug = false",
                "get admin = port",
                "[server:main]",
                "use = egg:Paste#http",
                "port = 5000",
                "[logger_root]",
                "debug = false");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void aGetLineNamingASecretGlobalCopiesItWithoutKeyError() throws Exception {
        // Kallithea's template.ini.mako: "get trace_errors.smtp_password = smtp_password" names a global of [DEFAULT]
        write(tree, "app/production.ini",
                "[DEFAULT]",
                "smtp_password =",
                "smtp_server = mail.example.com",
                "[app:main]",
                "use = egg:myapp",
                "get trace_errors.smtp_password = smtp_password");
        List<Finding> fp001 = findings(check(tree), "FP001");
        assertTrue(fp001.isEmpty(), () -> describe(fp001));
    }
}
