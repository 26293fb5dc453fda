package io.github.footprint.rules.input;

import static io.github.footprint.rules.RuleTestSupport.check;
import static io.github.footprint.rules.RuleTestSupport.describe;
import static io.github.footprint.rules.RuleTestSupport.findings;
import static io.github.footprint.rules.RuleTestSupport.only;
import static io.github.footprint.rules.RuleTestSupport.request;
import static io.github.footprint.rules.RuleTestSupport.run;
import static io.github.footprint.rules.RuleTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Location;
import io.github.footprint.base.Severity;

class UnresolvedPlaceholderTest {
    private static final String ID = "FP002";

    @TempDir
    Path tree;

    @Test
    void mavenPlaceholderIsAnErrorThatNamesThePropertyToDefine() throws Exception {
        write(tree, "apache/app.conf",
                "<VirtualHost *:80>",
                "    ServerName @app.host@",
                "</VirtualHost>");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/app.conf", 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("@app.host@ is not a property of this environment; define app.host (-Dapp.host=... or"
                + " <properties>)", f.message());
        assertEquals("The deployed file would contain the literal text @app.host@. A property comes from the"
                + " environment's properties, the plugin's <properties> or -D.", f.detail());
    }

    @Test
    void dollarPlaceholderInApacheIsAWarningWithHttpdsAh00111() throws Exception {
        write(tree, "apache/app.conf",
                "WSGIScriptAlias / ${APP_HOME}/app.wsgi");
        Finding f = only(check(tree), ID);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals("${APP_HOME} is not defined: httpd warns AH00111 and reads the literal text; define APP_HOME as a"
                + " property (or with Define)", f.message());
        assertTrue(f.detail().contains("httpd warns 'AH00111: Config variable ${APP_HOME} is not defined'"),
                f::detail);
        assertTrue(f.detail().contains("A Define in httpd's configuration defines it too"), f::detail);
    }

    @Test
    void defineAndEnvvarsResolveDollarPlaceholdersInApacheFiles() throws Exception {
        write(tree, "apache/app.conf",
                "Define APP_HOME /srv/app",
                "WSGIScriptAlias / ${APP_HOME}/app.wsgi",
                "CustomLog ${APACHE_LOG_DIR}/access.log combined");
        write(tree, "apache/envvars", "export APACHE_LOG_DIR=/var/log/apache2");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void defineDoesNotResolveDollarPlaceholdersInIniFiles() throws Exception {
        write(tree, "apache/app.conf", "Define DB_HOST db.internal");
        write(tree, "app/production.ini",
                "[app:main]",
                "sqlalchemy.url = postgresql://app@${DB_HOST}/app");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("app/production.ini", 2), f.location());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("PasteDeploy does not expand ${...}"), f::message);
        assertTrue(f.message().contains("define DB_HOST as a property of the environment"), f::message);
        assertTrue(f.detail().contains("an Apache Define or a start-up script variable does not reach it"),
                f::detail);
        assertFalse(f.message().contains("Define in httpd"), f::message);
    }

    @Test
    void propertiesResolveBothForms() throws Exception {
        write(tree, "apache/app.conf",
                "ServerName @app.host@",
                "WSGIScriptAlias / ${app.home}/app.wsgi");
        Properties p = new Properties();
        p.setProperty("app.host", "app.example.com");
        p.setProperty("app.home", "/srv/app");
        List<Finding> fs = findings(run(request(tree).properties(p)), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void placeholdersInWholeLineCommentsAreNotRead() throws Exception {
        write(tree, "apache/app.conf",
                "# ServerName @app.host@ or ${APP_HOME}",
                "Listen 80");
        write(tree, "app/production.ini",
                "; db host: @db.host@",
                "[app:main]",
                "# url: ${DB_URL}",
                "use = egg:myapp");
        List<Finding> fs = findings(check(tree), ID);
        assertTrue(fs.isEmpty(), () -> describe(fs));
    }

    @Test
    void shellKeepsItsOwnDollarSyntaxButNotMavens() throws Exception {
        write(tree, "apache/envvars",
                "export APACHE_LOG_DIR=${HOME}/logs",
                "export APP_HOME=@app.home@");
        Finding f = only(check(tree), ID);
        assertEquals(new Location("apache/envvars", 2), f.location());
        assertEquals(Severity.ERROR, f.severity());
    }
}
