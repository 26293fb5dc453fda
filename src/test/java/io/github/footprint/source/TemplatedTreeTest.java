package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.footprint.base.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.github.footprint.source.template.Choices;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.TemplateOptions;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deploy tree of templates as Ansible roles write them, loaded by the source stage. */
class TemplatedTreeTest {
    @TempDir
    Path dir;

    private Path tree() {
        return Trees.write(dir, Trees.files(
                "roles/web/defaults/main.yml", "workers: 4\ndebug: false\ndb_password: s3cret-pw\nsite: default\n",
                "roles/web/templates/production.ini.j2", "[app:main]\n"
                        + "use = egg:shop\n"
                        + "{% if debug %}\n"
                        + "debug = true\n"
                        + "{% else %}\n"
                        + "debug = false\n"
                        + "{% endif %}\n"
                        + "sqlalchemy.url = postgresql://shop:{{ db_password }}@db/shop\n"
                        + "{% for i in range(2) %}\n"
                        + "worker{{ loop.index }} = {{ workers * 2 }}\n"
                        + "{% endfor %}\n"
                        + "pool = {{ pool_size }}\n",
                "roles/web/templates/vhost.conf.j2", "<VirtualHost *:80>\n"
                        + "  WSGIDaemonProcess {{ site }} processes={{ procs | default(2) }} threads={{ threads }}\n"
                        + "</VirtualHost>\n",
                "roles/web/templates/app.wsgi.mako", "% if debug:\nx = 1\n% endif\n",
                "group_vars/production.yml", "site: shop\n",
                "keystone.template", "Listen 5000\n<VirtualHost *:5000>\n</VirtualHost>\n",
                "plain.conf", "Listen 80\n"));
    }

    private SourceSet load(TemplateOptions options, boolean filtering) {
        return new SourceLoader(dir, dir, List.of(), List.of()).load(new Properties(), filtering, options);
    }

    private static String shown(SourceFile f) {
        return f.text().replace(String.valueOf(Unknowns.OPEN), "<?").replace(String.valueOf(Unknowns.CLOSE), ">")
                .replace(String.valueOf(Secrets.OPEN), "<secret>").replace(String.valueOf(Secrets.CLOSE), "</secret>");
    }

    @Test
    void jinja2TemplatesAreRenderedWithTheRolesVariablesAndMapBackToTheirLines() {
        tree();
        SourceSet s = load(TemplateOptions.defaults("production"), true);
        SourceFile ini = s.get("roles/web/templates/production.ini.j2").get();
        assertEquals(FileKind.INI, ini.kind());
        assertEquals(Dialect.JINJA2, ini.dialect());
        assertEquals("[app:main]\nuse = egg:shop\ndebug = false\nsqlalchemy.url = postgresql://shop:<secret>s3cret-pw</secret>@db/shop\n"
                + "worker1 = 8\nworker2 = 8\npool = <?1>\n", shown(ini));
        assertEquals(List.of(1, 2, 6, 8, 10, 10, 12), List.of(ini.templateLine(0), ini.templateLine(1),
                ini.templateLine(2), ini.templateLine(3), ini.templateLine(4), ini.templateLine(5),
                ini.templateLine(6)));
        assertEquals(List.of("pool_size"), ini.unknown(1).variables());
        assertEquals(12, ini.unknown(1).templateLine());
        assertEquals(List.of(), ini.problems());
        assertTrue(s.secrets().contains("s3cret-pw"), "secret values of variables are masked");
        SourceFile vhost = s.get("roles/web/templates/vhost.conf.j2").get();
        assertEquals(FileKind.APACHE, vhost.kind());
        // unknowns are numbered loader-wide: production.ini.j2's {{ pool_size }} is 1, this {{ threads }} 2
        assertEquals("<VirtualHost *:80>\n  WSGIDaemonProcess shop processes=2 threads=<?2>\n</VirtualHost>\n",
                shown(vhost), "group_vars/production beats the role's defaults");
        assertEquals(List.of("threads"), vhost.unknown(2).variables());
        assertEquals(null, vhost.unknown(1), "a file's table holds its own unknowns only");
        assertTrue(s.variables().isPresent());
        assertEquals(2, s.variables().get().layers().size());
    }

    @Test
    void theDecisionChoicesOfTheOptionsAreTaken() {
        Trees.write(dir, Trees.files("t.ini.j2", "[app:main]\n{% if ssl %}\nscheme = https\n{% else %}\n"
                + "scheme = http\n{% endif %}\n"));
        SourceFile f = load(TemplateOptions.defaults(null), true).get("t.ini.j2").get();
        assertEquals(List.of("[app:main]", "scheme = https"), f.lines());
        assertEquals("ssl", f.decisions().get(0).key());
        f = load(TemplateOptions.defaults(null).withChoices(Choices.DEFAULT.with("ssl", 1)), true).get("t.ini.j2")
                .get();
        assertEquals(List.of("[app:main]", "scheme = http"), f.lines());
        assertEquals(5, f.templateLine(1));
    }

    @Test
    void otherDialectsAreReadWithoutTheirEnginesNamesWithoutKindAreSniffed() {
        tree();
        SourceSet s = load(TemplateOptions.defaults("production"), true);
        SourceFile mako = s.get("roles/web/templates/app.wsgi.mako").get();
        assertEquals(FileKind.PYTHON, mako.kind());
        assertEquals(Dialect.MAKO, mako.dialect());
        assertTrue(mako.parseable());
        // the control lines are no output; the condition is a decision, branch 0 (it holds) taken
        assertEquals(List.of("x = 1"), mako.lines());
        assertEquals(2, mako.templateLine(1));
        assertEquals("debug", mako.decisions().get(0).key());
        assertEquals(FileKind.APACHE, s.get("keystone.template").get().kind());
        assertEquals(Dialect.NONE, s.get("plain.conf").get().dialect());
    }

    @Test
    void filteringOffReadsEveryFileAsWritten() {
        tree();
        SourceFile ini = load(TemplateOptions.defaults("production"), false).get(
                "roles/web/templates/production.ini.j2").get();
        assertEquals(Dialect.JINJA2, ini.dialect());
        assertTrue(ini.text().contains("{% if debug %}"));
        assertTrue(ini.parseable());
    }

    @Test
    void aNonAsciiTemplateAndATemplateWithoutConstructsKeepTheirDialect() {
        Trees.write(dir, Trees.files("a.ini.j2", "[app:main]\nname = {{ 'café' | upper }}\n", "b.ini.j2",
                "[app:main]\nx = 1\n"));
        SourceSet s = load(TemplateOptions.defaults(null), true);
        assertEquals(List.of("[app:main]", "name = CAFÉ"), s.get("a.ini.j2").get().lines());
        assertEquals(Dialect.JINJA2, s.get("b.ini.j2").get().dialect());
        assertEquals(List.of("[app:main]", "x = 1"), s.get("b.ini.j2").get().lines());
    }

    @Test
    void aBrokenVariablesFileIsReportedOnItsLine() {
        Trees.write(dir, Trees.files("defaults/main.yml", "a: 1\nb: [x\n", "templates/t.ini.j2", "x = {{ a }}\n"));
        SourceSet s = load(TemplateOptions.defaults(null), true);
        SourceFile vars = s.get("defaults/main.yml").get();
        assertEquals(1, vars.problems().size());
        assertTrue(vars.problems().get(0).message().startsWith("variables file: not valid YAML"),
                vars.problems().toString());
        assertTrue(vars.problems().get(0).line() >= 2);
    }

    @Test
    void aJinja2SyntaxErrorIsAProblemAtItsTemplateLine() {
        Trees.write(dir, Trees.files("t.ini.j2", "[app:main]\nx = 1\n{% if a %}\ny = 2\n"));
        SourceFile f = load(TemplateOptions.defaults(null), true).get("t.ini.j2").get();
        assertFalse(f.parseable());
        assertEquals(1, f.problems().size());
        assertEquals(io.github.footprint.base.Severity.ERROR, f.problems().get(0).severity());
    }

    @Test
    void aTemplateIsAlsoFoundUnderTheNameItIsDeployedAs() {
        Trees.write(dir, Trees.files("sites/shop.conf.j2", "Listen {{ 80 + 1 }}\n", "sites/both.conf.j2", "x\n",
                "sites/both.conf", "Listen 82\n"));
        SourceSet s = load(TemplateOptions.defaults(null), true);
        assertEquals("sites/shop.conf.j2", s.get("sites/shop.conf").get().treePath());
        assertEquals(List.of("Listen 81"), s.get("sites/shop.conf").get().lines());
        assertTrue(s.children("sites").contains("shop.conf"), s.children("sites").toString());
        assertEquals("sites/both.conf", s.get("sites/both.conf").get().treePath(), "a real file keeps its name");
        assertEquals(3, s.files().size(), "an alias is no file of its own");
    }
}
