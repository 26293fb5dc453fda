package io.github.footprint.parse.apache;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.footprint.base.Severity;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * httpd 2.4's reading of configuration files (server/config.c, server/util.c, server/core.c, mod_version.c),
 * case by case. Messages are httpd's own; where a case was checked against Debian's apache2 2.4.71
 * ({@code apache2 -t}) the comment says "httpd:". Lines are the template line of the directive's first
 * physical line (httpd names the last physical line of a continued directive, and names the opening line of
 * an {@code <IfModule>} for errors found while skipping its body).
 */
class ApacheParserTest {
    private static final String PRE = "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n";
    private static final String MACRO = "LoadModule macro_module /usr/lib/apache2/modules/mod_macro.so\n";

    @TempDir
    Path dir;

    /** Reads a tree whose main file is apache2.conf (if written), as CheckEngine does. */
    private ApacheConfig read(String version, Map<String, String> env, String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        return Trees.apache(Trees.load(dir), version, "event", env);
    }

    private ApacheConfig read(String... pathsAndTexts) {
        return read("2.4", Map.of(), pathsAndTexts);
    }

    /** A main file that loads the event MPM, then {@code text}. */
    private ApacheConfig main(String text) {
        return read("apache2.conf", PRE + text);
    }

    /** {@code line: message} of every problem, main file lines counted after {@link #PRE}. */
    private static List<String> problems(ApacheConfig c) {
        return c.problems().stream().map(p -> p.location().line() + ": " + p.message()).collect(Collectors.toList());
    }

    /** {@code Name args} of every directive, depth first, sections as {@code <Name args>}. */
    private static List<String> tree(ApacheConfig c) {
        List<String> out = new ArrayList<>();
        c.walk(d -> out.add(d.isSection() ? "<" + d.name() + " " + d.args() + ">" : d.name() + " " + d.args()));
        return out;
    }

    private static List<String> named(ApacheConfig c, String name) {
        return c.find(name).stream().map(d -> d.args().toString()).collect(Collectors.toList());
    }

    // ---------------------------------------------------------------- lines, comments, continuation

    @Test
    void commentsAndBlankLinesAreSkippedAndLinesAreTrimmed() {
        ApacheConfig c = main("# comment\n\n   \t\n   Timeout   5   \n\t# indented comment\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]", "Timeout [5]"),
                tree(c));
        assertEquals(5, c.find("Timeout").get(0).location().line());
        assertEquals("apache2.conf", c.find("Timeout").get(0).location().file());
    }

    @Test
    void commentsCannotShareALineWithADirective() {
        ApacheConfig c = main("Timeout 5 # five\n");
        assertEquals(List.of("[5, #, five]"), named(c, "Timeout"));
    }

    @Test
    void aBackslashAtTheLineEndJoinsTheNextLineKeepingItsLeadingSpace() {
        ApacheConfig c = main("Options Indexes \\\n    FollowSymLinks\\\nMultiViews\nTimeout 5\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[Indexes, FollowSymLinksMultiViews]"), named(c, "Options"));
        assertEquals("Indexes     FollowSymLinksMultiViews", c.find("Options").get(0).rawArgs());
        assertEquals(2, c.find("Options").get(0).location().line());
        assertEquals(5, c.find("Timeout").get(0).location().line());
    }

    @Test
    void continuationWorksInsideQuotesAndSectionHeaders() {
        ApacheConfig c = main("Single 'Foo\\\nbar'\n<VirtualHost \\\n    0.0.0.0:7080 \\\n    127.0.0.1:7080 \\\n    >\n"
                + "ServerName x\n</VirtualHost>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[Foobar]"), named(c, "Single"));
        Directive vhost = c.directives().get(2);
        assertTrue(vhost.isSection());
        assertEquals(List.of("0.0.0.0:7080", "127.0.0.1:7080"), vhost.args());
        assertEquals(4, vhost.location().line());
        assertEquals("x", vhost.children().get(0).arg());
    }

    @Test
    void aCommentEndingInABackslashSwallowsTheNextLine() {
        ApacheConfig c = main("#ServerRoot \\\n  /var/www\n# \\\n\\\na \\\n\\\n\nTimeout 5\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]", "Timeout [5]"),
                tree(c));
    }

    @Test
    void aBackslashOnTheLastLineIsDropped() {
        ApacheConfig c = main("Timeout 5 \\\n");
        assertEquals(List.of("[5]"), named(c, "Timeout"));
    }

    @Test
    void inHttpd24AnEscapedBackslashAtTheLineEndStillContinues() {
        // httpd 2.4.71: "ServerAdmin foo\\" + "ServerAdmin bar" is one line, "ServerAdmin takes one argument"
        ApacheConfig c = main("ServerAdmin foo\\\\\nServerAdmin bar\nA x\\\\\\\nb\n\\\nTimeout 5\n");
        assertEquals(List.of("[foo\\ServerAdmin, bar]"), named(c, "ServerAdmin"));
        assertEquals(List.of("[x\\b]"), named(c, "A"));
        assertEquals(List.of("[5]"), named(c, "Timeout"));
    }

    @Test
    void inHttpd22AnEscapedBackslashAtTheLineEndEndsTheLineAndLosesTheEscape() {
        ApacheConfig c = read("2.2", Map.of(), "apache2.conf", PRE + "ServerAdmin foo\\\\\nServerAdmin bar\n"
                + "A x\\\\\\\nb\n");
        assertEquals(List.of("[foo\\]", "[bar]"), named(c, "ServerAdmin"));
        // util.c of 2.2 looks at one character before the last backslash only: "x\\\" keeps two, then ends
        assertEquals(List.of("[x\\]"), named(c, "A"));
        assertEquals(List.of("[]"), named(c, "b"));
    }

    @Test
    void linesAreTrimmedOfCWhiteSpaceOnly() {
        // httpd's isspace() knows no Unicode: an ideographic space is part of the first word
        ApacheConfig c = main("\u3000Timeout 5\n\u00a0# not a comment to httpd\n");
        assertTrue(named(c, "Timeout").isEmpty());
        assertEquals(List.of("[5]"), named(c, "\u3000Timeout"));
        assertEquals(List.of("[not, a, comment, to, httpd]"), named(c, "\u00a0#"));
    }

    // ---------------------------------------------------------------- words and names

    @Test
    void argumentsAreSplitByApGetwordConf() {
        ApacheConfig c = main("Foo \"a b\" 'c d' e\"f g\" \"h\"i\n");
        assertEquals(List.of("[a b, c d, e\"f, g\", h, i]"), named(c, "Foo"));
        assertEquals("\"a b\" 'c d' e\"f g\" \"h\"i", c.find("Foo").get(0).rawArgs());
    }

    @Test
    void namesAndCloseTagsAreCaseInsensitive() {
        ApacheConfig c = main("<virtualhost *:80>\nservername a\n</VIRTUALHOST>\n<ifModule mpm_event_module>\nTimeout 5\n"
                + "</IFMODULE>\n");
        assertEquals(List.of(), problems(c));
        Directive vhost = c.directives().get(1);
        assertTrue(vhost.is("VirtualHost"));
        assertEquals("virtualhost", vhost.name());
        assertEquals(List.of("[a]"), named(c, "ServerName"));
        assertEquals(List.of("[5]"), named(c, "timeout"));
    }

    // ---------------------------------------------------------------- sections

    @Test
    void sectionsNestAndKeepTheirArguments() {
        ApacheConfig c = main("<VirtualHost *:80>\n  <Directory \"/srv/app\">\n    Require all granted\n  </Directory>\n"
                + "  <Files ~ \"^\\.ht\">\n  </Files>\n</VirtualHost>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]",
                "<VirtualHost [*:80]>", "<Directory [/srv/app]>", "Require [all, granted]", "<Files [~, ^\\.ht]>"),
                tree(c));
        Directive require = c.find("Require").get(0);
        assertEquals("Directory", require.parent().name());
        assertEquals("VirtualHost", require.enclosing("virtualhost").name());
    }

    @Test
    void anUnclosedSectionIsReportedAtItsOpeningLine() {
        // httpd: "<VirtualHost> was not closed."
        assertEquals(List.of("2: <VirtualHost> was not closed."), problems(main("<VirtualHost *:80>\nServerName a\n")));
        // httpd: both, innermost first
        assertEquals(List.of("3: <Directory> was not closed.", "2: <VirtualHost> was not closed."),
                problems(main("<VirtualHost *:80>\n<Directory />\n")));
    }

    @Test
    void aMismatchedCloseTagNamesBoth() {
        // httpd: "Expected </Directory> but saw </Location>"
        assertEquals(List.of("3: Expected </Directory> but saw </Location>"),
                problems(main("<Directory />\n</Location>\n")));
        assertEquals(ParseProblem.Kind.SYNTAX, main("<Directory />\n</Location>\n").problems().get(0).kind());
        assertEquals(Severity.ERROR, main("<Directory />\n</Location>\n").problems().get(0).severity());
    }

    @Test
    void aCloseTagWithoutOpenTag() {
        // httpd: "</Directory> without matching <Directory> section"
        assertEquals(List.of("2: </Directory> without matching <Directory> section"), problems(main("</Directory>\n")));
    }

    @Test
    void aSectionHeaderWithoutClosingBracket() {
        ApacheConfig c = main("<a> # a comment\nMyDirective Foo\n</a>\n");
        assertEquals(List.of("2: <a> directive missing closing '>'"), problems(c).subList(0, 1));
    }

    @Test
    void theLastBracketEndsAHeaderSoATrailingCommentWithoutOneIsIgnored() {
        // httpd: dirsection() cuts the arguments at the last '>': "<Directory /> # c" is Syntax OK
        ApacheConfig c = main("<Directory /> # c\n</Directory>\n<If cond># text\n</If>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("/"), c.directives().get(1).args());
        assertEquals(List.of("cond"), c.directives().get(2).args());
    }

    @Test
    void severalTagsOnOneLineAreOneTag() {
        // httpd: "<Directory> was not closed." and "<FilesMatch> was not closed."
        assertEquals(List.of("2: <Directory> was not closed."), problems(main("<Directory /></Directory>\n")));
        assertEquals(List.of("2: <FilesMatch> was not closed."),
                problems(main("<FilesMatch \\ test\\.php$></FilesMatch>\n")));
        // httpd: "Expected </IfModule> before end of configuration"
        assertEquals(List.of("2: Expected </IfModule> before end of configuration"),
                problems(main("<IfModule foo></IfModule>\n")));
    }

    @Test
    void aCloseTagIgnoresWhatFollowsIt() {
        // mod_ssl is loaded: "</VirtualHost> </IfModule>" closes the vhost only; the true <IfModule> is then left
        // open at the end of the file, which httpd accepts silently
        ApacheConfig c = main("LoadModule ssl_module mod_ssl.so\n<IfModule mod_ssl.c>\n  <VirtualHost *:443>\n"
                + "  ServerAdmin admin@example.com\n  </VirtualHost> </IfModule>\nTimeout 5\n");
        assertEquals(List.of(), problems(c));
        assertEquals("IfModule", c.find("Timeout").get(0).parent().name());
        // mod_ssl is not loaded: httpd skips the body looking for </IfModule> and reaches the end
        assertEquals(List.of("2: Expected </IfModule> before end of configuration"),
                problems(main("<IfModule mod_ssl.c>\n  <VirtualHost *:443>\n  </VirtualHost> </IfModule>\n")));
    }

    @Test
    void aCloseTagWithMoreThanItsNameIsNotAClosedTag() {
        // httpd: "</VirtualHost> directive missing closing '>'" for both
        assertEquals(List.of("3: </VirtualHost> directive missing closing '>'"),
                problems(main("<VirtualHost *:80>\n</VirtualHost foo>\n")));
        assertEquals(List.of("3: </VirtualHost> directive missing closing '>'"),
                problems(main("<VirtualHost *:80>\n</VirtualHost\n")));
    }

    @Test
    void aTrueConditionalEndsOnlyAtALineThatIsExactlyItsCloseTag() {
        // httpd: "</ifmodule without matching <ifmodule section"
        assertEquals(List.of("3: </ifmodule without matching <ifmodule section"),
                problems(main("<IfModule mpm_event_module>\n</ifmodule >\n")));
        // httpd: "</IfModule> without matching <IfModule> section"
        assertEquals(List.of("3: </IfModule> without matching <IfModule> section"),
                problems(main("<IfModule mpm_event_module>\n</IfModule> </VirtualHost>\n")));
        // httpd: "</IfModule without matching <IfModule section"
        assertEquals("4: </IfModule without matching <IfModule section",
                problems(main("<IfModule mpm_event_module>\nTimeout 5\n</IfModule foo>\n")).get(0));
    }

    @Test
    void aSectionOpenedOutsideATrueConditionalCannotBeClosedInsideIt() {
        // httpd: "</VirtualHost> without matching <VirtualHost> section" (httpd stops there; we read on)
        assertEquals("4: </VirtualHost> without matching <VirtualHost> section",
                problems(main("<VirtualHost *:80>\n<IfModule mpm_event_module>\n</VirtualHost>\n</IfModule>\n")).get(0));
        // httpd: "Expected </VirtualHost> but saw </IfModule>"
        assertEquals("4: Expected </VirtualHost> but saw </IfModule>",
                problems(main("<IfModule mpm_event_module>\n<VirtualHost *:80>\n</IfModule>\n")).get(0));
    }

    @Test
    void aSectionLeftOpenInsideATrueConditionalPassesAsInHttpd() {
        // httpd 2.4.71: Syntax OK (ap_build_cont_config does not check its own tree at the end of the file)
        ApacheConfig c = main("<IfModule mpm_event_module>\n<VirtualHost *:80>\nServerName a\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[a]"), named(c, "ServerName"));
        // outside the conditional the check applies again
        assertEquals(List.of("2: <VirtualHost> was not closed."),
                problems(main("<VirtualHost *:80>\n<IfModule mpm_event_module>\nServerName a\n")));
    }

    @Test
    void skippedBodiesAreCheckedForNestingAndStopAtTheFirstError() {
        // httpd: "Expected </IfModule> but saw </IfModul>": the last character of a close tag is cut, whatever it is
        // ... reported, as httpd does, at the line of the skipped block's opening tag
        assertEquals(List.of("2: Expected </IfModule> but saw </IfModul> (line 3, in a block httpd skips)"),
                problems(main("<IfModule foo>\n</IfModule foo>\n")));
        // httpd: "Syntax error on line 2 ...: Expected </VirtualHost> before end of configuration", at the <IfModule>
        assertEquals(List.of("2: Expected </VirtualHost> before end of configuration (line 3, in a block httpd skips)"),
                problems(main("<IfModule foo>\n<VirtualHost *:80>\n")));
        // httpd: "Expected </VirtualHost> but saw </IfModule>"
        assertEquals(List.of("2: Expected </VirtualHost> but saw </IfModule> (line 4, in a block httpd skips)"),
                problems(main("<IfModule foo>\n<VirtualHost>\n</IfModule>\n")));
        // the registered name, not the spelling, is what httpd prints
        assertEquals(List.of("2: Expected </IfModule> before end of configuration"), problems(main("<ifmodule foo>\n")));
    }

    @Test
    void aFalseConditionalThatIsNotClosed() {
        // httpd: "Expected </IfModule> before end of configuration"
        assertEquals(List.of("2: Expected </IfModule> before end of configuration"),
                problems(main("<IfModule foo>\nTimeout 5\n")));
    }

    @Test
    void aTrueConditionalThatIsNotClosedIsAcceptedAsHttpdDoes() {
        // httpd 2.4.71: Syntax OK
        ApacheConfig c = main("<IfModule mpm_event_module>\nTimeout 5\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[5]"), named(c, "Timeout"));
    }

    @Test
    void theBodyOfAFalseConditionalIsNotRead() {
        ApacheConfig c = main("<IfModule mod_nope.c>\n<VirtualHost *:80>\nInclude nope.conf\n</VirtualHost>\n</IfModule>\n"
                + "Timeout 5\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]", "Timeout [5]"),
                tree(c));
    }

    @Test
    void withoutMacroModuleAMacroIsAnInvalidCommand() {
        // httpd 2.4.71 without mod_macro: "Invalid command '<Macro', perhaps misspelled or defined by a module not
        // included in the server configuration"; the body is not the configuration's
        ApacheConfig c = main("<Macro VHost $name>\n<VirtualHost *:80>\nServerName $name\n</VirtualHost>\n</Macro>\n"
                + "Use VHost a\n");
        assertEquals(List.of("2: Invalid command '<Macro', perhaps misspelled or defined by a module not included in the"
                    + " server configuration; load mod_macro first (LoadModule macro_module)",
                "7: Invalid command 'Use', perhaps misspelled or defined by a module not included in the"
                    + " server configuration; load mod_macro first (LoadModule macro_module)"),
                problems(c));
        assertTrue(c.find("ServerName").isEmpty());
        // read as a section it is: httpd (without mod_macro) "Expected </VirtualHost> but saw </Macro>"
        assertEquals("4: Expected </VirtualHost> but saw </Macro>", problems(main("<Macro VStart $name>\n"
                + "<VirtualHost *:80>\n</Macro>\n")).get(1));
    }

    @Test
    void aMacroBodyEndsAtItsCloseTagWhateverItOpens() {
        // httpd 2.4.71 with mod_macro: Syntax OK, warnings AH02795 and AH02793 only (the </Macro> line itself takes
        // VEnd's nesting below zero)
        ApacheConfig c = main(MACRO + "<Macro VStart $name>\n<VirtualHost *:80>\nServerName $name\n</Macro>\n"
                + "<Macro VEnd>\n</VirtualHost>\n</Macro>\nUse VStart a.example\nUse VEnd\nTimeout 5\n");
        assertEquals(List.of("3: AH02795: bad cumulated nesting (+1) in macro 'vstart' (defined on line 3 of"
                + " \"apache2.conf\")", "9: AH02793: bad (negative) nesting on line 2 of macro 'vend' (defined on line 7"
                + " of \"apache2.conf\")", "7: AH02795: bad cumulated nesting (-1) in macro 'vend' (defined on line 7 of"
                + " \"apache2.conf\")"), problems(c));
        assertTrue(c.problems().stream().allMatch(p -> p.severity() == Severity.WARNING));
        assertEquals(List.of("LoadModule [mpm_event_module, /usr/lib/apache2/modules/mod_mpm_event.so]",
                "LoadModule [macro_module, /usr/lib/apache2/modules/mod_macro.so]", "<VirtualHost [*:80]>",
                "ServerName [a.example]", "Timeout [5]"), tree(c));
        // httpd: "macro 'v' (defined on line 1 of \"/tmp/hx/case.conf\")\n\tcontents error: expected token not found:
        // </Macro>"; "</Macro >" is not the close tag
        ApacheConfig open = main(MACRO + "<Macro V $name>\n<Macro W>\n</Macro>\n</Macro >\nServerName $name\n");
        assertEquals(List.of("3: macro 'v' (defined on line 3 of \"apache2.conf\") contents error: expected token not"
                + " found: </Macro>"), problems(open));
        assertEquals(Severity.ERROR, open.problems().get(0).severity());
    }

    // ---------------------------------------------------------------- conditionals

    @Test
    void ifModuleMatchesTheSourceFileOrTheIdentifier() {
        ApacheConfig c = main("LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so\n"
                + "LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so\n"
                + "<IfModule mod_alias.c>\nA 1\n</IfModule>\n<IfModule alias_module>\nA 2\n</IfModule>\n"
                + "<IfModule mod_wsgi.c>\nA 3\n</IfModule>\n<IfModule wsgi_module>\nA 4\n</IfModule>\n"
                + "<IfModule mod_alias>\nA 5\n</IfModule>\n<IfModule alias.c>\nA 6\n</IfModule>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[1]", "[2]", "[3]", "[4]"), named(c, "A"));
    }

    @Test
    void ifModuleKnowsTheSourceFileOfAModuleWhoseSharedObjectIsNamedOtherwise() {
        // RHEL's python3-mod_wsgi installs mod_wsgi_python3.so; the module is still mod_wsgi.c to <IfModule>
        ApacheConfig c = main("LoadModule wsgi_module modules/mod_wsgi_python3.so\n"
                + "LoadModule php7_module /usr/lib/apache2/modules/libphp7.4.so\n"
                + "<IfModule mod_wsgi.c>\nA 1\n</IfModule>\n<IfModule mod_php7.c>\nA 2\n</IfModule>\n");
        assertEquals(List.of("[1]", "[2]"), named(c, "A"));
    }

    @Test
    void ifModuleForTheMpmMatchesItsSourceFileAndIdentifierOnly() {
        // httpd: event matches event.c and mpm_event_module, not mpm_event.c nor mod_mpm_event.c
        ApacheConfig c = main("<IfModule event.c>\nA 1\n</IfModule>\n<IfModule mpm_event_module>\nA 2\n</IfModule>\n"
                + "<IfModule mpm_event.c>\nA 3\n</IfModule>\n<IfModule mod_mpm_event.c>\nA 4\n</IfModule>\n"
                + "<IfModule mpm_prefork_module>\nA 5\n</IfModule>\n<IfModule prefork.c>\nA 6\n</IfModule>\n");
        assertEquals(List.of("[1]", "[2]"), named(c, "A"));
        assertTrue(c.modules().contains("mpm_event_module"));
        assertFalse(c.modules().contains("mpm_prefork_module"));
    }

    @Test
    void ifModuleNegationAndNestingAndBuiltIns() {
        ApacheConfig c = main("<IfModule !mod_foo.c>\n<IfModule !mpm_winnt.c>\n<IfModule mod_version.c>\n"
                + "<IfModule log_config_module>\n<IfModule so_module>\n<IfModule !mpm_prefork_module>\nDeep 6\n"
                + "</IfModule>\n</IfModule>\n</IfModule>\n</IfModule>\n</IfModule>\n</IfModule>\n"
                + "<IfModule !mpm_event_module>\nNot 1\n</IfModule>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[6]"), named(c, "Deep"));
        assertTrue(named(c, "Not").isEmpty());
        assertEquals(8, c.find("Deep").get(0).location().line());
        assertEquals(7, c.find("Deep").get(0).parent().location().line());
        assertEquals(6, c.find("Deep").get(0).parent().enclosing("IfModule").location().line());
    }

    @Test
    void aModuleCountsFromItsLoadModuleOn() {
        ApacheConfig c = main("<IfModule rewrite_module>\nA 1\n</IfModule>\nLoadModule rewrite_module mod_rewrite.so\n"
                + "<IfModule rewrite_module>\nA 2\n</IfModule>\n");
        assertEquals(List.of("[2]"), named(c, "A"));
    }

    @Test
    void ifModuleWithoutArgument() {
        // httpd: "<IfModule> directive requires additional arguments"
        assertEquals(List.of("2: <IfModule> directive requires additional arguments"),
                problems(main("<IfModule>\n</IfModule>\n")));
        assertEquals(List.of("2: <IfModule> directive requires additional arguments"),
                problems(main("<IfModule>\n</ifModule>\n")));
    }

    @Test
    void aConditionalTestsTheFirstWordAfterTheExclamationMark() {
        // httpd 2.4.71: "<IfModule mpm_event_module foo>" is true, "<IfDefine Foo> #" is Syntax OK
        ApacheConfig c = main("<IfModule mpm_event_module foo>\nA 1\n</IfModule>\n<IfModule ! mod_foo.c>\nA 2\n</IfModule>\n"
                + "<IfModule ! mpm_event_module>\nA 3\n</IfModule>\nDefine Foo\n<IfDefine Foo> #\nA 4\n</IfDefine>\n"
                + "<IfModule \"mpm_event_module\">\nA 5\n</IfModule>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[1]", "[2]", "[4]", "[5]"), named(c, "A"));
        // "!" alone leaves no word
        assertEquals(List.of("2: <IfModule> directive requires additional arguments"),
                problems(main("<IfModule !>\n</IfModule>\n")));
    }

    @Test
    void ifDefineSeesDefinesInOrder() {
        ApacheConfig c = main("<IfDefine X>\nA 1\n</IfDefine>\nDefine X\n<IfDefine X>\nA 2\n</IfDefine>\n"
                + "<IfDefine !X>\nA 3\n</IfDefine>\n<IfDefine !Y>\nA 4\n</IfDefine>\nUnDefine X\n<IfDefine X>\nA 5\n"
                + "</IfDefine>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[2]", "[4]"), named(c, "A"));
    }

    @Test
    void ifVersionReadsTheBodyOfATrueTestAndReportsHttpdsErrors() {
        ApacheConfig c = main("<IfVersion >= 2.4>\nA 1\n</IfVersion>\n<IfVersion < 2.4>\nA 2\n</IfVersion>\n"
                + "<IfVersion = 2.1>\n<IfModule !proxy_ajp_module>\nA 3\n</IfModule>\n</IfVersion>\n"
                + "<IfVersion>\nA 4\n</IfVersion>\n");
        assertEquals(List.of("13: " + IfVersion.INVALID_VERSION), problems(c));
        assertEquals(List.of("[1]"), named(c, "A"));
        // httpd: "<IfVersion >=2.4>" is an invalid version, not an operator
        assertEquals(List.of("2: " + IfVersion.INVALID_VERSION), problems(main("<IfVersion >=2.4>\nA 1\n</IfVersion>\n")));
    }

    @Test
    void ifFileLooksInTheProjectAndAssumesHostFilesExist() {
        ApacheConfig c = read("apache2.conf", PRE + "<IfFile conf/extra.conf>\nA 1\n</IfFile>\n<IfFile conf/nope.conf>\n"
                + "A 2\n</IfFile>\n<IfFile /etc/hosts>\nA 3\n</IfFile>\n<IfFile !conf/nope.conf>\nA 4\n</IfFile>\n",
                "conf/extra.conf", "X 1\n");
        assertEquals(List.of("[1]", "[3]", "[4]"), named(c, "A"));
    }

    // ---------------------------------------------------------------- Define and ${VAR}

    @Test
    void defineValuesAndTheEnvironmentResolveVariablesOnTheWholeLine() {
        ApacheConfig c = read("2.4", Map.of("APACHE_LOG_DIR", "/var/log/apache2", "X", "from-env"), "apache2.conf",
                PRE + "ErrorLog ${APACHE_LOG_DIR}/error.log\nDefine X from-define\nA ${X}\nDefine TWO \"a b\"\n"
                        + "B ${TWO}\n${X} 1\nC ${NOPE} ${}\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[/var/log/apache2/error.log]"), named(c, "ErrorLog"));
        assertEquals(List.of("[from-define]"), named(c, "A"));
        assertEquals(List.of("[a, b]"), named(c, "B"));
        assertEquals(List.of("[1]"), named(c, "from-define"));
        assertEquals(List.of("[${NOPE}, ${}]"), named(c, "C"));
        assertEquals("from-define", c.defines().get("X"));
    }

    @Test
    void aDefineWithoutValueDefinesTheNameButGivesTheVariableNoValue() {
        // httpd 2.4.71: "AH00111: Config variable ${X} is not defined" for both, and <IfDefine X> is true
        ApacheConfig c = read("2.4", Map.of("Y", "env"), "apache2.conf", PRE + "Define X\nA ${X}\nDefine Y \"\"\nB ${Y}\n"
                + "<IfDefine X>\nC 1\n</IfDefine>\n<IfDefine Y>\nC 2\n</IfDefine>\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[${X}]"), named(c, "A"));
        assertEquals(List.of("[env]"), named(c, "B"));
        assertEquals(List.of("[1]", "[2]"), named(c, "C"));
        assertTrue(c.defines().containsKey("X"));
    }

    @Test
    void unDefineRemovesNameAndValue() {
        // httpd 2.4.71: AH00111 for ${X}, <IfDefine X> false
        ApacheConfig c = main("Define X a\nUnDefine X\n<IfDefine X>\nA 1\n</IfDefine>\nB ${X}\n");
        assertEquals(List.of(), problems(c));
        assertTrue(named(c, "A").isEmpty());
        assertEquals(List.of("[${X}]"), named(c, "B"));
    }

    @Test
    void defineTakesOneOrTwoArguments() {
        // httpd: "Define takes 1-2 arguments, Define a variable, optionally to a value.  Same as passing -D to the
        // command line." for both
        String message = "Define takes 1-2 arguments, Define a variable, optionally to a value.  Same as passing -D to"
                + " the command line.";
        assertEquals(List.of("2: " + message), problems(main("Define\n")));
        assertEquals(List.of("2: " + message), problems(main("Define a b c\n")));
    }

    @Test
    void defineIsGlobalEvenInsideAVirtualHost() {
        ApacheConfig c = main("<VirtualHost *:80>\nDefine X a\n</VirtualHost>\n<IfDefine X>\nA ${X}\n</IfDefine>\n");
        assertEquals(List.of("[a]"), named(c, "A"));
    }

    @Test
    void defineNameMustNotHoldAColon() {
        // httpd: "Variable name must not contain ':'"
        assertEquals(List.of("2: Variable name must not contain ':'"), problems(main("Define a:b c\n")));
    }

    @Test
    void version22HasNoDefine() {
        ApacheConfig c = read("2.2", Map.of("X", "env"), "apache2.conf", PRE + "Define X def\nA ${X}\n");
        assertEquals(List.of("[env]"), named(c, "A"));
    }

    // ---------------------------------------------------------------- Include

    @Test
    void includeReadsAFileInPlaceUnderTheCurrentSection() {
        ApacheConfig c = read("apache2.conf", PRE + "A 1\n<VirtualHost *:80>\nInclude conf/app.conf\n</VirtualHost>\nA 3\n",
                "conf/app.conf", "A 2\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[1]", "[2]", "[3]"), named(c, "A"));
        Directive two = c.find("A").get(1);
        assertEquals("conf/app.conf", two.location().file());
        assertEquals(1, two.location().line());
        assertEquals("VirtualHost", two.parent().name());
    }

    @Test
    void includeOfAMissingFileIsAnError() {
        ApacheConfig c = main("Include conf/nope.conf\nIncludeOptional conf/nope.conf\n");
        // httpd: "Could not open configuration file /etc/apache2/conf/nope.conf: No such file or directory"
        assertEquals(List.of("2: Could not open configuration file conf/nope.conf: No such file or directory"),
                problems(c));
        assertEquals(ParseProblem.Kind.INCLUDE, c.problems().get(0).kind());
        assertEquals(Severity.ERROR, c.problems().get(0).severity());
    }

    @Test
    void anUnmatchedWildcardFailsIncludeButNotIncludeOptional() {
        ApacheConfig c = read("apache2.conf", PRE + "Include sub/*.none\nIncludeOptional sub/*.none\n", "sub/a.conf", "A 1\n");
        // httpd: "Include/IncludeOptional: No matches for the wildcard '*.none' in '/etc/apache2/sub', failing"
        assertEquals(List.of("2: Include/IncludeOptional: No matches for the wildcard '*.none' in 'sub', failing"),
                problems(c));
        assertEquals(ParseProblem.Kind.INCLUDE, c.problems().get(0).kind());
    }

    @Test
    void wildcardsMatchInSortedOrderAndSkipDotFiles() {
        ApacheConfig c = read("apache2.conf", PRE + "Include sub/*.conf\nA end\n", "sub/b.conf", "A b\n", "sub/a.conf",
                "A a\n", "sub/.hidden.conf", "A hidden\n", "sub/a-b.conf", "A a-b\n", "sub/c.txt", "A txt\n");
        assertEquals(List.of(), problems(c));
        // .hidden.conf is not matched, and hidden files the main file does not reach are not read either
        // (apache2 -t accepts a tree whose only broken file is an unreached dot file: SyntaxOracleTest)
        assertEquals(List.of("[a-b]", "[a]", "[b]", "[end]"), named(c, "A"));
    }

    @Test
    void wildcardsWorkInDirectoryComponents() {
        ApacheConfig c = read("apache2.conf", PRE + "Include vhosts/*/*.conf\n", "vhosts/b/x.conf", "A bx\n",
                "vhosts/a/y.conf", "A ay\n", "vhosts/a/x.conf", "A ax\n");
        assertEquals(List.of("[ax]", "[ay]", "[bx]"), named(c, "A"));
    }

    @Test
    void aDirectoryIncludeReadsEveryFileBelowItDotFilesIncluded() {
        // httpd 2.4.71: "Include sub" reads sub/.dot.conf; each level in sorted order
        ApacheConfig c = read("apache2.conf", PRE + "Include sub\nA end\n", "sub/b.conf", "A b\n", "sub/a/x.conf",
                "A a/x\n", "sub/a.conf", "A a\n", "sub/.dot.conf", "A dot\n", "sub/a-b.conf", "A a-b\n");
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[dot]", "[a/x]", "[a-b]", "[a]", "[b]", "[end]"), named(c, "A"));
    }

    @Test
    void includeErrorsAfterAWildcardDirectoryAreHttpds() {
        ApacheConfig c = read("apache2.conf", PRE + "Include sites/*/nope.conf\nIncludeOptional sites/*/nope.conf\n"
                + "Include nodir/*.conf\nIncludeOptional [n]odir/*.conf\n", "sites/one/a.conf", "A 1\n");
        assertEquals(List.of("2: Could not open configuration file sites/one/nope.conf: No such file or directory",
                "4: Include/IncludeOptional: Could not open directory nodir: No such file or directory"), problems(c));
        assertTrue(c.problems().stream().allMatch(p -> p.kind() == ParseProblem.Kind.INCLUDE));
    }

    @Test
    void includeTakesOneArgument() {
        // httpd: both messages verbatim
        assertEquals(List.of("2: Include takes one argument, Name(s) of the config file(s) to be included; fails if the"
                + " wildcard does not match at least one file"), problems(main("Include a.conf b.conf\n")));
        assertEquals(List.of("2: IncludeOptional takes one argument, Name or pattern of the config file(s) to be"
                + " included; ignored if the file does not exist or the pattern does not match any files"),
                problems(main("IncludeOptional\n")));
    }

    @Test
    void anIncludeCycleIsReportedOnceAtTheIncludeThatCloses() {
        ApacheConfig c = read("apache2.conf", PRE + "Include a.conf\n", "a.conf", "A 1\nInclude b.conf\n", "b.conf",
                "A 2\nInclude a.conf\n");
        assertEquals(List.of("2: Include a.conf includes a.conf again, a cycle httpd stops on; include each file once"), problems(c));
        assertEquals("b.conf", c.problems().get(0).location().file());
        assertEquals(List.of("[1]", "[2]"), named(c, "A"));
    }

    @Test
    void theHundredAndTwentyNinthNestedIncludeExceedsTheDepth() {
        // include_config: "if (++*recursion > AP_MAX_INCLUDE_DEPTH)" at the Include directive itself
        List<String> tree = new ArrayList<>(List.of("apache2.conf", "Include c001.conf\n"));
        for (int i = 1; i <= 130; i++) {
            tree.add(String.format("c%03d.conf", i));
            tree.add(String.format("A %d\n", i) + (i < 130 ? String.format("Include c%03d.conf\n", i + 1) : ""));
        }
        ApacheConfig c = read(tree.toArray(new String[0]));
        assertEquals(List.of("2: Exceeded maximum include depth of 128, There appears to be a recursion."), problems(c));
        assertEquals("c128.conf", c.problems().get(0).location().file());
        assertEquals(ParseProblem.Kind.INCLUDE, c.problems().get(0).kind());
        // c129 and c130 are not reached by includes; they are read after the main file
        assertEquals(130, named(c, "A").size());
        assertEquals("[128]", named(c, "A").get(127));
    }

    @Test
    void anIncludeOutsideTheProjectIsAnInfo() {
        ApacheConfig c = main("Include /etc/other/x.conf\nIncludeOptional /etc/other/*.conf\n");
        assertEquals(List.of("2: Include /etc/other/x.conf names a file outside the deploy project, which is not read: map"
                    + " it with pathMappings to check it",
                "3: IncludeOptional /etc/other/*.conf names a file outside the deploy project, which is not"
                    + " read: map it with pathMappings to check it"), problems(c));
        assertTrue(c.problems().stream().allMatch(p -> p.severity() == Severity.INFO));
    }

    @Test
    void anIncludeReadsAFileOfAnyName() {
        // httpd reads whatever an Include names: apache2 -t fails on a broken sub/b.txt (SyntaxOracleTest)
        ApacheConfig c = read("apache2.conf", PRE + "Include sub\n", "sub/a.conf", "A 1\n", "sub/README", "A readme\n");
        assertEquals(List.of(), problems(c));
        // sorted as strcmp sorts: "README" before "a.conf"
        assertEquals(List.of("[readme]", "[1]"), named(c, "A"));
    }

    @Test
    void closeTagsDoNotCrossFiles() {
        ApacheConfig c = read("apache2.conf", PRE + "<VirtualHost *:80>\nInclude end.conf\n", "end.conf", "</VirtualHost>\n");
        assertEquals(List.of("1: </VirtualHost> without matching <VirtualHost> section", "2: <VirtualHost> was not closed."),
                problems(c));
        assertEquals("end.conf", c.problems().get(0).location().file());
    }

    @Test
    void filesTheMainFileDoesNotReachAreReadAfterItButNotDisabledOnes() {
        ApacheConfig c = read("apache2.conf", PRE + "A main\n", "extra.conf", "A extra\n", "mods-available/x.conf",
                "A disabled\n");
        assertEquals(List.of("[main]", "[extra]"), named(c, "A"));
        assertEquals("apache2.conf", c.mainFile().treePath());
    }

    @Test
    void serverRootIsRecorded() {
        ApacheConfig c = main("ServerRoot \"/etc/apache2\"\n");
        assertEquals("/etc/apache2", c.serverRoot());
    }

    // ---------------------------------------------------------------- vhost-only projects

    @Test
    void withoutAMainFileEveryFileIsReadInTreeOrderWithTheAssumedMpm() {
        Trees.write(dir, files("sites/b.conf", "<IfModule mpm_prefork_module>\nA prefork\n</IfModule>\nA b\n",
                "sites/a.conf", "<IfModule mpm_event_module>\nA event\n</IfModule>\n<IfModule event.c>\nA event.c\n"
                        + "</IfModule>\n<IfModule mod_wsgi.c>\nA wsgi\n</IfModule>\n<IfModule !mod_wsgi.c>\nA nowsgi\n"
                        + "</IfModule>\n"));
        ApacheConfig c = Trees.apache(Trees.load(dir), "2.4", "event", Map.of());
        assertNull(c.mainFile());
        assertEquals(List.of(), problems(c));
        assertEquals(List.of("[event]", "[event.c]", "[wsgi]", "[b]"), named(c, "A"));
        assertTrue(c.modules().contains("mpm_event_module"));

        ApacheConfig prefork = Trees.apache(Trees.load(dir), "2.4", "prefork", Map.of());
        assertEquals(List.of("[wsgi]", "[prefork]", "[b]"), named(prefork, "A"));
    }
}
