package io.github.footprint.findings;

import io.github.footprint.base.Finding;
import io.github.footprint.base.Severity;

import io.github.footprint.base.Location;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksUrlPasswordsEvenWhenNotCollected() {
        assertEquals("postgresql://app:****@db:5432/app and mysql://u:****@h/x",
                Redactor.none().mask("postgresql://app:pw@db:5432/app and mysql://u:p%40ss@h/x"));
    }

    @Test
    void leavesUrlsWithoutPasswordAlone() {
        assertEquals("postgresql://app@db/app sqlite:///%(here)s/x.db http://host:8080/path",
                Redactor.none().mask("postgresql://app@db/app sqlite:///%(here)s/x.db http://host:8080/path"));
    }

    @Test
    void masksCollectedSecretsLongestFirst() {
        Redactor r = new Redactor(List.of("abc", "abcdef", "x"));
        assertEquals("****, **** and x", r.mask("abcdef, abc and x"));
    }

    @Test
    void shortSecretsAreMaskedAsWordsOnly() {
        Redactor r = new Redactor(List.of("test", "longsecretvalue"));
        // long secrets are masked wherever they stand, short ones only as words
        assertEquals("user **** reads testing.ini; x****x is **** too",
                r.mask("user test reads testing.ini; xlongsecretvaluex is test too"));
    }

    @Test
    void collectsUrlPasswords() {
        assertEquals(List.of("s3cret"), io.github.footprint.base.UrlPasswords.in("sqlalchemy.url = postgresql://u:s3cret@db/app"));
    }

    @Test
    void masksFindingMessagesOnly() {
        Finding f = new Finding("FP001", Severity.ERROR, "line holds topsecret", new Location("a.ini", 3));
        Finding m = new Redactor(List.of("topsecret")).mask(f);
        assertEquals("line holds ****", m.message());
        assertEquals(f.location(), m.location());
    }
}
