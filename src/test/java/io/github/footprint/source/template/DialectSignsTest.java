package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The one-pass scan that decides which dialect patterns run ({@link DialectDetector.Signs}) never changes the answer:
 * the dialect is the one every pattern, run in order on the whole text, gives.
 */
class DialectSignsTest {
    /** Pieces of every dialect's constructs, their near misses, and the line ends java.util.regex knows. */
    private static final List<String> PIECES = List.of("{{", "}}", "{%", "%}", "{#", "#}", "{", "}", "<%", "%>", "</%",
            "<", "/", "%", "-%>", "%=", "<%=", "<%#", "<%!", "%NAME%", "%Na", "%AB", "__", "__NAME__", "_", "@", "@x@",
            "${", "$", "if ", "endif", "for ", "text>", "def ", "end", "py:", "#jinja2:", " ", "\t", "\n", "\r",
            "\r\n", "\u0085", "\u2028", "\u2029", "a", "Z", "0", "set ", "else}}", "unless");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Property(tries = 5000)
    void signsNeverChangeTheDialect(@ForAll("texts") String text) {
        assertEquals(everyPattern(text), DialectDetector.fromContent(text), text);
        assertEquals(everyPattern(text) != Dialect.NONE || text.contains("{") || text.contains("%")
                || text.contains("<") || text.contains("$") || text.contains("__") || text.startsWith("#jinja2:"),
                DialectDetector.mayBeTemplate(text), text);
    }

    @Test
    void aControlLineAfterEachLineEndIsMako() {
        for (String end : List.of("\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029")) {
            String text = "x" + end + " \t% if a:" + end + "% endif";
            assertEquals(Dialect.MAKO, DialectDetector.fromContent(text), text);
            assertEquals(Dialect.MAKO, everyPattern(text), text);
        }
        assertEquals(Dialect.NONE, DialectDetector.fromContent("x % if a:"));
    }

    /** The detection as written before the scan: each pattern over the whole text, in the same order. */
    private static Dialect everyPattern(String text) {
        if (find(DialectDetector.TEMPITA, text)) {
            return Dialect.TEMPITA;
        }
        if (find(DialectDetector.ERB, text) && text.contains("<%")) {
            return Dialect.ERB;
        }
        if (find(DialectDetector.MAKO, text)) {
            return Dialect.MAKO;
        }
        if (text.startsWith("#jinja2:") || find(DialectDetector.JINJA_TAG, text)
                || find(DialectDetector.JINJA_EXPRESSION, text)) {
            return Dialect.JINJA2;
        }
        if (find(DialectDetector.ASP_BLOCK, text)) {
            return Dialect.MAKO;
        }
        if (find(DialectDetector.SED, text)) {
            return Dialect.SED;
        }
        return text.contains("@") || text.contains("${") ? Dialect.MAVEN : Dialect.NONE;
    }

    private static boolean find(Pattern p, String text) {
        return p.matcher(text).find();
    }
}
