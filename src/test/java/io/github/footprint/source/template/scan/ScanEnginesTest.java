package io.github.footprint.source.template.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.github.footprint.source.template.Choices;
import io.github.footprint.source.template.DecisionPoint;
import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.RenderedTemplate;
import io.github.footprint.source.template.SedForms;
import io.github.footprint.source.template.TemplateEngine;
import io.github.footprint.source.template.TemplateInput;
import io.github.footprint.source.template.Unknown;
import io.github.footprint.source.template.Unknowns;
import io.github.footprint.source.template.Variables;

/**
 * The readers without an engine against the projects' own tools: each real template of the projects corpus, read with
 * the branch its project's values take at each decision and each unknown filled in with the value the project gives
 * its variable, is byte for byte the file the project's tool wrote ({@code rendered/}: Mako 1.2.4 through Kallithea's
 * {@code inifile.expand}, Ruby's ERB with Puppet's trim mode, devstack's own sed commands).
 */
class ScanEnginesTest {
    private static final Path PROJECTS = Path.of("src/test/resources/projects");

    static RenderedTemplate render(TemplateEngine e, String path, String text, Choices c) {
        return e.render(new TemplateInput(path, text, Dialect.NONE, c, () -> Variables.of(Map.of()), true));
    }

    static String read(String p) throws IOException {
        return Files.readString(PROJECTS.resolve(p), StandardCharsets.UTF_8);
    }

    /** The rendered text with each unknown replaced by its variable's value (every one must have a value). */
    static String fill(RenderedTemplate r, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        String t = r.text();
        int at = 0;
        for (Unknowns.Span s : Unknowns.find(t)) {
            Unknown u = r.unknowns().get(s.id());
            String v = values.get(u.variables().isEmpty() ? u.written() : u.variables().get(0));
            if (v == null) {
                throw new AssertionError("no value for " + u);
            }
            b.append(t, at, s.start()).append(v);
            at = s.end();
        }
        return b.append(t.substring(at)).toString();
    }

    static Choices choices(Map<String, Integer> m) {
        Choices c = Choices.DEFAULT;
        for (Map.Entry<String, Integer> e : m.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    private static final String KALLITHEA = "NexMirror__Kallithea/";

    private static Map<String, String> kallitheaValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("host", "127.0.0.1");
        v.put("port", "5000");
        v.put("uuid", "VERY-SECRET");
        v.put("git_hook_interpreter", "/srv/kallithea/venv/bin/python3");
        v.put("user_home_path", "/home/kallithea");
        v.put("kallithea_cli_path", "/srv/kallithea/venv/bin/kallithea-cli");
        v.put("ssh_locale", "C.UTF-8");
        return v;
    }

    private static final String HTTP_CHAIN = "http_server == 'gearbox' | http_server == 'gevent'"
            + " | http_server == 'waitress' | http_server == 'gunicorn'";
    private static final String DB_CHAIN = "database_engine == 'sqlite' | database_engine == 'postgres'"
            + " | database_engine == 'mysql'";

    private static Map<String, Integer> kallitheaChoices() {
        Map<String, Integer> c = new LinkedHashMap<>();
        // http_server = waitress
        c.put("http_server != 'uwsgi'", 0);
        // an if/elif chain is one decision: its third branch
        c.put(HTTP_CHAIN, 2);
        // no value: Mako's UNDEFINED is never equal to 'sentry'
        c.put("error_aggregation_service == 'sentry'", 1);
        c.put(DB_CHAIN, 0);
        return c;
    }

    @Test
    void makoAsKallitheasConfigCreateWritesIt() throws IOException {
        String t = read(KALLITHEA + "tree/kallithea/lib/paster_commands/template.ini.mako");
        RenderedTemplate r = render(new MakoEngine(), "template.ini.mako", t, choices(kallitheaChoices()));
        assertEquals(read(KALLITHEA + "rendered/kallithea.ini"), fill(r, kallitheaValues()));
        assertEquals(List.of(), r.problems());
        Map<String, Integer> pg = kallitheaChoices();
        pg.put(DB_CHAIN, 1);
        r = render(new MakoEngine(), "template.ini.mako", t, choices(pg));
        assertEquals(read(KALLITHEA + "rendered/kallithea-postgres.ini"), fill(r, kallitheaValues()));
    }

    @Test
    void makoAsPublishedTakesTheFirstBranchesAndMapsEveryLine() throws IOException {
        String t = read(KALLITHEA + "tree/kallithea/lib/paster_commands/template.ini.mako");
        RenderedTemplate r = render(new MakoEngine(), "template.ini.mako", t, Choices.DEFAULT);
        List<String> keys = r.decisions().stream().map(DecisionPoint::key).collect(Collectors.toList());
        assertEquals(List.of("http_server != 'uwsgi'", HTTP_CHAIN, "git_hook_interpreter", "user_home_path",
                "kallithea_cli_path", "ssh_locale", "error_aggregation_service == 'sentry'", DB_CHAIN), keys);
        assertEquals(64, r.decisions().get(0).templateLine());
        List<String> lines = r.lines();
        int[] map = r.lineMap();
        // the template's line 67 "host = ${host}" is output with its line, the unknown named by its variable
        int i = lines.indexOf("host = " + Unknowns.token(1));
        assertEquals(67, map[i]);
        assertEquals("${host}", r.unknowns().get(1).written());
        assertEquals(List.of("host"), r.unknowns().get(1).variables());
        // <%text> lines are output, ## and % lines are not
        assertTrue(lines.contains("## Email settings                                                             ##"));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("%") || l.contains("<%")));
        assertEquals(1, lines.stream().filter(l -> l.startsWith("sqlalchemy.url")).count());
        // every line maps to the template line it came from: the line there holds its text
        List<String> template = List.of(t.split("\n", -1));
        for (int k = 0; k < lines.size(); k++) {
            String out = lines.get(k).replaceAll("\uE000\\d+\uE001", "");
            String in = template.get(map[k] - 1);
            assertTrue(in.replaceAll("\\$\\{[^}]*}|</?%text>", "").contains(out.trim()), k + ": " + out + " / " + in);
        }
    }

    @Test
    void makoConstructs() {
        String t = "## comment\n<%doc>\nnone\n</%doc>\n% if not a:\nx = ${a | h}\n% elif b.c > 2:\ny = 1\n"
                + "% else:\nz = 2\n% endif\n<% q = 1 %>\\\nj = 3\n%% literal\n% for i in items:\nv = ${i.name}\n"
                + "% endfor\n<%def name=\"f()\">hidden</%def>\n";
        // the if/elif/else chain is one decision of three branches; its second: "b.c > 2" is the first that holds
        RenderedTemplate r = render(new MakoEngine(), "t.mako", t, Choices.DEFAULT.with("not a | b.c > 2", 1));
        // the newline after </%doc> is text
        assertEquals("\ny = 1\nj = 3\n% literal\nv = \uE0001\uE001\n\n", r.text());
        assertEquals(List.of("not a | b.c > 2 @5 1/3"),
                r.decisions().stream().map(Object::toString).collect(Collectors.toList()));
        assertEquals(List.of("items"), r.unknowns().get(1).variables());
        assertEquals("${i.name}", r.unknowns().get(1).written());
        assertEquals(1, r.assumptions().size());
        int[] map = r.lineMap();
        assertEquals(List.of(4, 8, 13, 14, 16, 18), java.util.Arrays.stream(map).boxed().collect(Collectors.toList()));
        r = render(new MakoEngine(), "t.mako", t, Choices.DEFAULT);
        assertTrue(r.text().startsWith("\nx = \uE0001\uE001\n"), r.text());
        assertEquals(List.of("a"), r.unknowns().get(1).variables());
    }

    @Test
    void makoBadNestingIsAWarningNeverAnException() {
        RenderedTemplate r = render(new MakoEngine(), "t.mako", "% endif\n% if x:\na = 1\n${unclosed\n",
                Choices.DEFAULT);
        assertTrue(r.parseable());
        assertEquals(3, r.problems().size(), r.problems().toString());
    }

    private static final String GRAPHITE = "echocat__puppet-graphite/";

    private static Map<String, String> graphiteValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("graphite::params::apache_wsgi_socket_prefix", "/var/run/apache2/wsgi");
        v.put("graphite::gr_web_server_port", "80");
        v.put("graphite::gr_web_server_port_https", "443");
        v.put("graphite::gr_web_servername", "graphite.example.com");
        v.put("graphite::graphiteweb_webapp_dir_REAL", "/opt/graphite/webapp");
        v.put("graphite::graphiteweb_conf_dir_REAL", "/opt/graphite/conf");
        v.put("graphite::gr_apache_logdir", "/var/log/apache2/graphite-web");
        v.put("graphite::wsgi_processes", "5");
        v.put("graphite::wsgi_threads", "5");
        v.put("graphite::wsgi_inactivity_timeout", "120");
        v.put("graphite::gr_web_url_prefix", "/");
        return v;
    }

    @Test
    void erbAsPuppetWritesIt() throws IOException {
        String t = read(GRAPHITE + "tree/templates/etc/apache2/sites-available/graphite.conf.erb");
        Map<String, Integer> c = new LinkedHashMap<>();
        c.put("@osfamily == \"Debian\"", 0);
        c.put("@osfamily == \"RedHat\"", 1);
        // gr_apache_noproxy is undef: the list includes it, and the negated condition is false
        c.put("[nil, '', :undef].include?(scope.lookupvar('graphite::gr_apache_noproxy'))", 0);
        c.put("scope.lookupvar('graphite::gr_web_url_prefix') != '/'", 1);
        c.put("scope.lookupvar('graphite::gr_apache_24')", 0);
        c.put("scope.lookupvar('graphite::gr_web_cors_allow_from_all')", 0);
        c.put("scope.lookupvar('graphite::gr_use_ssl')", 1);
        RenderedTemplate r = render(new ErbEngine(), "graphite.conf.erb", t, choices(c));
        assertEquals(read(GRAPHITE + "rendered/etc/apache2/sites-available/graphite.conf"),
                fill(r, graphiteValues()));
        assertEquals(List.of(), r.problems());
        for (String f : List.of("ports.conf")) {
            String p = read(GRAPHITE + "tree/templates/etc/apache2/" + f + ".erb");
            RenderedTemplate pr = render(new ErbEngine(), f + ".erb", p, Choices.DEFAULT);
            assertEquals(read(GRAPHITE + "rendered/etc/apache2/" + f), fill(pr, graphiteValues()));
        }
    }

    @Test
    void erbConstructs() {
        String t = "<%# comment %>\n  <%- unless @ssl -%>\nplain\n  <%- end -%>\n<% node['a']['list'].each do |m| %>"
                + "\nline <%= m %>\n<% end %>\n<% case @mode\n when 'a' %>A<% when 'b' %>B<% else %>C<% end %>\n"
                + "<%% literal %>\n";
        RenderedTemplate r = render(new ErbEngine(), "t.erb", t, Choices.DEFAULT);
        // unless @ssl: the decision is ssl; branch 0 (it holds) skips the body
        assertEquals("\n\nline \uE0001\uE001\n\nA\n<% literal %>\n", r.text());
        assertEquals(List.of("node['a']['list']"), r.unknowns().get(1).variables());
        assertEquals(List.of("@ssl", "@mode == 'a' | @mode == 'b'"),
                r.decisions().stream().map(DecisionPoint::key).collect(Collectors.toList()));
        r = render(new ErbEngine(), "t.erb", t, Choices.DEFAULT.with("@ssl", 1).with("@mode == 'a' | @mode == 'b'", 2));
        assertTrue(r.text().startsWith("\nplain\n"), r.text());
        assertTrue(r.text().contains("\nC\n"), r.text());
    }

    @Test
    void sedAsDevstacksOwnSedWritesIt() throws IOException {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("PUBLICPORT", "5000");
        v.put("ADMINPORT", "35357");
        v.put("KEYSTONE_BIN", "/usr/local/bin");
        v.put("USER", "stack");
        v.put("GROUP", "stack");
        v.put("VIRTUALENV", "");
        v.put("APACHE_NAME", "apache2");
        v.put("SSLENGINE", "");
        v.put("SSLCERTFILE", "");
        v.put("SSLKEYFILE", "");
        v.put("SSLLISTEN", "#");
        v.put("WEBROOT", "/dashboard");
        v.put("HORIZON_DIR", "/opt/stack/horizon");
        String dir = "openstack__devstack/";
        for (String[] f : new String[][] {{"apache-keystone.template", "keystone.conf"},
            {"apache-horizon.template", "horizon.conf"}}) {
            String t = read(dir + "tree/files/" + f[0]);
            RenderedTemplate r = render(new SedEngine(SedForms.DEFAULT), f[0], t, Choices.DEFAULT);
            assertEquals(read(dir + "rendered/etc/apache2/sites-available/" + f[1]), fill(r, v), f[0]);
            assertEquals(List.of(), r.decisions());
            assertEquals(r.lines().size(), r.lineMap().length);
        }
    }

    @Test
    void sedTokensTakeTheValuesTheUserGivesTheirNames() {
        // what sed would put there: a text or an integer on one line; anything else stays unknown
        Map<String, Object> vars = Map.of("PUBLICPORT", 5000, "SSLENGINE", "", "USER", "stack", "TWO", "a\nb",
                "JINJA", "{{ x }}", "ON", Boolean.TRUE);
        RenderedTemplate r = new SedEngine(SedForms.DEFAULT).render(new TemplateInput("t.conf",
                "Listen %PUBLICPORT%\n    %SSLENGINE%\nuser=%USER% %TWO% %JINJA% %ON% %NONE%\n", Dialect.NONE,
                Choices.DEFAULT, () -> Variables.of(vars), true));
        assertEquals("Listen 5000\n    \nuser=stack \uE0001\uE001 \uE0002\uE001 \uE0003\uE001 \uE0004\uE001\n",
                r.text());
        assertEquals(List.of("TWO"), r.unknowns().get(1).variables());
        assertEquals(List.of("NONE"), r.unknowns().get(4).variables());
    }

    @Test
    void sedFormsAreConfigurable() {
        SedForms f = SedForms.parse("{NAME},%NAME%");
        RenderedTemplate r = render(new SedEngine(f), "t.conf", "a {PORT} %X% @Y@ __Z__ $WORKERS %h %l\n",
                Choices.DEFAULT);
        assertEquals("a \uE0001\uE001 \uE0002\uE001 @Y@ __Z__ \uE0003\uE001 %h %l\n", r.text());
        assertEquals(List.of("PORT"), r.unknowns().get(1).variables());
        assertEquals(List.of("WORKERS"), r.unknowns().get(3).variables());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SedForms.parse("NAME%"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SedForms.parse("%X%"));
    }

    @Test
    void tempitaAndStringTemplate() {
        String t = "[app:main]\n{{if sqlalchemy}}\nsqlalchemy.url = {{sqlalchemy_url}}\n{{else}}\nnone = 1\n{{endif}}\n"
                + "{{# comment}}\nname = {{package|upper}}\n";
        RenderedTemplate r = render(new TempitaEngine(), "d.ini_tmpl", t, Choices.DEFAULT);
        assertEquals("[app:main]\nsqlalchemy.url = \uE0001\uE001\n\nname = \uE0002\uE001\n", r.text());
        assertEquals(List.of(1, 3, 7, 8), java.util.Arrays.stream(r.lineMap()).boxed().collect(Collectors.toList()));
        assertEquals(List.of("package"), r.unknowns().get(2).variables());
        r = render(new TempitaEngine(), "d.ini_tmpl", "[app:main]\nuse = egg:${project}\ncost = $$5 $x\n",
                Choices.DEFAULT);
        assertEquals("[app:main]\nuse = egg:\uE0001\uE001\ncost = $5 \uE0002\uE001\n", r.text());
        assertEquals("${project}", r.unknowns().get(1).written());
    }
}
