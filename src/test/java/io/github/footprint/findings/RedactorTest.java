package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Secrets;
import io.github.footprint.base.Severity;

import io.github.footprint.base.Location;

import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;

class RedactorTest {
    private static final char O = Secrets.OPEN;
    private static final char C = Secrets.CLOSE;

    @Test
    void masksMarkedSpansAndNothingElse() {
        assertEquals("postgresql://app:****@db:5432/app and mysql://u:p@h/x",
                Redactor.none().mask("postgresql://app:" + O + "pw" + C + "@db:5432/app and mysql://u:p@h/x"));
    }

    @Test
    void aTextThatEqualsASecretElsewhereIsNoSecretHere() {
        // kohakurei/ansible-role-ckan: the database password is ckan_default, and so is the daemon's name; only the
        // marked value is masked, the name (no reader marked it) stays
        String text = "WSGIDaemonProcess ckan_default: postgresql://ckan_default:" + O + "ckan_default" + C
                + "@db/ckan";
        assertEquals("WSGIDaemonProcess ckan_default: postgresql://ckan_default:****@db/ckan",
                Redactor.none().mask(text));
        assertEquals("apache/Vh0stFile1.conf:3", Redactor.none().maskLocation("apache/Vh0stFile1.conf:3"));
    }

    @Test
    void masksFindingMessagesOnly() {
        Finding f = new Finding("FP001", Severity.ERROR, "line holds " + O + "topsecret" + C,
                new Location("a.ini", 3));
        Finding m = Redactor.none().mask(f);
        assertEquals("line holds ****", m.message());
        assertEquals(f.location(), m.location());
    }
}
