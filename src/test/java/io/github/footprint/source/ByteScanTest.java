package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import io.github.footprint.source.template.Dialect;
import io.github.footprint.source.template.DialectDetector;
import io.github.footprint.source.template.TemplateName;

/** The one-pass byte scan answers as the String checks it stands in for. */
class ByteScanTest {
    private static final List<String> PIECES = List.of("\n", "\r", "\r\n", "@", "${", "$", "{", "://", ":/", "pass",
            "PaSs", "pa", "secret", "SECRE", "sEcReT", "token", "TOKE", "tOkEn", "se", "to", " ", "\t", "a", "Z", "~",
            "\u0000", "\u00e9", "x=1", "", "$A", "$PROCS", "@x@", "@@X@@", "%NAME%", "__NAME__", "{{", "{%", "<%", "%",
            "% if", "__", "_", "webmaster@example.com");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void answersAsTheStringChecks(@ForAll("texts") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteScan scan = ByteScan.of(bytes);
        // the same answers from a reused buffer with other bytes after the file, and a used line table
        byte[] reused = Arrays.copyOf(bytes, bytes.length + 9);
        System.arraycopy("pass\n${://".getBytes(StandardCharsets.US_ASCII), 0, reused, bytes.length, 9);
        int[] table = new int[2];
        Arrays.fill(table, 99);
        ByteScan again = ByteScan.of(reused, bytes.length, table);
        assertEquals(scan.nul, again.nul, text);
        assertEquals(scan.ascii, again.ascii, text);
        assertEquals(scan.carriageReturn, again.carriageReturn, text);
        assertEquals(scan.delimiter, again.delimiter, text);
        assertArrayEquals(scan.starts, again.starts, text);
        int nul = text.indexOf('\u0000');
        assertEquals(nul < 0 ? -1 : new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u0000'), scan.nul, text);
        if (nul >= 0) {
            return;
        }
        boolean ascii = text.chars().allMatch(c -> c < 0x80);
        assertEquals(ascii, scan.ascii, text);
        if (!ascii) {
            return;
        }
        assertEquals(text.indexOf('\r') >= 0, scan.carriageReturn, text);
        assertEquals(TemplateRenderer.delimiters(text), scan.delimiter, text);
        if (!scan.carriageReturn) {
            assertArrayEquals(SourceLoader.lineStarts(text), scan.starts, text);
            // and the lines they give are those LineEnds.HTTPD cuts
            SourceFile f = new SourceFile("f", "f", FileKind.APACHE, text, scan.starts, null, List.of(), List.of(), true);
            assertEquals(LineEnds.HTTPD.split(text), List.copyOf(f.lines()), text);
        }
    }

    /**
     * What lets a file skip the dialect detection and the renderer is exact: without a template hint, the detector
     * finds no dialect but Maven's (which has no engine); without delimiters, Maven filtering gives every line back
     * as written, whatever the properties.
     */
    @Property(tries = 3000)
    void theFastPathSkipsNothingThatWouldRender(@ForAll("texts") String text) {
        ByteScan scan = ByteScan.of(text.getBytes(StandardCharsets.UTF_8));
        if (!scan.ascii || scan.nul >= 0) {
            return;
        }
        if (!scan.templateHint) {
            Dialect d = DialectDetector.detect(TemplateName.of("a.conf"), text, true);
            assertTrue(d == Dialect.NONE || d == Dialect.MAVEN, d + " in " + text);
        }
        if (!scan.delimiter && !scan.carriageReturn) {
            Properties p = new Properties();
            for (String name : List.of("x", "X", "A", "PROCS", "NAME", "example.com", "pass")) {
                p.setProperty(name, "<" + name + ">");
            }
            List<String> lines = LineEnds.HTTPD.split(text);
            TemplateRenderer.Rendered r = new TemplateRenderer(p, true).render(lines);
            assertEquals(lines, r.lines, text);
            assertEquals(List.of(), r.unresolved, text);
        }
    }

    @Test
    void aNulAfterOtherBytesIsFound() {
        ByteScan scan = ByteScan.of("caf\u00e9\nA\u0000B".getBytes(StandardCharsets.UTF_8));
        assertEquals(7, scan.nul);
        assertFalse(scan.ascii);
        assertTrue(ByteScan.of(new byte[0]).ascii);
        assertArrayEquals(new int[] {0}, ByteScan.of(new byte[0]).starts);
    }
}
