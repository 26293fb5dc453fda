package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** glibc's {@code atoi} ({@code (int) strtol(s, NULL, 10)}) and {@code apr_atoi64} ({@code strtoll}). */
class AtoiTest {
    @Test
    void leadingBlanksSignDigitsThenStop() {
        assertEquals(5, Atoi.parse("5x"));
        assertEquals(0, Atoi.parse("abc"));
        assertEquals(0, Atoi.parse(""));
        assertEquals(12, Atoi.parse(" \t\n12"));
        assertEquals(3, Atoi.parse("+3"));
        assertEquals(-4, Atoi.parse("-4"));
        assertEquals(0, Atoi.parse("- 4"));
        assertEquals(0, Atoi.parse("x12"));
        assertEquals(1, Atoi.parse("1k"));
        assertEquals(500, Atoi.parse("500M"));
        assertEquals(12, Atoi.parse("0012"));
        assertEquals(1, Atoi.parse("1.5"));
        assertEquals(0, Atoi.parse("\u00a012"), "no-break space is not C white space");
        assertEquals(0, Atoi.parse("\u0661"), "Arabic-Indic digit is not a C digit");
    }

    @Test
    void sixtyFourBitValuesSaturateAsStrtollDoes() {
        assertEquals(4294967296L, Atoi.parse("4294967296"));
        assertEquals(Long.MAX_VALUE, Atoi.parse("99999999999999999999"));
        assertEquals(Long.MIN_VALUE, Atoi.parse("-99999999999999999999"));
    }

    @Test
    void intValuesAreStrtolCutToThirtyTwoBits() {
        assertEquals(5, Atoi.parseInt("5x"));
        assertEquals(Integer.MAX_VALUE, Atoi.parseInt("2147483647"));
        // glibc: (int) 2147483648L
        assertEquals(Integer.MIN_VALUE, Atoi.parseInt("2147483648"));
        // glibc: (int) 4294967297L == 1, so maximum-requests=4294967297 restarts after every request
        assertEquals(1, Atoi.parseInt("4294967297"));
        assertEquals(1215752191, Atoi.parseInt("99999999999"));
        // strtol saturates at LONG_MAX, whose low 32 bits are -1
        assertEquals(-1, Atoi.parseInt("99999999999999999999"));
        assertEquals(0, Atoi.parseInt("-99999999999999999999"));
    }

    @Test
    void exactMeansNothingIsDropped() {
        assertTrue(Atoi.isExact("5"));
        assertTrue(Atoi.isExact(" -5 "));
        assertFalse(Atoi.isExact("5x"));
        assertFalse(Atoi.isExact(""));
        assertFalse(Atoi.isExact("+"));
    }
}
