package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SizesTest {
    @Test
    void parsesBytesAndPowersOf1024() {
        assertEquals(512, Sizes.parse("512"));
        assertEquals(40 * 1024, Sizes.parse("40K"));
        assertEquals(768L << 20, Sizes.parse("768M"));
        assertEquals(2L << 30, Sizes.parse("2GiB"));
        assertEquals(3L << 20, Sizes.parse("3 mib"));
    }

    @Test
    void rejectsEverythingElse() {
        assertEquals(-1, Sizes.parse("2GB"));
        assertEquals(-1, Sizes.parse("1.5G"));
        assertEquals(-1, Sizes.parse("-1"));
        assertEquals(-1, Sizes.parse(""));
        assertEquals(-1, Sizes.parse(null));
    }

    @Test
    void formatsWithTheLargestUnit() {
        assertEquals("512 bytes", Sizes.format(512));
        assertEquals("40 KiB", Sizes.format(40 * 1024));
        assertEquals("195.3 MiB", Sizes.format(40L * 1024 * 5000));
        assertEquals("2 GiB", Sizes.format(2L << 30));
        // just under a unit boundary: one decimal would print 1024.0 of the smaller unit
        assertEquals("1.0 GiB", Sizes.format(1073693248L));
        assertEquals("1.0 MiB", Sizes.format(1048575L));
        assertEquals("1023 bytes", Sizes.format(1023L));
    }

    @Test
    void oneDecimalAsStringFormatRoundsIt() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 300_000; i++) {
            // small steps, then every magnitude, then negative sizes (a headroom that is an overrun) and the ends
            long b = i < 100_000 ? i * 1024L / 10 + i : i < 200_000 ? Math.abs(r.nextLong() >> r.nextInt(64))
                    : i < 299_990 ? -Math.abs(r.nextLong() >> r.nextInt(64))
                    : List.of(Long.MAX_VALUE, Long.MIN_VALUE, 1L << 53, (1L << 53) - 1, -(1L << 53), (1L << 53) + 1,
                            1L << 60, (1L << 60) - 1, 1023L << 50, -1L).get(i - 299_990);
            double v = b;
            String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
            int u = 0;
            while (Math.abs(v) >= 1023.95 && u < units.length - 1) {
                v /= 1024;
                u++;
            }
            String expected = u == 0 ? b + " bytes" : (v == Math.floor(v) ? String.format(java.util.Locale.ROOT, "%d",
                    (long) v) : String.format(java.util.Locale.ROOT, "%.1f", v)) + " " + units[u];
            assertEquals(expected, Sizes.format(b), "bytes " + b);
        }
    }
}
