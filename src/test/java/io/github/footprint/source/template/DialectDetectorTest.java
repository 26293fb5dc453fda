package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.footprint.source.FileKind;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;

/** Kind and dialect of a template, by its name and by its content, on made-up names and on the corpus' real files. */
class DialectDetectorTest {
    private static Dialect of(String corpusPath) throws IOException {
        Path p = Trees.corpus().resolve(corpusPath);
        String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        FileKind kind = FileKind.of(p.getFileName().toString());
        return DialectDetector.detect(TemplateName.of(corpusPath), text, kind == FileKind.APACHE
                || kind == FileKind.INI);
    }

    @Test
    void theNameWithoutTemplateSuffixesGivesTheKind() {
        assertEquals(FileKind.INI, FileKind.of("roles/app/templates/production.ini.j2"));
        assertEquals(FileKind.APACHE, FileKind.of("templates/httpd.conf.erb"));
        assertEquals(FileKind.PYTHON, FileKind.of("app.wsgi.mako"));
        assertEquals(FileKind.INI, FileKind.of("+package+/config/deployment.ini_tmpl_tmpl"));
        assertEquals(FileKind.APACHE, FileKind.of("extra/httpd-mpm.conf.in"));
        assertEquals(FileKind.APACHE, FileKind.of("vhost.conf.jinja2"));
        assertEquals(FileKind.INI, FileKind.of("production.ini.sample"));
        assertEquals(FileKind.APACHE, FileKind.of("site.conf.j2.example"));
        assertEquals(FileKind.SHELL, FileKind.of("start.sh.tpl"));
        assertEquals(FileKind.SYSTEMD, FileKind.of("app.service.j2"));
        assertEquals(FileKind.OTHER, FileKind.of("apache-keystone.template"));
        assertEquals(FileKind.OTHER, FileKind.of("defaults/main.yml"));
    }

    @Test
    void theSuffixNamesTheDialectAndIsStrippedRepeatedly() {
        TemplateName n = TemplateName.of("roles/a/templates/production.ini.j2");
        assertEquals("production.ini", n.baseName());
        assertEquals(Dialect.JINJA2, n.dialect());
        assertTrue(n.templated());
        assertEquals(Dialect.MAKO, TemplateName.of("wsgi.conf.mako").dialect());
        assertEquals(Dialect.ERB, TemplateName.of("vhost.conf.erb").dialect());
        assertEquals(Dialect.JINJA2, TemplateName.of("x.ini.jinja").dialect());
        assertEquals(Dialect.JINJA2, TemplateName.of("x.ini.j2.sample").dialect());
        assertEquals("deployment.ini", TemplateName.of("deployment.ini_tmpl_tmpl").baseName());
        assertNull(TemplateName.of("x.conf.template").dialect());
        assertEquals(Dialect.TEMPITA, TemplateName.of("deployment.ini_tmpl").dialect(), "Paste Script's templates");
        // a name that is nothing but a suffix stays whole
        assertEquals(".in", TemplateName.of(".in").baseName());
        assertEquals("_tmpl", TemplateName.of("_tmpl").baseName());
        assertFalse(TemplateName.of("httpd.conf").templated());
        // the suffix wins over the content
        assertEquals(Dialect.ERB, DialectDetector.detect(TemplateName.of("a.conf.erb"), "{{ x }}"));
    }

    @Test
    void theContentShowsTheKindWhenTheNameSaysNothing() {
        assertEquals(FileKind.APACHE, FileKind.sniff("# keystone\nListen 5000\n<VirtualHost *:5000>\n"));
        assertEquals(FileKind.APACHE, FileKind.sniff("  WSGIDaemonProcess keystone processes=5\n"));
        assertEquals(FileKind.APACHE, FileKind.sniff("ServerName x\nDocumentRoot /srv\n"));
        assertEquals(FileKind.OTHER, FileKind.sniff("ServerName is a word in this README\n"));
        assertEquals(FileKind.INI, FileKind.sniff("[DEFAULT]\n[app:main]\nuse = egg:x\n"));
        assertEquals(FileKind.SYSTEMD, FileKind.sniff("[Unit]\nDescription=x\n[Service]\nExecStart=/bin/x\n"));
        assertEquals(FileKind.SHELL, FileKind.sniff("#!/bin/bash\nexport X=1\n"));
        assertEquals(FileKind.PYTHON, FileKind.sniff("#!/usr/bin/env python3\nimport x\n"));
        assertEquals(FileKind.OTHER, FileKind.sniff("just text\n"));
    }

    @Test
    void theContentShowsTheDialect() {
        TemplateName plain = TemplateName.of("x.conf");
        assertEquals(Dialect.JINJA2, DialectDetector.detect(plain, "WSGIDaemonProcess {{ site }} processes=2\n"));
        assertEquals(Dialect.JINJA2, DialectDetector.detect(plain, "{% if x %}\na\n{% endif %}\n"));
        assertEquals(Dialect.JINJA2, DialectDetector.detect(plain, "{# note #}\n"));
        assertEquals(Dialect.JINJA2, DialectDetector.detect(plain, "#jinja2: trim_blocks: False\nx\n"));
        assertEquals(Dialect.ERB, DialectDetector.detect(plain, "Listen <%= @port %>\n"));
        assertEquals(Dialect.ERB, DialectDetector.detect(plain, "<% if @ssl -%>\nSSLEngine on\n<% end -%>\n"));
        assertEquals(Dialect.MAKO, DialectDetector.detect(plain, "% if ssl:\nSSLEngine on\n% endif\n"));
        assertEquals(Dialect.MAKO, DialectDetector.detect(plain, "<%text>## x</%text>\nport = ${port}\n"));
        assertEquals(Dialect.MAKO, DialectDetector.detect(plain, "<% x = 1 %>\n${x}\n"));
        assertEquals(Dialect.TEMPITA, DialectDetector.detect(plain, "use = egg:{{project}}\n{{if sqlalchemy}}\n"));
        assertEquals(Dialect.SED, DialectDetector.detect(plain, "WSGIDaemonProcess k processes=%APIWORKERS%\n"));
        assertEquals(Dialect.SED, DialectDetector.detect(plain, "ServerName __SERVER_NAME__\n"));
        assertEquals(Dialect.SED, DialectDetector.detect(plain, "processes=$WSGI_PROCESSES\n", true));
        // a shell script's $VARIABLE is its own syntax
        assertEquals(Dialect.NONE, DialectDetector.detect(TemplateName.of("envvars"), "export A=$APACHE_RUN_USER\n",
                false));
        assertEquals(Dialect.MAVEN, DialectDetector.detect(plain, "ErrorLog ${APACHE_LOG_DIR}/error.log\n"));
        assertEquals(Dialect.MAVEN, DialectDetector.detect(plain, "Listen @port@\n"));
        // httpd's own %{...}, LogFormat's %h, PasteDeploy's %(here)s and Python's __init__ are no templates
        assertEquals(Dialect.NONE, DialectDetector.detect(plain,
                "LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b %{Referer}i\"\nx = %(here)s/y\nimport __init__\n"));
        assertEquals(Dialect.NONE, DialectDetector.detect(plain, "ServerName example.org\n"));
    }

    @Test
    void theCorpusTemplatesAreRecognised() throws IOException {
        assertEquals(Dialect.JINJA2, of("pylons-ini/AppEnlight__appenlight/backend/src/appenlight/templates/ini/"
                + "production.ini.jinja2"));
        assertEquals(Dialect.JINJA2, of("pylons-ini/Pylons__pyramid-cookiecutter-starter@main/"
                + "{{cookiecutter.repo_name}}/production.ini"));
        assertEquals(Dialect.JINJA2, of("pylons-ini/ckan__ckan/contrib/cookiecutter/ckan_extension/"
                + "{{cookiecutter.project}}/test.ini"));
        assertEquals(Dialect.MAKO, of("pylons-ini/NexMirror__Kallithea/kallithea/lib/paster_commands/"
                + "template.ini.mako"));
        assertEquals(Dialect.TEMPITA, of("pylons-ini/Pylons__pylons/pylons/templates/default_project/"
                + "development.ini_tmpl"));
        assertEquals(Dialect.SED, of("wsgi-vhosts/freeipa__freeipa/install/share/ipa.conf.template"));
        assertEquals(FileKind.APACHE, FileKind.of("ipa.conf.template"));
        assertEquals(Dialect.MAVEN, of("wsgi-vhosts/GrahamDumpleton__mod_wsgi/tests/wsgi/request_body.conf"));
        assertEquals(Dialect.MAVEN, of("apache/httpd-docs-conf/2.4.x/httpd.conf.in"));
        assertEquals(Dialect.NONE, of("wsgi-vhosts/GrahamDumpleton__mod_wsgi/tests/wsgi/interrupt_timeout.conf"));
    }
}
