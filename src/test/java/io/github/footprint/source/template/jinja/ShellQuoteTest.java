package io.github.footprint.source.template.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.github.footprint.base.Secrets;

/**
 * Ansible's {@code quote} filter is Python's {@code shlex.quote}; a secret value carries masking markers that are not
 * characters of the value, so the decision to quote is made on the value alone (found by the fast path's
 * differential test: {@code s3cret | quote} gave {@code 's3cret'} where Ansible gives {@code s3cret}).
 */
class ShellQuoteTest {
    @Test
    void asPythonsShlexQuote() {
        // python3 -c 'import shlex; print([shlex.quote(s) for s in ["", "s3cret", "a b", "it'"'"'s"]])'
        assertEquals("''", Filters.shellQuote(""));
        assertEquals("s3cret", Filters.shellQuote("s3cret"));
        assertEquals("'a b'", Filters.shellQuote("a b"));
        assertEquals("'it'\"'\"'s'", Filters.shellQuote("it's"));
    }

    @Test
    void aSecretValueIsQuotedAsItsValueIs() {
        assertEquals("s3cret", Secrets.strip(Filters.shellQuote(Secrets.wrap("s3cret"))));
        assertEquals(Secrets.wrap("s3cret"), Filters.shellQuote(Secrets.wrap("s3cret")), "the markers stay");
        assertEquals("'a b'", Secrets.strip(Filters.shellQuote(Secrets.wrap("a b"))));
        assertEquals("user=" + "'a b'", "user=" + Secrets.strip(Filters.shellQuote("\uE010a b\uE011")));
    }
}
