package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one edit distance that mistyped option names are matched with (mod_wsgi options, SQLAlchemy arguments). */
class EditDistanceTest {
    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, EditDistance.between("threads", "threads"));
        assertEquals(1, EditDistance.between("threds", "threads"));
        assertEquals(1, EditDistance.between("threadss", "threads"));
        assertEquals(1, EditDistance.between("thrxads", "threads"));
        // a swap of neighbours is one edit (Damerau), not two substitutions
        assertEquals(1, EditDistance.between("thraeds", "threads"));
        assertEquals(7, EditDistance.between("", "threads"));
        // optimal string alignment: no substring is edited twice, so "ca" -> "abc" is 3, not 2
        assertEquals(3, EditDistance.between("ca", "abc"));
    }
}
