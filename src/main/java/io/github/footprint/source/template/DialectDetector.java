package io.github.footprint.source.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which template language a file is written in: the suffix decides when it names one ({@code .j2}, {@code .jinja},
 * {@code .jinja2}, {@code .mako}, {@code .erb}); otherwise the content, by the constructs only one language has.
 *
 * <ul>
 * <li>Tempita: {@code {{if x}}}, {@code {{endif}}}, {@code {{for}}}, {@code {{py:}} (a Jinja2 error, so never Jinja2).
 * <li>ERB: {@code <%=}, {@code <%#}, {@code -%>}, {@code <% end %>}.
 * <li>Mako: {@code <%text>}, {@code <%def>}, {@code <%inherit>} and the other named tags, {@code </%},
 * {@code <%!}, and {@code % if ...:} / {@code % endif} control lines.
 * <li>Jinja2: {@code {% keyword}, {@code {{ }}} on one line, {@code {# #}}, Ansible's {@code #jinja2:} header.
 * <li>Mako again for a bare {@code <% %>} block with no ERB sign.
 * <li>sed placeholders: {@code %NAME%} and {@code __NAME__} (upper case, at least three characters); in httpd and
 * INI files also {@code $NAME} (Python's string.Template, as FreeIPA's {@code ipa.conf.template}), which is neither
 * httpd's syntax ({@code ${NAME}}) nor PasteDeploy's ({@code %(name)s}).
 * <li>Maven: an {@code @} or a {@code ${} (the renderer then finds the placeholders, as it always did).
 * </ul>
 */
public final class DialectDetector {
    static final Pattern TEMPITA = Pattern.compile(
            "\\{\\{(?:if |elif |else\\}\\}|endif\\}\\}|for |endfor\\}\\}|py:|default |inherit |def |enddef\\}\\}|#)");
    static final Pattern ERB = Pattern.compile("<%[=#]|-%>|<%-?\\s*end\\s*-?%>|<%-?\\s*(?:if|unless|@)");
    static final Pattern MAKO = Pattern.compile(
            "<%(?:text|doc|def|inherit|namespace|include|block|page|call|self:|!)|</%|(?m:^[ \\t]*%[ \\t]*"
                    + "(?:if|elif|else|endif|for|endfor|while|endwhile|try|except|endtry)\\b)");
    static final Pattern JINJA_TAG = Pattern.compile("\\{%[-+]?\\s*(?:if|elif|else|endif|for|endfor|set|"
            + "endset|raw|endraw|macro|endmacro|call|endcall|filter|endfilter|include|import|from|block|endblock|"
            + "extends|with|endwith|autoescape|endautoescape)\\b");
    static final Pattern JINJA_EXPRESSION = Pattern.compile("\\{\\{[^\\n]*?\\}\\}|\\{#[\\s\\S]*?#\\}");
    static final Pattern ASP_BLOCK = Pattern.compile("<%[\\s\\S]*?%>");
    static final Pattern SED = Pattern.compile("(?<![A-Za-z0-9_%])%[A-Z][A-Z0-9_]{2,}%(?![A-Za-z0-9_])|"
            + "(?<![A-Za-z0-9_])__[A-Z][A-Z0-9_]*[A-Z0-9]__(?![A-Za-z0-9_])");


    private DialectDetector() {
    }

    /** The dialect of a file, from its name's suffix, else from its text. */
    public static Dialect detect(TemplateName name, CharSequence text) {
        return detect(name, text, false);
    }

    /**
     * @param dollarPlaceholders true where {@code $NAME} is no syntax of the file's own language (httpd, INI), so
     *     that it marks a placeholder
     */
    public static Dialect detect(TemplateName name, CharSequence text, boolean dollarPlaceholders) {
        return detect(name, text, dollarPlaceholders, SedForms.DEFAULT);
    }

    /**
     * @param sed the placeholder forms of the build: forms other than the default set ({@code sedPlaceholders}) also
     *     make a file that shows no other dialect a sed-style template (the default {@code @NAME@} stays Maven's)
     */
    public static Dialect detect(TemplateName name, CharSequence text, boolean dollarPlaceholders, SedForms sed) {
        if (name.dialect() != null) {
            return name.dialect();
        }
        Dialect d = fromContent(text);
        if ((d == Dialect.NONE || d == Dialect.MAVEN) && !sed.equals(SedForms.DEFAULT) && find(sed.pattern(), text)) {
            return Dialect.SED;
        }
        if ((d == Dialect.NONE || d == Dialect.MAVEN) && dollarPlaceholders && contains(text, "$")
                && find(SedForms.DOLLAR_NAME, text)) {
            return Dialect.SED;
        }
        return d;
    }

    /**
     * True when the text holds a character that starts a construct of some dialect ({@code {}, {@code <%},
     * {@code %}, {@code __}, {@code @}, {@code ${}): without one, the text is {@link Dialect#NONE} and needs no scan.
     */
    public static boolean mayBeTemplate(CharSequence text) {
        return startsWith(text, "#jinja2:") || Signs.of(text).any;
    }

    /** The dialect the text is written in, from what it holds. */
    public static Dialect fromContent(CharSequence text) {
        boolean header = startsWith(text, "#jinja2:");
        Signs signs = Signs.of(text);
        if (!header && !signs.any) {
            return Dialect.NONE;
        }
        // each pattern runs only where the text holds what every one of its matches starts with (Signs)
        if (signs.braces && find(TEMPITA, text)) {
            return Dialect.TEMPITA;
        }
        if (signs.asp && find(ERB, text)) {
            return Dialect.ERB;
        }
        if ((signs.asp || signs.closeTag || signs.linePercent) && find(MAKO, text)) {
            return Dialect.MAKO;
        }
        if (header || signs.bracePercent && find(JINJA_TAG, text)
                || (signs.braces || signs.braceHash) && find(JINJA_EXPRESSION, text)) {
            return Dialect.JINJA2;
        }
        if (signs.asp && find(ASP_BLOCK, text)) {
            return Dialect.MAKO;
        }
        if ((signs.percentUpper || signs.underscores) && find(SED, text)) {
            return Dialect.SED;
        }
        if (signs.at || signs.dollarBrace) {
            return Dialect.MAVEN;
        }
        return Dialect.NONE;
    }

    /**
     * One pass over a text for the character pairs every construct of a dialect starts with: a file of thousands of
     * lines is scanned once, and the dialect patterns run only where their first characters occur.
     */
    static final class Signs {
        /** {@code {{}: Tempita, a Jinja2 expression. */
        boolean braces;
        /** <code>{%</code>: a Jinja2 tag. */
        boolean bracePercent;
        /** <code>{#</code>: a Jinja2 comment. */
        boolean braceHash;
        /** {@code <%}: ERB, Mako tags and blocks. */
        boolean asp;
        /** {@code </%}: a Mako closing tag. */
        boolean closeTag;
        /** A {@code %} first on its line after blanks and tabs (a line start as {@code (?m:^)} has it): Mako. */
        boolean linePercent;
        /** {@code %} and an upper-case letter: a sed {@code %NAME%}. */
        boolean percentUpper;
        /** {@code __}: a sed {@code __NAME__}. */
        boolean underscores;
        /** {@code @}: Maven's {@code @name@}. */
        boolean at;
        /** <code>${</code>: Maven's {@code ${name}}. */
        boolean dollarBrace;
        /** Any character that starts a construct: {@code {}, {@code %}, {@code @}, {@code $}, {@code <}, {@code __}. */
        boolean any;

        static Signs of(CharSequence text) {
            Signs s = new Signs();
            boolean lineStart = true;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                char next = i + 1 < n ? text.charAt(i + 1) : 0;
                switch (c) {
                    case '{':
                        s.any = true;
                        s.braces |= next == '{';
                        s.bracePercent |= next == '%';
                        s.braceHash |= next == '#';
                        break;
                    case '<':
                        s.any = true;
                        s.asp |= next == '%';
                        s.closeTag |= next == '/' && i + 2 < n && text.charAt(i + 2) == '%';
                        break;
                    case '%':
                        s.any = true;
                        s.linePercent |= lineStart;
                        s.percentUpper |= next >= 'A' && next <= 'Z';
                        break;
                    case '_':
                        if (next == '_') {
                            s.any = true;
                            s.underscores = true;
                        }
                        break;
                    case '@':
                        s.any = true;
                        s.at = true;
                        break;
                    case '$':
                        s.any = true;
                        s.dollarBrace |= next == '{';
                        break;
                    default:
                        break;
                }
                // the line terminators of java.util.regex without UNIX_LINES; blanks and tabs keep a line's start
                lineStart = c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
                        || lineStart && (c == ' ' || c == '\t');
            }
            return s;
        }
    }

    private static boolean find(Pattern p, CharSequence text) {
        Matcher m = p.matcher(text);
        return m.find();
    }

    private static boolean contains(CharSequence text, String s) {
        return text.toString().contains(s);
    }

    private static boolean startsWith(CharSequence text, String s) {
        return text.length() >= s.length() && text.subSequence(0, s.length()).toString().equals(s);
    }
}
