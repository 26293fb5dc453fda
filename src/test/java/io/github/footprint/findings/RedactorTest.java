package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Secrets;
import io.github.footprint.base.Severity;

import io.github.footprint.base.Location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
    void theSafetyNetMasksOnlyValuesThatLookLikeSecrets() {
        Redactor r = new Redactor(List.of("ckan", "postgres", "test", "Lo7gSecretValue", "p%40ssW0rdQ"));
        // a plain word is no secret where no reader marked it: paths and names stay
        assertEquals("etc/ckan/ckan.ini postgres test", r.mask("etc/ckan/ckan.ini postgres test"));
        // one that looks like a secret is masked in free text, as written and percent-decoded
        assertEquals("x****x and **** and ****", r.mask("xLo7gSecretValuex and p%40ssW0rdQ and p@ssW0rdQ"));
    }

    @Test
    void locationsAreNeverMaskedByTheSafetyNet() {
        Redactor r = new Redactor(List.of("Vh0stFile1"));
        assertEquals("apache/Vh0stFile1.conf:3", r.maskLocation("apache/Vh0stFile1.conf:3"));
        assertEquals("apache/****.conf:3", r.mask("apache/Vh0stFile1.conf:3"));
    }

    @Test
    void strongMeansLongAndMixed() {
        assertTrue(Redactor.strong("TopSecretValue"));
        assertTrue(Redactor.strong("s3cr3t-pw"));
        assertFalse(Redactor.strong("postgres"));
        // words joined by _ - . are names (kohakurei/ansible-role-ckan: password and daemon both ckan_default)
        assertFalse(Redactor.strong("ckan_default"));
        assertFalse(Redactor.strong("www-data.example"));
        assertTrue(Redactor.strong("ckan_default_2"));
        assertFalse(Redactor.strong("Ab1"));
        assertFalse(Redactor.strong("%(db_password)s"));
        assertFalse(Redactor.strong("${db.password}"));
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
