package io.github.footprint.parse.ini;

import io.github.footprint.base.Secrets;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written cases of configparser's grammar as PasteDeploy uses it. Every expectation below was taken
 * from {@code src/test/resources/python/read_ini.py} (Python 3.11 configparser, strict, optionxform=str).
 */
class PasteIniReaderTest {
    @TempDir
    Path dir;

    private IniDocument read(String text) {
        Trees.write(dir, files("t.ini", text));
        return new PasteIniReader().read(Trees.load(dir, new Properties(), false).get("t.ini").orElseThrow());
    }

    private static Map<String, String> values(IniSection s) {
        Map<String, String> m = new LinkedHashMap<>();
        // values of keys named key are marked secret (masked in reports): the markers are no part of the value
        s.entries().forEach(e -> m.put(e.key(), Secrets.strip(e.value())));
        return m;
    }

    private static List<String> problems(IniDocument d) {
        return d.problems().stream().map(p -> p.location().line() + ": " + p.message()).collect(Collectors.toList());
    }

    @Test
    void indentedLinesContinueTheValueAndAKeyWithAnEmptyFirstLineKeepsTheNewline() {
        IniDocument d = read("[app:main]\npyramid.includes =\n    pyramid_debugtoolbar\n    pyramid_tm\nnext = 1\n");
        assertEquals(List.of(), problems(d));
        assertEquals(Map.of("pyramid.includes", "\npyramid_debugtoolbar\npyramid_tm", "next", "1"),
                values(d.section("app:main").orElseThrow()));
        assertEquals(2, d.section("app:main").orElseThrow().get("pyramid.includes").orElseThrow().location().line());
    }

    @Test
    void emptyLinesInsideAValueAreKeptTrailingOnesDropped() {
        IniDocument d = read("[a]\nk = one\n\n   two\n\n\nx = 1\n");
        assertEquals(Map.of("k", "one\n\ntwo", "x", "1"), values(d.section("a").orElseThrow()));
    }

    @Test
    void colonIsADelimiterTooTheFirstDelimiterWinsAndKeysMayHoldSpaces() {
        IniDocument d = read("[a]\nk: v : w\nkey with spaces = v\n  spaced key   :  x  \n");
        assertEquals(List.of("k", "key with spaces"), List.copyOf(values(d.section("a").orElseThrow()).keySet()));
        assertEquals("v : w", d.section("a").orElseThrow().get("k").orElseThrow().value());
        // indented: a continuation of the previous value, not a key
        assertEquals("v\nspaced key   :  x", Secrets.strip(d.section("a").orElseThrow().get("key with spaces")
                .orElseThrow().value()));
    }

    @Test
    void indentedFirstKeysAreKeys() {
        IniDocument d = read("[a]\n  indented = 1\n  other = 2\n");
        assertEquals(Map.of("indented", "1", "other", "2"), values(d.section("a").orElseThrow()));
    }

    @Test
    void emptyValues() {
        IniDocument d = read("[a]\nk=\n  x\nj :\n");
        assertEquals(Map.of("k", "\nx", "j", ""), values(d.section("a").orElseThrow()));
    }

    @Test
    void duplicateKeyStopsReadingAtItsLine() {
        IniDocument d = read("[a]\nk = 1\nk = 2\nj = 3\n");
        assertEquals(List.of("3: option 'k' in section 'a' already exists (line 2): configparser stops with"
                    + " DuplicateOptionError; keep one of the two"), problems(d));
        assertEquals(Severity.ERROR, d.problems().get(0).severity());
        assertEquals(ParseProblem.Kind.SYNTAX, d.problems().get(0).kind());
        assertEquals("t.ini", d.problems().get(0).location().file());
    }

    @Test
    void duplicateSectionStopsReadingAtItsLine() {
        IniDocument d = read("[a]\nk = 1\n[b]\n[a]\nj = 2\n");
        assertEquals(List.of("4: section 'a' already exists (line 1): configparser stops with DuplicateSectionError; merge"
                    + " the two sections"), problems(d));
    }

    @Test
    void defaultMayBeRepeatedButNotItsKeys() {
        IniDocument d = read("[DEFAULT]\nd = 1\n[DEFAULT]\ne = 2\n[a]\nd = 3\n");
        assertEquals(List.of(), problems(d));
        assertEquals(Map.of("d", "1", "e", "2"), values(d.defaults()));
        assertEquals(List.of("a"), d.sections().stream().map(IniSection::name).collect(Collectors.toList()));
        assertEquals(Map.of("d", "3"), values(d.section("a").orElseThrow()));

        IniDocument dup = read("[DEFAULT]\nd = 1\n[DEFAULT]\nd = 2\n");
        assertEquals(List.of("4: option 'd' in section 'DEFAULT' already exists (line 2): configparser stops with"
                    + " DuplicateOptionError; keep one of the two"), problems(dup));
    }

    @Test
    void missingSectionHeaderIsReportedAtTheFirstContentLine() {
        IniDocument d = read("# c\nk = 1\n[a]\n");
        assertEquals(List.of("2: 'k = 1' comes before any section header: configparser stops with"
                    + " MissingSectionHeaderError; put a section header such as [app:main] above it"), problems(d));
    }

    @Test
    void aFirstHeaderWithoutItsBracketSaysTheBracketIsMissing() {
        // configparser: MissingSectionHeaderError at line 1, quoting '[app:main\n'
        IniDocument d = read("# c\n[app:main\nuse = egg:x\n");
        assertEquals(List.of("2: '[app:main' is a section header without its closing ']': configparser stops with"
                    + " MissingSectionHeaderError; write [app:main]"), problems(d));
        IniDocument empty = read("[]\nx = 1\n");
        assertEquals(List.of("1: '[]' is a section header without a name: configparser stops with"
                    + " MissingSectionHeaderError; name the section between the brackets, such as [app:main]"), problems(empty));
    }

    @Test
    void aLaterHeaderWithoutItsBracketSaysTheBracketIsMissing() {
        // configparser: ParsingError, [line  3]: '[server\n'
        IniDocument d = read("[app:main]\nuse = egg:x\n[server\nport = 1\n");
        assertEquals(List.of("3: '[server' is a section header without its closing ']': configparser raises ParsingError;"
                    + " write [server]"), problems(d));
    }

    @Test
    void noBreakSpaceIsWhiteSpaceToPython() {
        IniDocument d = read("[a]\n\u00a0k\u00a0=\u00a0v\u00a0\n");
        assertEquals(List.of(), problems(d));
        assertEquals(Map.of("k", "v"), values(d.section("a").orElseThrow()));
    }

    @Test
    void aLineStartingWithABracketIsNotAlwaysAHeader() {
        IniDocument d = read("[a]\n[foo = bar\nk = v\n  [not a header]\n");
        assertEquals(List.of(), problems(d));
        assertEquals(Map.of("[foo", "bar", "k", "v\n[not a header]"), values(d.section("a").orElseThrow()));
    }

    @Test
    void headerRunsToTheLastBracketAndKeepsItsSpaces() {
        IniDocument d = read("[ app:main ] ; trailing\nk = v\n[x]]\n");
        assertEquals(List.of(" app:main ", "x]"), d.sections().stream().map(IniSection::name).collect(Collectors.toList()));
        // PasteDeploy's _find_sections: section.startswith("app:") and the rest stripped
        assertEquals(" app", d.sections().get(0).prefix());
        assertEquals("main", d.sections().get(0).shortName());
        IniDocument names = read("[app]\n[app: blog ]\n[app:]\n[filter:x:y]\n[composite :main]\n");
        assertEquals(List.of("app main", "app blog", "app ", "filter x:y", "composite  main"), names.sections().stream()
                .map(s -> s.prefix() + " " + s.shortName()).collect(Collectors.toList()));
    }

    @Test
    void backslashDoesNotEscapeTheDelimiter() {
        IniDocument d = read("[a]\na\\=b = c\n");
        assertEquals(Map.of("a\\", "b = c"), values(d.section("a").orElseThrow()));
    }

    @Test
    void commentsAreWholeLinesEvenIndentedAndNeverInline() {
        IniDocument d = read("[a]\nk = v\n    # indented comment\n  ; other\n  more\n\t#tab comment\nj = v # neither ; nor\n");
        assertEquals(Map.of("k", "v\nmore", "j", "v # neither ; nor"), values(d.section("a").orElseThrow()));
    }

    @Test
    void parsingErrorsAreCollectedAndReadingGoesOn() {
        IniDocument d = read("[a]\nk = 1\nnovalue\n=x\nj = 2\n");
        assertEquals(List.of("3: 'novalue' has no '=' or ':': configparser raises ParsingError; write key = value, or"
                    + " indent it to continue the value above",
                "4: '=x' has no key before its '=': configparser raises ParsingError; write the key's name"
                    + " before it"), problems(d));
        assertEquals(Map.of("k", "1", "", "x", "j", "2"), values(d.section("a").orElseThrow()));
    }

    @Test
    void aDuplicateAfterAParsingErrorIsWhatPythonRaisesAndBothAreReported() {
        // configparser raises DuplicateOptionError at line 4; the ParsingError of line 2 would come next
        IniDocument d = read("[a]\nbad line\nk = 1\nk = 2\n");
        assertEquals(List.of(2, 4), d.problems().stream().map(p -> p.location().line()).collect(Collectors.toList()));
        assertTrue(problems(d).get(1).contains("DuplicateOptionError"));
    }

    @Test
    void keysAreCaseSensitive() {
        IniDocument d = read("[a]\nKey = 1\nkey = 2\n");
        assertEquals(List.of(), problems(d));
        assertEquals(Map.of("Key", "1", "key", "2"), values(d.section("a").orElseThrow()));
    }
}
