package io.github.footprint.parse.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code ap_getword_conf} and {@code substring_conf} (httpd server/util.c), case by case. */
class ConfWordsTest {
    private static List<String> words(String line) {
        return ConfWords.split(line);
    }

    @Test
    void whiteSpaceSeparatesAndIsSkippedAtBothEnds() {
        assertEquals(List.of("a", "b", "c"), words(" \ta  b\t\tc \u000b\f"));
        assertEquals(List.of(), words(" \t "));
    }

    @Test
    void quotedWordsRunToTheirQuote() {
        assertEquals(List.of("a b", "c d", "e"), words("\"a b\" 'c d' e"));
        assertEquals(List.of("", "x"), words("\"\" x"));
    }

    @Test
    void aQuoteEndsTheWordEvenWithoutSpaceAfterIt() {
        assertEquals(List.of("a", "b"), words("\"a\"b"));
        assertEquals(List.of("/js", "http://127.0.0.1:8123/js"), words("\"/js\"\"http://127.0.0.1:8123/js\""));
    }

    @Test
    void quotesInsideAWordAreLiteral() {
        assertEquals(List.of("a\"b", "c\""), words("a\"b c\""));
        assertEquals(List.of("display-name='%{GROUP}'"), words("display-name='%{GROUP}'"));
    }

    @Test
    void onlyTheOpeningQuoteAndBackslashAreUnescapedInsideQuotes() {
        assertEquals(List.of("a \"b\" c"), words("\"a \\\"b\\\" c\""));
        assertEquals(List.of("it's"), words("'it\\'s'"));
        assertEquals(List.of("a \\'b"), words("\"a \\'b\""));
        assertEquals(List.of("a\\", "b"), words("\"a\\\\\" b"));
    }

    @Test
    void unquotedWordsUnescapeOnlyDoubledBackslashes() {
        assertEquals(List.of("a\\b"), words("a\\\\b"));
        assertEquals(List.of("a\\\"b"), words("a\\\"b"));
        assertEquals(List.of("C:\\temp\\new"), words("C:\\temp\\new"));
        assertEquals(List.of("a\\"), words("a\\"));
        assertEquals(List.of("^\\.ht"), words("\"^\\.ht\""));
    }

    @Test
    void anUnterminatedQuoteRunsToTheEndOfTheLine() {
        assertEquals(List.of("EECDH+ECDSA+AESGCM EECDH+aRS"), words("\"EECDH+ECDSA+AESGCM EECDH+aRS"));
    }

    @Test
    void restIsTheRawTextAfterTheWordsTaken() {
        ConfWords w = new ConfWords("  WSGIDaemonProcess  app  threads=5 \"x y\"");
        assertEquals("WSGIDaemonProcess", w.next());
        assertEquals("app  threads=5 \"x y\"", w.rest());
        assertEquals("app", w.next());
        assertEquals("threads=5 \"x y\"", w.rest());
        w.next();
        assertEquals("x y", w.next());
        assertTrue(w.atEnd());
        assertEquals("", w.next());
    }

    @Test
    void onlyCWhiteSpaceSeparates() {
        // isspace() in the C locale: no-break space and other Unicode spaces are part of the word
        assertEquals(List.of("a\u00a0b", "c\u3000d"), words("a\u00a0b c\u3000d"));
    }
}
