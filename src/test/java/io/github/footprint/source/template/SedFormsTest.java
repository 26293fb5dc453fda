package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * One set of forms is shared by every loading thread ({@link SedForms#DEFAULT}, or the project's): reading a
 * placeholder's name must leave the set as it was, while another thread asks whether a text may hold one.
 */
class SedFormsTest {
    @Test
    void namesAndPrefixes() {
        SedForms f = SedForms.parse("%NAME%,@NAME@,{{NAME}}");
        assertEquals("DB_HOST", f.name("%DB_HOST%"));
        assertEquals("PORT", f.name("{{PORT}}"));
        assertTrue(f.mayOccurIn("listen {{PORT"));
        assertFalse(f.mayOccurIn("ServerName example.com"));
    }

    @Test
    void readingNamesOnOneThreadWhileAnotherAsksChangesNothing() throws Exception {
        SedForms f = SedForms.parse("%NAME%,@NAME@,__NAME__");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; i < 200_000; i++) {
                    f.name("__SITE_" + (i % 10) + "__");
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        reader.start();
        try {
            while (reader.isAlive()) {
                assertFalse(f.mayOccurIn("WSGIDaemonProcess app processes=2 threads=15"));
            }
        } finally {
            reader.join();
        }
        assertNull(failure.get());
        assertEquals(SedForms.parse("%NAME%,@NAME@,__NAME__"), f);
    }
}
