package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every rendered line knows its template line, through loops, false branches, whitespace control and headers. The
 * expected texts are what ansible-core 2.14's template module writes for these templates.
 */
class LineMapTest {
    @Test
    void aLoopsLinesPointAtTheBodyAndAFalseBranchVanishes() {
        RenderedTemplate r = Jinja.render("<VirtualHost *:80>\n"
                + "{% for h in hosts %}\n"
                + "  ServerAlias {{ h }}\n"
                + "{% endfor %}\n"
                + "{% if ssl %}\n"
                + "  SSLEngine on\n"
                + "{% endif %}\n"
                + "  WSGIDaemonProcess app processes={{ procs }}\n"
                + "</VirtualHost>\n", "hosts: [a, b, c]\nssl: false\nprocs: 2\n");
        assertEquals(List.of("<VirtualHost *:80>", "  ServerAlias a", "  ServerAlias b", "  ServerAlias c",
                "  WSGIDaemonProcess app processes=2", "</VirtualHost>"), r.lines());
        assertArrayEquals(new int[] {1, 3, 3, 3, 8, 9}, r.lineMap());
    }

    @Test
    void whitespaceControlJoinsLinesAndTheJoinedLineKeepsItsFirstTemplateLine() {
        // Jinja2: the "-" signs eat the spaces and newlines around, trim_blocks the newline after endif
        RenderedTemplate r = Jinja.render("a = 1\n"
                + "b = {%- if x %}\n"
                + "  {{- x -}}\n"
                + "{%- endif %}\n"
                + "c = 3\n"
                + "d = {{ x }}\n", "x: 2\n");
        assertEquals(List.of("a = 1", "b =2c = 3", "d = 2"), r.lines());
        assertArrayEquals(new int[] {1, 2, 6}, r.lineMap());
    }

    @Test
    void textAfterATagOnItsLineCountsFromTheTagsLine() {
        RenderedTemplate r = Jinja.render("{% if a %}x{% endif %}+\n{% if b %}\n{% endif %}tail\n", "a: 1\nb: 1\n");
        assertEquals(List.of("x+", "tail"), r.lines());
        assertArrayEquals(new int[] {1, 3}, r.lineMap());
    }

    @Test
    void aHeaderLineShiftsNothingTheUserSees() {
        RenderedTemplate r = Jinja.render("#jinja2: trim_blocks: False\n{% if a %}\nx\n{% endif %}\n", "a: 1\n");
        assertEquals("\nx\n", r.text());
        assertArrayEquals(new int[] {2, 3}, r.lineMap());
        r = Jinja.render("#jinja2: lstrip_blocks: True\n  {% if a %}\nx\n  {% endif %}\n", "a: 1\n");
        assertEquals("x\n", r.text());
        assertArrayEquals(new int[] {3}, r.lineMap());
    }

    @Test
    void ansibleKeepsTheTemplatesTrailingNewlines() {
        assertEquals("a\n\n", Jinja.render("a\n\n", "").text());
        assertEquals("a", Jinja.render("a", "").text());
        assertEquals("a\n", Jinja.render("a\r\n", "").text(), "CRLF: Jinja2 writes \\n");
        assertEquals("x\n", Jinja.render("{% if 1 %}x{% endif %}\n", "").text());
    }

    @Test
    void aValueWithNewlinesGivesLinesOfItsExpressionsLine() {
        RenderedTemplate r = Jinja.render("# top\nblock = {{ b }}\nend\n", "b: \"one\\ntwo\"\n");
        assertEquals(List.of("# top", "block = one", "two", "end"), r.lines());
        assertArrayEquals(new int[] {1, 2, 2, 3}, r.lineMap());
    }

    @Test
    void aJinja2SyntaxErrorIsLocatedAndTheFileIsNotRead() {
        RenderedTemplate r = Jinja.render("a\n{% if x %}\nb\n", "");
        assertFalse(r.parseable());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().contains("endif"), r.problems().toString());
        r = Jinja.render("a\nb = {{ x + }}\n", "");
        assertFalse(r.parseable());
        assertEquals(2, r.problems().get(0).line());
        r = Jinja.render("x\n{% frobnicate %}\n", "");
        assertEquals(2, r.problems().get(0).line());
        assertTrue(r.problems().get(0).message().contains("unknown tag 'frobnicate'"), r.problems().toString());
        r = Jinja.render("{# never closed\n", "");
        assertEquals(1, r.problems().get(0).line());
    }
}
