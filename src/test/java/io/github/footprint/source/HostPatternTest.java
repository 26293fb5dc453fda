package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Host paths with template expressions: one name per variable across template languages, and when two match. */
class HostPatternTest {
    private static String show(String text) {
        return HostPattern.display(HostPattern.canonical(text));
    }

    @Test
    void eachTemplateLanguageNamesItsVariableOnce() {
        assertEquals("{{ ckan_conf_dir }}/apache.wsgi", show("{{ ckan_conf_dir }}/apache.wsgi"));
        assertEquals("{{ ckan_conf_dir }}/apache.wsgi", show("{{-ckan_conf_dir-}}/apache.wsgi"));
        assertEquals("{{ dir }}/x.py", show("<%= scope.lookupvar('graphite::dir') %>/x.py"));
        assertEquals("{{ dir }}/x.py", show("<%= @dir -%>/x.py"));
        assertEquals("{{ dir }}/x.py", show("${::graphite::dir}/x.py"));
        assertEquals("{{ dir }}/x.py", show("$::graphite::dir/x.py"));
        assertEquals("{{ apache_dir }}/sites-available/x.conf", show("#{apache_dir}/sites-available/x.conf"));
        // an expression that is no plain variable keeps its text, blanks dropped
        assertEquals("{{ x|default(y) }}/a", show("{{ x | default(y) }}/a"));
        assertEquals(List.of("a", "b"), HostPattern.unknowns(HostPattern.canonical("/{{ a }}/{{ b }}.conf")));
        assertEquals("/srv/app", show("/srv//app/"));
    }

    @Test
    void matchesWhereTheUnknownsCanMakeTheOtherPath() {
        assertTrue(matches("{{ d }}/apache.wsgi", "/etc/ckan/default/apache.wsgi"));
        assertTrue(matches("/etc/ckan/default/apache.wsgi", "{{ d }}/apache.wsgi"));
        assertTrue(matches("{{ d }}/apache.wsgi", "<%= @d %>/apache.wsgi"));
        assertTrue(matches("/etc/apache2/mods-available/mpm_{{ m }}.conf", "/etc/apache2/mods-available/mpm_event.conf"));
        // the same variable twice holds one value
        assertTrue(matches("/{{ a }}/x/{{ a }}.conf", "/b/x/b.conf"));
        assertFalse(matches("/{{ a }}/x/{{ a }}.conf", "/b/x/c.conf"));
        // another variable may hold another value
        assertFalse(matches("{{ a }}/apache.wsgi", "{{ b }}/apache.wsgi"));
        // an unknown is never empty
        assertFalse(matches("/srv/{{ a }}/x", "/srv//x"));
        assertFalse(matches("{{ d }}/apache.wsgi", "/etc/ckan/default/production.ini"));
        // a path whose name is all unknown could be any path: it names no literal one, only itself
        assertFalse(matches("{{ wsgi_file }}", "/srv/app/app.wsgi"));
        assertFalse(matches("/srv/app/app.wsgi", "{{ dir }}/{{ name }}"));
        assertTrue(matches("{{ wsgi_file }}", "{{ wsgi_file }}"));
    }

    private static boolean matches(String a, String b) {
        return HostPattern.matches(HostPattern.canonical(a), HostPattern.canonical(b));
    }

    @Test
    void templateSuffixesAreNotPartOfTheHostsName() {
        assertEquals("ports.conf", HostPattern.hostName("ports.conf.j2"));
        assertEquals("graphite.conf", HostPattern.hostName("graphite.conf.erb"));
        assertEquals("app.conf.in", HostPattern.hostName("app.conf.in"));
        assertEquals(".j2", HostPattern.hostName(".j2"));
    }
}
