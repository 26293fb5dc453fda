package io.github.footprint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.base.Severity;
import io.github.footprint.engine.EnvironmentResult;
import io.github.footprint.base.Finding;
import io.github.footprint.parse.ParseProblem;
import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.Directive;
import io.github.footprint.rules.wsgi.Refusal;
import io.github.footprint.source.SourceFile;

/**
 * Real httpd with mod_macro judges footprint's expansion of {@code <Macro>}/{@code Use}: each case (a main file
 * loading the event MPM, mod_wsgi, mod_macro and mod_info, then {@code Include case.conf}) runs through
 * {@code apache2 -t -D DUMP_CONFIG} and through footprint's whole check. Compared, per case:
 * <ol>
 * <li>the verdict: httpd's exit code against footprint's refusing findings; for a refusal, the line of a file httpd
 * names (inside a macro expansion, the outermost Use line it names) must carry one of footprint's, and an error
 * of mod_macro's own must be footprint's word for word (paths as footprint shows them);</li>
 * <li>mod_macro's warnings ({@code [macro:warn] AHnnnnn: ...} on stderr), in order, word for word;</li>
 * <li>for an accepted configuration, the whole tree as mod_info prints it, with the expanded directives under
 * httpd's name for each expansion and their line in it, against the same dump made from footprint's tree.</li>
 * </ol>
 * Directive names are compared ignoring case (mod_info prints a known directive under its registered name). httpd
 * numbers a continued directive of a file by its last line, footprint locates it at its first: the dump made here
 * counts the continuation lines as httpd does; a refusal's line is compared only where no continued line of a file
 * is refused.
 */
class MacroOracleTest {
    /** The directives httpd executes while reading (EXEC_ON_READ): not in its tree, so not in the dump. */
    private static final Set<String> READ_TIME = Set.of("loadmodule", "loadfile", "serverroot", "defaultruntimedir",
            "include", "includeoptional", "define", "undefine");
    private static final Set<String> CONDITIONALS = Set.of("ifmodule", "ifdefine", "ifversion", "iffile",
            "ifdirective", "ifsection");
    private static final Pattern WARNING = Pattern.compile("\\[macro:warn\\] \\[pid [^]]*\\] (AH\\d{5}: .*)");
    private static final Pattern USED = Pattern.compile("used on line (\\d+) of \"([^\"]+)\"+$");

    @TempDir
    Path dir;

    static Map<String, Map<String, String>> cases() {
        Map<String, Map<String, String>> c = new LinkedHashMap<>();
        handWritten(c);
        generated(c);
        return c;
    }

    private static void one(Map<String, Map<String, String>> c, String name, String text) {
        Httpd.one(c, name, text);
    }

    private static void hand(Map<String, Map<String, String>> c, String name, String... pathsAndTexts) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        c.put(name, m);
    }

    private static final String VHOST = "<Macro VHost $name $port>\n<VirtualHost *:$port>\nServerName $name\n"
            + "ServerAlias www.$name\n</VirtualHost>\n</Macro>\n";

    private static void handWritten(Map<String, Map<String, String>> c) {
        // the mod_macro manual's example, and plain uses
        one(c, "manual-example", "<Macro VHost $name $domain>\n<VirtualHost *:80>\n    ServerName $domain\n"
                + "    ServerAlias www.$domain\n\n    DocumentRoot \"/var/www/vhosts/$name\"\n"
                + "    ErrorLog \"/tmp/$name.error_log\"\n</VirtualHost>\n</Macro>\n\nUse VHost example example.com\n"
                + "Use VHost myhost hostname.org\nUse VHost apache apache.org\n\nUndefMacro VHost\n");
        one(c, "use-twice", VHOST + "Use VHost a.example.com 80\nUse VHost b.example.com 8080\nTimeout 30\n");
        one(c, "names-ignore-case", VHOST + "use vhost a.example.com 80\nUSE VHOST b.example.com 81\n");
        one(c, "lower-case-macro-tags", "<macro M $x>\nServerAdmin $x\n</MACRO>\nUse m a@example.com\n");
        one(c, "comments-and-blank-lines-in-body", "<Macro M $x>\n# a comment\n\nServerAdmin $x\n   # indented\n\n"
                + "Timeout 5\n</Macro>\nUse M a@example.com\nKeepAlive On\n");
        one(c, "continuation-in-body", "<Macro M $x>\nServerAdmin \\\n  $x\nTimeout \\\n5\n</Macro>\nUse M a@b\n");
        one(c, "use-inside-virtualhost", "<Macro Names $n>\nServerName $n\nServerAlias www.$n\n</Macro>\n"
                + "<VirtualHost *:80>\nUse Names a.example.com\n</VirtualHost>\n");
        one(c, "use-inside-true-ifmodule", "<Macro M $x>\nTimeout $x\n</Macro>\n<IfModule mpm_event_module>\n"
                + "Use M 7\n</IfModule>\n");
        one(c, "use-inside-false-ifmodule-is-not-read", "<IfModule mod_nope.c>\nUse Nope 1 2 3\n</IfModule>\n"
                + "Timeout 5\n");
        one(c, "macro-inside-false-ifmodule-is-not-defined", "<IfModule mod_nope.c>\n<Macro M>\nTimeout 5\n</Macro>\n"
                + "</IfModule>\n<Macro N>\nTimeout 6\n</Macro>\nUse M\n");
        one(c, "macro-defined-inside-virtualhost", "<VirtualHost *:80>\n<Macro M $x>\nServerAdmin $x\n</Macro>\n"
                + "</VirtualHost>\nUse M a@b\n");
        // substitution rules
        one(c, "longest-parameter-first", "<Macro M $a $ab>\n<VirtualHost *:80>\nServerAlias x$ab $a $a$ab $ab$a\n"
                + "</VirtualHost>\n</Macro>\nUse M one two\n");
        one(c, "value-holding-a-parameter-name-is-not-rescanned", "<Macro M $a $b>\n<VirtualHost *:80>\n"
                + "ServerAlias $a $b\n</VirtualHost>\n</Macro>\nUse M $b x\n");
        one(c, "at-parameter-is-quoted", "<Macro M @q>\n<VirtualHost *:80>\nServerAlias x @q\n</VirtualHost>\n"
                + "</Macro>\nUse M \"a b\"\nUse M 'it''s'\nUse M \"say \\\"hi\\\"\"\nUse M back\\\\slash\n");
        one(c, "at-parameter-value-is-rescanned-after-escapes", "<Macro M @q $a>\n<VirtualHost *:80>\n"
                + "ServerAlias x @q y\n</VirtualHost>\n</Macro>\nUse M \\\"$a 1\n");
        one(c, "percent-parameter", "<Macro M %p>\n<VirtualHost *:80>\nServerAlias %p %%p\n</VirtualHost>\n"
                + "</Macro>\nUse M v\n");
        one(c, "parameter-inside-words-and-quotes", "<Macro M $h>\n<VirtualHost *:80>\nServerAlias \"$h\" '$h'"
                + " pre-$h-post\n</VirtualHost>\n</Macro>\nUse M host\n");
        one(c, "quoted-use-value-splits-into-words", "<Macro M $x>\nWSGIDaemonProcess $x\n</Macro>\n"
                + "Use M \"app nonsense=1\"\n");
        one(c, "quoted-use-value-splits-into-good-words", "<Macro M $x>\nWSGIDaemonProcess $x\n</Macro>\n"
                + "Use M \"app processes=2\"\n");
        one(c, "value-makes-a-comment", "<Macro M $c>\n$c Timeout 5\nKeepAlive On\n</Macro>\nUse M #\n");
        one(c, "use-line-continued-at-the-end-of-the-file", "<Macro M $x>\n<VirtualHost *:80>\nServerAlias a$x\n"
                + "ServerAlias b\n</VirtualHost>\n</Macro>\nUse M x\\\n");
        one(c, "value-ending-in-backslash-continues-the-line", "<Macro M $x>\n<VirtualHost *:80>\nServerAlias a$x\n"
                + "ServerAlias b\n</VirtualHost>\n</Macro>\nUse M \"x\\\\\"\n");
        one(c, "last-line-continued-into-the-file", "<Macro M $x>\n<VirtualHost *:80>\nServerAlias a$x\n</Macro>\n"
                + "Use M \"x\\\\\"\nServerAlias c\n</VirtualHost>\n");
        one(c, "last-line-continued-into-a-comment", "<Macro M $x>\n<VirtualHost *:80>\nServerAlias a$x\n</Macro>\n"
                + "Use M \"x\\\\\"\n# c\n</VirtualHost>\n");
        one(c, "variables-resolve-at-each-use", "<Macro M>\nTimeout ${T}\n</Macro>\nDefine T 5\nUse M\nDefine T 6\n"
                + "Use M\n");
        one(c, "variables-in-use-line", "Define H a.example.com\n" + VHOST + "Use VHost ${H} 80\n");
        one(c, "define-inside-macro", "<Macro M $v>\nDefine T $v\n</Macro>\nUse M 9\nTimeout ${T}\n");
        // sections across the macro's end
        one(c, "section-opened-in-macro-closed-in-file", "<Macro Start $n>\n<VirtualHost *:80>\nServerName $n\n"
                + "</Macro>\n<Macro End>\n</VirtualHost>\n</Macro>\nUse Start a.example\nServerAlias b\nUse End\n");
        one(c, "section-unclosed-by-macro", "<Macro Start $n>\n<VirtualHost *:80>\nServerName $n\n</Macro>\n"
                + "Use Start a.example\n");
        one(c, "close-tag-without-open-in-macro", "<Macro End>\n</VirtualHost>\n</Macro>\nUse End\n");
        one(c, "mismatched-close-in-macro", "<Macro M>\n<VirtualHost *:80>\n</Directory>\n</Macro>\nUse M\n");
        one(c, "false-ifmodule-opened-in-macro", "<Macro M>\n<IfModule mod_nope.c>\n</Macro>\nUse M\nTimeout 5\n"
                + "</IfModule>\nKeepAlive On\n");
        // nesting
        one(c, "use-inside-macro", "<Macro Inner $x>\nServerAlias i-$x\n</Macro>\n<Macro Outer $y>\n"
                + "<VirtualHost *:80>\nUse Inner $y\nServerAlias o-$y\n</VirtualHost>\n</Macro>\nUse Outer a\n"
                + "Use Outer b\n");
        one(c, "use-three-deep", "<Macro A $x>\nServerAlias a-$x\n</Macro>\n<Macro B $x>\nUse A b$x\n</Macro>\n"
                + "<Macro C $x>\n<VirtualHost *:80>\nUse B c$x\n</VirtualHost>\n</Macro>\nUse C 1\n");
        one(c, "macro-defined-inside-macro", "<Macro Maker $n>\n<Macro Made$n $v>\nTimeout $v\n</Macro>\n"
                + "</Macro>\nUse Maker X\nUse MadeX 7\n");
        one(c, "macro-defined-inside-macro-uses-outer-values", "<Macro Maker $n $t>\n<Macro Made $v>\n"
                + "ServerAlias $n-$v-$t\n</Macro>\n</Macro>\nUse Maker a 1\n<VirtualHost *:80>\nUse Made z\n"
                + "</VirtualHost>\n");
        one(c, "recursion-direct", "<Macro R $x>\nTimeout $x\nUse R $x\n</Macro>\nUse R 1\n");
        one(c, "recursion-indirect", "<Macro A>\nUse B\n</Macro>\n<Macro B>\nUse A\n</Macro>\nUse A\n");
        one(c, "recursion-seen-in-definition-place", "<Macro Outer>\n<Macro Inner>\nUse Outer2\n</Macro>\n"
                + "</Macro>\n<Macro Outer2>\nTimeout 5\n</Macro>\nUse Outer\nUse Inner\n<Macro Outer>\n</Macro>\n");
        one(c, "recursion-quirk-macro-defined-in-expansion", "<Macro Def>\n<Macro Made>\nUse Def\n</Macro>\n"
                + "</Macro>\nUse Def\nUndefMacro Def\n<Macro Def>\nTimeout 5\n</Macro>\nUse Made\n");
        one(c, "undefmacro-then-use", "<Macro M>\nTimeout 5\n</Macro>\nUse M\nUndefMacro m\nUse M\n");
        one(c, "undefmacro-inside-macro", "<Macro M>\nTimeout 5\nUndefMacro M\n</Macro>\nUse M\nUse M\n");
        one(c, "redefinition", "<Macro M>\nTimeout 5\n</Macro>\nUse M\n<Macro M $x>\nTimeout $x\n</Macro>\n"
                + "Use M 6\n");
        one(c, "redefinition-inside-its-own-use", "<Macro M>\nTimeout 5\n<Macro M>\nTimeout 6\n</Macro>\n</Macro>\n"
                + "Use M\nUse M\n");
        // errors
        one(c, "error-missing-gt", "<Macro M\nTimeout 5\n</Macro>\n");
        one(c, "error-empty-name", "<Macro>\nTimeout 5\n</Macro>\n");
        one(c, "error-name-not-found", "<Macro \"\">\nTimeout 5\n</Macro>\n");
        one(c, "error-empty-parameter-name", "<Macro M $a ''>\nTimeout $a\n</Macro>\n");
        one(c, "error-duplicate-parameter", "<Macro M $a $b $a>\nTimeout $a $b\n</Macro>\n");
        one(c, "error-no-end", "<Macro M $a>\nTimeout $a\n");
        one(c, "error-close-with-space-is-not-the-end", "<Macro M $a>\nTimeout $a\n</Macro >\n");
        one(c, "error-nested-macro-needs-two-ends", "<Macro M>\n<Macro N>\nTimeout 5\n</Macro>\n");
        one(c, "error-use-before-any-macro", "Use M 1\n");
        one(c, "error-use-undefined", "<Macro M>\nTimeout 5\n</Macro>\nUse N\n");
        one(c, "error-use-without-name", "<Macro M>\nTimeout 5\n</Macro>\nUse\n");
        one(c, "error-too-few-arguments", VHOST + "Use VHost a.example.com\n");
        one(c, "error-too-many-arguments", VHOST + "Use VHost a.example.com 80 81\n");
        one(c, "error-undefmacro-before-any-macro", "UndefMacro M\n");
        one(c, "error-undefmacro-undefined", "<Macro M>\nTimeout 5\n</Macro>\nUndefMacro N\n");
        one(c, "error-undefmacro-without-name", "<Macro M>\nTimeout 5\n</Macro>\nUndefMacro\n");
        one(c, "error-undefmacro-two-names", "<Macro M>\nTimeout 5\n</Macro>\nUndefMacro M N\n");
        one(c, "error-substitution-too-long", "<Macro M $x>\nServerAdmin $x$x$x$x$x$x$x$x$x\n</Macro>\nUse M "
                + "a".repeat(1000) + "\n");
        one(c, "substitution-just-fits", "<Macro M $x>\nServerAdmin $x\n</Macro>\nUse M " + "a".repeat(8178) + "\n");
        one(c, "substitution-one-too-many", "<Macro M $x>\nServerAdmin $x\n</Macro>\nUse M " + "a".repeat(8179)
                + "\n");
        one(c, "error-body-line-too-long", "<Macro M>\nServerAdmin " + "a".repeat(8200) + "\n</Macro>\nUse M\n");
        one(c, "error-in-expansion-is-at-the-use-line", "<Macro M $x>\n<VirtualHost *:80>\n</Location>\n"
                + "</VirtualHost>\n</Macro>\nTimeout 5\nUse M 1\n");
        one(c, "error-in-nested-expansion", "<Macro A>\nDefine a:b\n</Macro>\n<Macro B>\nTimeout 5\nUse A\n"
                + "</Macro>\nUse B\n");
        // warnings
        one(c, "warn-unused-parameter", "<Macro M $a $b>\nTimeout $a\n</Macro>\nUse M 5 6\n");
        one(c, "warn-prefix-conflict", "<Macro M $a $ab>\nTimeout $ab\nKeepAlive $a\n</Macro>\nUse M On 5\n");
        one(c, "warn-parameter-without-prefix", "<Macro M x $y>\nTimeout x$y\n</Macro>\nUse M 1 2\n");
        one(c, "warn-macro-name-with-prefix", "<Macro $M>\nTimeout 5\n</Macro>\nUse $m\n");
        one(c, "warn-empty-contents", "<Macro M $x>\n</Macro>\nUse M 1\n");
        one(c, "warn-blank-body-is-not-empty", "<Macro M>\n\n</Macro>\nUse M\n");
        one(c, "warn-comment-body-is-empty", "<Macro M>\n# nothing\n</Macro>\nUse M\n");
        one(c, "warn-empty-argument", "<Macro M $a $b>\n<VirtualHost *:80>\nServerAlias x$a $b\n</VirtualHost>\n"
                + "</Macro>\nUse M '' \"\"\n");
        one(c, "warn-trash-after-macro-gt", "<Macro M $x> trash\nTimeout $x\n</Macro>\nUse M 5\n");
        one(c, "warn-comment-after-macro-gt-is-fine", "<Macro M $x> # note\nTimeout $x\n</Macro>\nUse M 5\n");
        one(c, "warn-trash-after-end", "<Macro M $x>\nTimeout $x\n</Macro> trash\nUse M 5\n");
        one(c, "balanced-close-then-open-does-not-warn", "<Macro M>\n</VirtualHost>\n<VirtualHost *:80>\n</Macro>\n");
        one(c, "warn-bad-nesting", "<Macro M>\n</VirtualHost>\n</Directory>\n<VirtualHost *:80>\n<Directory /x>\n"
                + "</Macro>\n");
        one(c, "warn-cumulated-nesting", "<Macro M>\n<VirtualHost *:80>\n<Directory /x>\n</Macro>\n");
        one(c, "warn-in-macro-defined-in-expansion", "<Macro Maker>\n<Macro Made $a $ab>\nTimeout $ab\n"
                + "</Macro> trash\n</Macro>\nUse Maker\n");
        // what the model reads: daemons and MPM values made by macros
        one(c, "wsgi-daemon-per-use", "<Macro App $name $n>\n<VirtualHost *:80>\nServerName $name\n"
                + "WSGIDaemonProcess $name processes=$n threads=15\n</VirtualHost>\n</Macro>\n"
                + "Use App a.example.com 2\nUse App b.example.com 3\n");
        one(c, "wsgi-daemon-invalid-option-from-macro", "<Macro App $name $opt>\nWSGIDaemonProcess $name $opt\n"
                + "</Macro>\nUse App a processes=2\nUse App b nonsense=1\n");
        one(c, "wsgi-daemon-option-quoted-by-at", "<Macro App @opts>\nWSGIDaemonProcess app @opts\n</Macro>\n"
                + "Use App \"processes=2 threads=3\"\n");
        String two = "<Macro Two $a $b $pa $pb>\n<VirtualHost *:80>\nServerName $a\nWSGIDaemonProcess $a threads=5\n"
                + "WSGIScriptAlias / /srv/app.wsgi process-group=$pa application-group=%{GLOBAL}\n</VirtualHost>\n"
                + "<VirtualHost *:80>\nServerName $b\nWSGIDaemonProcess $b threads=5\n"
                + "WSGIScriptAlias / /srv/app.wsgi process-group=$pb application-group=%{GLOBAL}\n</VirtualHost>\n"
                + "</Macro>\n";
        one(c, "two-daemons-in-two-vhosts-of-one-use", two + "Use Two a.example.com b.example.com a.example.com"
                + " b.example.com\n");
        one(c, "two-daemons-of-one-use-crossed", two + "Use Two a.example.com b.example.com b.example.com"
                + " a.example.com\n");
        one(c, "alias-in-macro-before-daemon-in-file", "<Macro Mount $g>\nWSGIScriptAlias /$g /srv/$g.wsgi"
                + " process-group=$g application-group=%{GLOBAL}\n</Macro>\nUse Mount app\n"
                + "WSGIDaemonProcess app threads=5\n");
        one(c, "alias-in-macro-after-daemon-in-file", "WSGIDaemonProcess app threads=5\n<Macro Mount $g>\n"
                + "WSGIScriptAlias /$g /srv/$g.wsgi process-group=$g application-group=%{GLOBAL}\n</Macro>\n"
                + "Use Mount app\n");
        one(c, "mpm-values-from-macro", "<Macro Mpm $t $w>\n<IfModule mpm_event_module>\nThreadsPerChild $t\n"
                + "MaxRequestWorkers $w\n</IfModule>\n</Macro>\nUse Mpm 20 200\n");
        one(c, "mpm-directive-in-vhost-from-macro", "<Macro V>\n<VirtualHost *:80>\nThreadsPerChild 20\n"
                + "</VirtualHost>\n</Macro>\nUse V\n");
        one(c, "mpm-value-invalid-from-macro", "<Macro Mpm $t>\nThreadsPerChild $t\nMaxRequestWorkers 400\n"
                + "</Macro>\nUse Mpm 25\nUse Mpm 0\n");
        // across files
        hand(c, "macro-in-one-file-used-in-another", "case.conf", "Include macros.conf\nInclude sites/*.conf\n",
                "macros.conf", VHOST, "sites/a.conf", "Use VHost a.example.com 80\n", "sites/b.conf",
                "Use VHost b.example.com 80\n");
        hand(c, "use-in-included-file-inside-vhost", "case.conf", "<Macro Names $n>\nServerName $n\n</Macro>\n"
                + "<VirtualHost *:80>\nInclude inc/names.conf\n</VirtualHost>\n", "inc/names.conf", "Use Names x\n");
        hand(c, "include-inside-macro", "case.conf", "<Macro Inc $f>\nInclude inc/$f.conf\n</Macro>\nUse Inc a\n"
                + "Use Inc b\n", "inc/a.conf", "Timeout 5\n", "inc/b.conf", "KeepAlive On\n");
        hand(c, "include-inside-macro-reads-a-file-that-uses-it", "case.conf", "<Macro Inc>\nInclude inc/a.conf\n"
                + "</Macro>\nUse Inc\n", "inc/a.conf", "Use Inc\n");
        hand(c, "macro-body-may-not-cross-files", "case.conf", "<Macro M>\nInclude inc/a.conf\n</Macro>\nUse M\n",
                "inc/a.conf", "Timeout 5\n</Macro>\n");
        hand(c, "macro-unclosed-in-included-file", "case.conf", "Include inc/a.conf\nTimeout 5\n",
                "inc/a.conf", "<Macro M>\nTimeout 6\n");
    }

    /**
     * Generated substitution cases: parameter lists of several prefixes and overlapping names, values plain,
     * quoted, escaped, empty, or holding parameter names, all written into one {@code ServerAlias} line whose raw
     * arguments mod_info prints as substituted.
     */
    private static void generated(Map<String, Map<String, String>> c) {
        String[][] params = {{"$a", "$b"}, {"$a", "$ab"}, {"$ab", "$a"}, {"%x", "@y"}, {"@q", "$q"}, {"$", "$$"},
            {"$x_1", "$x_10"}, {"@a", "@ab", "@abc"}};
        String[] values = {"v", "\"two words\"", "'single'", "\"quo\\\"te\"", "back\\\\slash", "''", "$a", "@y",
            "'$ab$a'", "\"a\\\\\\\"b\"", "%x", "x>y"};
        int n = 0;
        for (String[] p : params) {
            for (int k = 0; k < 3; k++) {
                StringBuilder def = new StringBuilder("<Macro G");
                for (String x : p) {
                    def.append(' ').append(x);
                }
                def.append(">\n<VirtualHost *:80>\nServerAlias z");
                for (String x : p) {
                    def.append(' ').append(x).append(" [").append(x).append("]");
                }
                def.append(k == 1 ? " " + p[0] + p[p.length - 1] : "").append('\n');
                def.append("</VirtualHost>\n</Macro>\n");
                StringBuilder use = new StringBuilder("Use G");
                for (int i = 0; i < p.length; i++) {
                    use.append(' ').append(values[(n * 5 + i * 7 + k) % values.length]);
                }
                one(c, String.format(Locale.ROOT, "generated-%02d", n), def + use.toString() + "\n");
                n++;
            }
        }
    }

    @Test
    void expansionsEqualHttpds() throws Exception {
        Assumptions.assumeTrue(Httpd.wsgiInstalled() && Files.isRegularFile(Httpd.MODULES.resolve("mod_macro.so"))
                && Files.isRegularFile(Httpd.MODULES.resolve("mod_info.so")), "apache2 with mod_wsgi, mod_macro and"
                + " mod_info is not installed: the mod_macro oracle cannot run here");
        Map<String, Map<String, String>> cases = cases();
        List<String> disagreements = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int dumps = 0;
        int dumpLines = 0;
        int warnings = 0;
        int messages = 0;
        for (Map.Entry<String, Map<String, String>> e : cases.entrySet()) {
            String name = e.getKey();
            Path src = writeCase(dir, name, e.getValue());
            Path caseDir = src.getParent();
            Httpd.Dump httpd = Httpd.dumpConfig(src.resolve("httpd.conf"));
            EnvironmentResult ours = Httpd.footprint(src);
            ApacheConfig config = ours.deployment().apache().orElseThrow();
            String prefix = caseDir + "/";
            List<Finding> refusals = ours.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR && MacroOracleTest.refuses(f))
                    .collect(Collectors.toList());
            // (b) mod_macro's warnings, in order: all of them when httpd reads to the end, the first ones otherwise
            List<String> theirWarnings = new ArrayList<>();
            for (String l : httpd.err) {
                Matcher m = WARNING.matcher(l);
                if (m.find()) {
                    theirWarnings.add(m.group(1).replace(prefix, ""));
                }
            }
            List<String> ourWarnings = config.problems().stream()
                    .filter(p -> p.severity() == Severity.WARNING && p.message().matches("AH02[789]\\d\\d: .*"))
                    .map(ParseProblem::message).collect(Collectors.toList());
            warnings += theirWarnings.size();
            if (!warningsAgree(theirWarnings, ourWarnings, httpd.rc == 0)) {
                disagreements.add(name + ": httpd warns " + theirWarnings + " but footprint " + ourWarnings);
            }
            if ((httpd.rc == 0) != refusals.isEmpty()) {
                disagreements.add(name + ": httpd rc=" + httpd.rc + " " + abbreviate(httpd.err) + " but footprint "
                        + (refusals.isEmpty() ? "accepts" : "refuses: " + refusals));
                continue;
            }
            if (httpd.rc != 0) {
                rejected++;
                String err = String.join("\n", httpd.err).replace(prefix, "");
                // an Include recursion is 128 levels deep; httpd's message buffer cuts it before its end
                if (err.contains("Exceeded maximum include depth") || err.split("Syntax error on line", -1).length > 16) {
                    continue;
                }
                String located = located(err);
                if (located == null) {
                    disagreements.add(name + ": cannot find the line in httpd's " + abbreviate(httpd.err));
                    continue;
                }
                boolean at = refusals.stream().anyMatch(f -> located.equals(f.location().toString()));
                if (!at) {
                    disagreements.add(name + ": httpd refuses at " + located + " (" + abbreviate(httpd.err)
                            + ") but footprint's refusals are " + refusals);
                    continue;
                }
                String message = message(err);
                if (isMacroMessage(message)) {
                    messages++;
                    // ap_log_error escapes the "\n\t" of a "contents error"
                    String wanted = message.replace("\\n\\t", " ").replace("deploy/", "");
                    boolean said = config.problems().stream()
                            .anyMatch(p -> p.severity() == Severity.ERROR
                                    && p.message().replace("deploy/", "").startsWith(wanted));
                    if (!said) {
                        disagreements.add(name + ": httpd says \"" + wanted + "\" but footprint says "
                                + config.problems());
                    }
                }
                continue;
            }
            accepted++;
            // (c) the tree as mod_info prints it
            List<String> theirs = new ArrayList<>();
            for (String l : httpd.out) {
                theirs.add(normalize(l.replace(prefix + "deploy/", "")));
            }
            List<String> mine = new ArrayList<>();
            for (String l : dump(config)) {
                mine.add(normalize(l));
            }
            dumps++;
            dumpLines += theirs.size();
            if (!theirs.equals(mine)) {
                disagreements.add(name + ": mod_info dumps\n  " + String.join("\n  ", theirs)
                        + "\nbut footprint's tree is\n  " + String.join("\n  ", mine));
            }
        }
        System.out.printf("httpd mod_macro oracle: %d cases, %d accepted (%d dumps, %d dump lines equal), %d rejected"
                + " (%d mod_macro errors compared word for word), %d warnings compared, %d disagreements%n",
                cases.size(), accepted, dumps, dumpLines, rejected, messages, warnings, disagreements.size());
        assertTrue(cases.size() >= 60, "at least 60 cases");
        assertEquals(Collections.emptyList(), disagreements);
    }

    /** mod_wsgi rules whose error findings are start-up refusals only when they say so ({@link Refusal#MARK}). */
    private static final Set<String> WSGI = Set.of("FP207", "FP209", "FP215");

    /** A finding that says httpd refuses to start (as the other oracles count them). */
    static boolean refuses(Finding f) {
        return MpmOracleTest.REFUSING.contains(f.ruleId()) || WSGI.contains(f.ruleId()) && Refusal.is(f);
    }

    private static String abbreviate(List<String> lines) {
        String s = String.join(" | ", lines);
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    /** A case's tree: ServerRoot, the preamble with mod_macro and mod_info, {@code Include case.conf}, its files. */
    static Path writeCase(Path dir, String name, Map<String, String> files) throws java.io.IOException {
        Path caseDir = Files.createDirectories(dir.resolve(name));
        Path src = Files.createDirectories(caseDir.resolve("deploy"));
        String main = "ServerRoot \"" + src + "\"\n" + Httpd.preamble(caseDir, "event", true)
                + "LoadModule macro_module " + Httpd.MODULES.resolve("mod_macro.so") + "\n"
                + "LoadModule info_module " + Httpd.MODULES.resolve("mod_info.so") + "\n"
                + "Include case.conf\n";
        Files.write(src.resolve("httpd.conf"), main.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = src.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue().getBytes(StandardCharsets.ISO_8859_1));
        }
        return src;
    }

    private static boolean warningsAgree(List<String> theirs, List<String> ours, boolean complete) {
        if (complete ? ours.size() != theirs.size() : ours.size() < theirs.size()) {
            return false;
        }
        for (int i = 0; i < theirs.size(); i++) {
            if (!ours.get(i).replace("deploy/", "").startsWith(theirs.get(i).replace("deploy/", ""))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file line httpd's innermost "Syntax error on line N of NAME:" names: NAME itself, or for an expansion
     * the outermost Use line its name ends with. Paths are relative to the case folder.
     */
    static String located(String err) {
        int i = err.lastIndexOf("Syntax error on line ");
        if (i < 0) {
            return null;
        }
        Matcher m = Pattern.compile("Syntax error on line (\\d+) of ").matcher(err);
        if (!m.find(i)) {
            return null;
        }
        String rest = err.substring(m.end());
        String name = configName(rest);
        if (name == null) {
            return null;
        }
        if (!name.startsWith("macro '")) {
            return name + ":" + m.group(1);
        }
        Matcher u = USED.matcher(name);
        return u.find() ? u.group(2) + ":" + u.group(1) : null;
    }

    /** The configuration name at the start of {@code rest}: a path up to ':', or an expansion's name up to '":'. */
    private static String configName(String rest) {
        if (rest.startsWith("macro '")) {
            int end = rest.indexOf("\":");
            return end < 0 ? null : rest.substring(0, end + 1);
        }
        int end = rest.indexOf(':');
        return end < 0 ? null : rest.substring(0, end);
    }

    /** The message after the innermost location. */
    private static String message(String err) {
        int i = err.lastIndexOf("Syntax error on line ");
        Matcher m = Pattern.compile("Syntax error on line (\\d+) of ").matcher(err);
        m.find(i);
        String rest = err.substring(m.end());
        String name = configName(rest);
        String msg = rest.substring(name.length() + 1);
        return msg.startsWith("\n") ? msg.substring(1) : msg.strip();
    }

    private static boolean isMacroMessage(String m) {
        return (m.startsWith("macro '") && !m.contains("> was not closed.")) || m.startsWith("no macro") || m.startsWith("recursive use")
                || m.startsWith("<Macro") || m.startsWith("argument name conflict") || m.startsWith("cannot remove")
                || m.startsWith("UndefMacro");
    }

    /**
     * Directive names ignoring case (the first word after the indentation); a section's arguments up to its last
     * {@code >} (mod_info prints what follows it too, which the section's handler ignores and footprint does not keep).
     */
    static String normalize(String line) {
        Matcher m = Pattern.compile("^([ ]*)(\\S+)(.*)$", Pattern.DOTALL).matcher(line);
        if (!m.matches() || m.group(2).startsWith("#")) {
            return line;
        }
        String args = m.group(3);
        if (m.group(2).startsWith("<") && !m.group(2).startsWith("</") && args.lastIndexOf('>') >= 0) {
            args = args.substring(0, args.lastIndexOf('>')).stripTrailing() + ">";
        }
        return m.group(1) + m.group(2).toLowerCase(Locale.ROOT) + args;
    }

    // ---------------------------------------------------------------- mod_info's dump of footprint's tree

    /** A node of httpd's tree: read-time directives left out, true conditionals replaced by their bodies. */
    private static final class Node {
        final String directive;
        final String args;
        final String file;
        final int line;
        final Node parent;
        final List<Node> children = new ArrayList<>();

        Node(String directive, String args, String file, int line, Node parent) {
            this.directive = directive;
            this.args = args;
            this.file = file;
            this.line = line;
            this.parent = parent;
        }
    }

    /**
     * The line httpd numbers a directive of a file by: the last physical line of a continued line (footprint's
     * location is the first).
     */
    private static int httpdLine(Map<String, SourceFile> files, Directive d) {
        SourceFile f = files.get(d.location().file());
        int i = f == null ? -1 : f.renderedIndex(d.location().line());
        if (i < 0) {
            return d.location().line();
        }
        while (i < f.lineCount() && f.lines().get(i).endsWith("\\")) {
            i++;
        }
        return i + 1;
    }

    private static void build(Map<String, SourceFile> files, List<Directive> from, Node parent) {
        for (Directive d : from) {
            if (CONDITIONALS.contains(d.key())) {
                build(files, d.children(), parent);
                continue;
            }
            if (READ_TIME.contains(d.key())) {
                continue;
            }
            String file = d.macroLine() == null ? d.location().file().replaceFirst("^deploy/", "")
                    : d.macroLine().use().where().replace("\"deploy/", "\"");
            int line = d.macroLine() == null ? httpdLine(files, d) : d.macroLine().line();
            Node n = d.isSection() ? new Node("<" + d.name(), d.rawArgs() + ">", file, line, parent)
                    : new Node(d.name(), d.rawArgs(), file, line, parent);
            parent.children.add(n);
            if (d.isSection()) {
                build(files, d.children(), n);
            }
        }
    }

    /** mod_info's {@code mod_info_module_cmds} with no command filter, as {@code -D DUMP_CONFIG} prints it. */
    static List<String> dump(ApacheConfig config) {
        Node root = new Node("", "", "", 0, null);
        Map<String, SourceFile> files = new LinkedHashMap<>();
        for (SourceFile f : config.filesRead()) {
            files.put(f.displayPath(), f);
        }
        build(files, config.directives(), root);
        List<String> out = new ArrayList<>();
        String[] fn = {null};
        moduleCmds(out, fn, root.children, 0, 0);
        return out;
    }

    private static int moduleCmds(List<String> out, String[] fn, List<Node> nodes, int from, int level) {
        int shown = from;
        for (Node dir : nodes) {
            if (!dir.children.isEmpty()) {
                if (level < moduleCmds(out, fn, dir.children, shown, level + 1)) {
                    shown = level;
                    indent(out, fn, level, dir.file, 0);
                    out.add(last(out) + "</" + dir.directive.substring(1) + ">");
                }
            } else {
                if (shown < level) {
                    showParents(out, fn, dir.parent, shown, level - 1);
                    shown = level;
                }
                indent(out, fn, level, dir.file, dir.line);
                out.add(last(out) + dir.directive + " " + dir.args);
            }
        }
        return shown;
    }

    private static void showParents(List<String> out, String[] fn, Node node, int from, int to) {
        if (from < to) {
            showParents(out, fn, node.parent, from, to - 1);
        }
        indent(out, fn, to, node.file, node.line);
        out.add(last(out) + node.directive + " " + node.args);
    }

    /** Takes back the indentation {@link #indent} left as the last, unfinished line. */
    private static String last(List<String> out) {
        return out.remove(out.size() - 1);
    }

    /** {@code mod_info_indent}: the file when it changes, the line number, then the indentation (left unfinished). */
    private static void indent(List<String> out, String[] fn, int nest, String file, int line) {
        if (fn[0] == null || !fn[0].equals(file)) {
            out.add("# In file: " + file);
            fn[0] = file;
        }
        if (line > 0) {
            out.add("  ".repeat(nest) + "#" + String.format(Locale.ROOT, "%4d", line) + ":");
        }
        out.add("  ".repeat(nest));
    }
}
