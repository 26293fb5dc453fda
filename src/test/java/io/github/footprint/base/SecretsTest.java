package io.github.footprint.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final char O = Secrets.OPEN;
    private static final char C = Secrets.CLOSE;

    @Test
    void secretNames() {
        for (String n : List.of("password", "db.password", "DB_PASSWORD", "PGPASSWORD", "passwd", "secret-token",
                "beaker.session.secret", "api_token", "SECRET_KEY", "session.key", "db_pass", "DB_PW", "pwd", "apiKey",
                "dbPassword", "vault_db", "aws_credentials")) {
            assertTrue(Secrets.isSecretName(n), n);
        }
        for (String n : List.of("processes", "threads", "monkey", "keepalive", "KeepAlive", "bypass", "passenger",
                "sqlalchemy.url", "display-name", "hotkeys", "use", "pass-authorization", "pass-apache-request",
                "WSGIPassAuthorization", "")) {
            assertFalse(Secrets.isSecretName(n), n);
        }
    }

    @Test
    void maskReplacesMarkedSpansNestedOrCut() {
        assertEquals("a **** b", Secrets.mask("a " + O + "x" + O + "y" + C + "z" + C + " b"));
        // opened, never closed: masked to the end
        assertEquals("a ****", Secrets.mask("a " + O + "xyz"));
        // a close without its open masks back to the quote
        assertEquals("found: '****'", Secrets.mask("found: '%Lm2" + C + "'"));
        assertEquals("plain", Secrets.mask("plain"));
    }

    @Test
    void cutClosesTheSpanItFallsIn() {
        String v = "key = " + O + "TopSecretValue" + C + " and more";
        String cut = Secrets.cut(v, 12);
        assertEquals("key = " + O + "TopSec" + C, cut);
        assertEquals("key = ****", Secrets.mask(cut));
    }

    @Test
    void urlPasswordsEndAtTheLastAtSign() {
        assertEquals("postgresql://app:" + O + "p@ss@w0rd" + C + "@db/app",
                Secrets.markUrlPasswords("postgresql://app:p@ss@w0rd@db/app"));
        assertEquals("mysql://u:" + O + "a/b" + C + "@h/x", Secrets.markUrlPasswords("mysql://u:a/b@h/x"));
        for (String plain : List.of("http://host:8080/path?mail=a@b", "postgresql://app@db/app", "sqlite:///x.db",
                "http://host/a:b@c")) {
            assertEquals(plain, Secrets.markUrlPasswords(plain));
        }
        assertEquals(List.of("p%40ssW0rdQ"), UrlPasswords.in("x = postgresql://app:p%40ssW0rdQ@db/app"));
    }

    @Test
    void aPieceOfASecretIsNotAPlaceholderStandingForOne() {
        assertTrue(Secrets.pieceOfSecret("u:" + O + "p@ss@w0rd" + C + "@db", "@ss@"));
        assertFalse(Secrets.pieceOfSecret("u:" + O + "${db.password}" + C + "@db", "${db.password}"));
        assertFalse(Secrets.pieceOfSecret("x ${a} u:" + O + "${a}b" + C, "${a}"));
    }

    private static final String GREEK = "αβγδεζηθικλμνξοπρστυφχψω";

    @Provide
    Arbitrary<String> secrets() {
        Arbitrary<String> inner = Arbitraries.strings().withChars((GREEK + "0123456789%@/\\'=:#").toCharArray())
                .ofMinLength(0).ofMaxLength(14);
        Arbitrary<Character> greek = Arbitraries.of(GREEK.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        return net.jqwik.api.Combinators.combine(greek, inner, greek, Arbitraries.integers().between(0, 1))
                .as((a, m, b, one) -> one == 1 ? String.valueOf(a) : a + m + b);
    }

    /** Whatever part of a marked value a message quotes, and wherever a cut falls, no letter of the secret shows. */
    @Property(tries = 600)
    void noQuotationOfAMarkedValueShowsTheSecret(@ForAll("secrets") String secret,
            @ForAll("plain") String before, @ForAll("plain") String after,
            @ForAll("fractions") double from, @ForAll("fractions") double to) {
        String v = before + O + secret + C + after;
        int i = (int) (from * v.length());
        int j = Math.max(i, (int) (to * v.length()));
        for (String shown : List.of(Secrets.mask(Secrets.substring(v, i, j)),
                Secrets.mask(Secrets.balance(v.substring(Math.min(i, v.indexOf(O)), j))),
                Secrets.mask(Secrets.cut(v, j)), Secrets.mask(v))) {
            for (char c : shown.toCharArray()) {
                assertTrue(GREEK.indexOf(c) < 0, "'" + shown + "' shows a piece of " + secret);
            }
            assertFalse(Secrets.marked(shown));
        }
    }

    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(" =:'%".toCharArray()).ofMaxLength(12);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }
}
