package io.github.footprint.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Html#esc}: a text that needs nothing comes back as it is; one that does is escaped wherever it needs it. */
class HtmlEscTest {
    private static final List<String> PIECES = List.of("a", "Z", " ", "/", "&", "<", ">", "\"", "'", "\t", "\n",
            "\u0000", "\u007f", "\u0085", "\u00e9", "\ud83d\ude00", "\ud83d", "\ude00", "\ufffe", "\ufdd0", "\uffff",
            "\ud83f\udffe", "x=1", "&amp;");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void aPlainBeginningIsKeptAndTheRestEscapedAsOnItsOwn(@ForAll("texts") String rest) {
        String plain = "ServerAdmin webmaster@example.com /srv/app-1";
        assertSame(plain, Html.esc(plain));
        assertEquals(plain + Html.esc(rest), Html.esc(plain + rest), rest);
    }

    @Test
    void whatEachCharacterBecomes() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Html.esc("a&b<c>d\"e'f"));
        assertEquals("x\t\n\ufffd\ufffd\u00e9\ud83d\ude00\ufffd\ufffd", Html.esc("x\t\n\u0000\u007f\u00e9\ud83d\ude00"
                + "\ud83d\ufffe"));
        assertEquals("", Html.esc(null));
    }
}
