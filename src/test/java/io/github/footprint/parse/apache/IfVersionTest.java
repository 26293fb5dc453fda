package io.github.footprint.parse.apache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * mod_version's {@code start_ifversion} against 2.4.71 and 2.2.34. The argument text is what follows
 * {@code <IfVersion}, closing {@code >} included. Cases marked "httpd:" were checked with apache2 2.4.71.
 */
class IfVersionTest {
    private static String on24(String args) {
        return verdict(IfVersion.evaluate(args, "2.4"));
    }

    private static String verdict(IfVersion.Result r) {
        return r.error != null ? r.error : String.valueOf(r.matches);
    }

    @Test
    void comparisonOperators() {
        assertEquals("true", on24(">= 2.4>"));
        assertEquals("true", on24("> 2.4>"));
        assertEquals("true", on24("< 2.4.72>"));
        assertEquals("true", on24("<= 2.4.71>"));
        assertEquals("false", on24("< 2.4.71>"));
        assertEquals("false", on24("> 2.4.71>"));
        assertEquals("true", on24("= 2.4.71>"));
        assertEquals("true", on24("== 2.4.71>"));
        assertEquals("false", on24("= 2.4>"));
        assertEquals("false", on24("= 2.1>"));
        assertEquals("true", on24("2.4.71>"));
    }

    @Test
    void negation() {
        assertEquals("true", on24("!= 2.2>"));
        assertEquals("false", on24("!>= 2.4>"));
        assertEquals("true", on24("!~ ^2\\.2>"));
        // httpd: a lone '!' is the version when it is the only word
        assertEquals(IfVersion.INVALID_VERSION, on24("!>"));
        assertEquals("unrecognized operator '!'", on24("! 2.4>"));
    }

    @Test
    void regularExpressions() {
        // httpd: both Syntax OK and read
        assertEquals("true", on24("= /^2\\.4/>"));
        assertEquals("true", on24("~ ^2\\.4\\.71$>"));
        assertEquals("false", on24("~ ^2\\.2>"));
        // httpd: "Missing delimiting / of regular expression."
        assertEquals("Missing delimiting / of regular expression.", on24("= /2.4>"));
        assertEquals("Missing delimiting / of regular expression.", on24("= />"));
        // httpd: "Unable to compile regular expression"
        assertEquals("Unable to compile regular expression", on24("~ (>"));
    }

    @Test
    void theOperatorIsAWordOfItsOwn() {
        // httpd: "Version appears to be invalid. ..." for ">=2.4"
        assertEquals(IfVersion.INVALID_VERSION, on24(">=2.4>"));
        // httpd: "unrecognized operator '=>'"
        assertEquals("unrecognized operator '=>'", on24("=> 2.4>"));
        assertEquals("unrecognized operator '~='", on24("~= 2.4>"));
    }

    @Test
    void theClosingBracketEndsTheVersionOrStandsAlone() {
        // httpd: Syntax OK for both
        assertEquals("true", on24(">= \"2.4\" >"));
        assertEquals("false", on24("\"2.4\">"));
        // httpd: "<IfVersion> directive missing closing '>'"
        assertEquals("<IfVersion> directive missing closing '>'", on24("= 2.4 x>"));
        assertEquals("<IfVersion> directive missing closing '>'", on24("= 2.4"));
        assertEquals("<IfVersion takes one, two or three arguments, a comparison operator, a version (and a"
                + " delimiter)", on24("= 2.4 x y>"));
        // httpd: "<IfVersion>" alone takes "=" for the version
        assertEquals(IfVersion.INVALID_VERSION, on24(">"));
    }

    @Test
    void versionsAreMajorMinorPatchWithMissingPartsZero() {
        assertArrayEquals(new int[] {2, 4, 0}, IfVersion.parse("2.4"));
        assertArrayEquals(new int[] {2, 0, 0}, IfVersion.parse("2"));
        assertArrayEquals(new int[] {2, 4, 0}, IfVersion.parse("2.4."));
        // httpd 2.4.71: "<IfVersion 2..4>" is Syntax OK, an empty part is 0
        assertArrayEquals(new int[] {2, 0, 4}, IfVersion.parse("2..4"));
        assertNull(IfVersion.parse("2.4.x"));
        assertNull(IfVersion.parse("2.4.71.1"));
        assertNull(IfVersion.parse("v2"));
        assertNull(IfVersion.parse(""));
        // httpd: "Version appears to be invalid. ..."
        assertEquals(IfVersion.INVALID_VERSION, on24("= 2.4.x>"));
    }

    @Test
    void theDeclaredVersionDecides() {
        assertEquals("true", verdict(IfVersion.evaluate("< 2.4>", "2.2")));
        assertEquals("true", verdict(IfVersion.evaluate("= 2.2.34>", "2.2")));
        assertEquals("2.2.34", IfVersion.release("2.2"));
        assertEquals("2.4.71", IfVersion.release("2.4"));
    }
}
