package io.github.footprint.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import io.github.footprint.rules.RuleCatalog;

/**
 * The rule pages the jar carries ({@code FPnnn.md}, CommonMark with GFM tables) as HTML, through commonmark-java:
 * raw HTML in a page is escaped, not passed through, and only safe link schemes are kept. Headings move down by
 * the given number of levels, so that a page can sit inside another as a section.
 *
 * <p>The build of the plugin renders every page at the shifts the reports use ({@link #SHIFTS}) into the jar
 * ({@link PrerenderRulePages}), so that a check loads no Markdown class; a page without its rendering (a run from
 * classes not built so) is rendered here, the same way.
 */
final class RulePages {
    /** The heading shifts the reports use: 0 for a rule's own page, 2 for its section of the report. */
    static final int[] SHIFTS = {0, 2};

    private RulePages() {
    }

    /** Where the build puts a page rendered at a shift, in the jar. */
    static String resource(String ruleId, int shift) {
        return "/io/github/footprint/report/html/rules/" + ruleId + "." + shift + ".html";
    }

    /**
     * The rule's page as HTML.
     *
     * @param shift levels to add to every heading (the page's {@code #} title becomes {@code h(1 + shift)})
     */
    static String html(String ruleId, int shift) {
        try (InputStream in = RulePages.class.getResourceAsStream(resource(ruleId, shift))) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return render(ruleId, shift);
    }

    /** The page rendered by commonmark-java now. */
    static String render(String ruleId, int shift) {
        String markdown;
        try {
            markdown = RuleCatalog.page(ruleId);
        } catch (IOException e) {
            // every rule of the catalogue has its page in the jar (RulePagesTest); a missing one is a broken build
            throw new UncheckedIOException(e);
        }
        return Markdown.render(markdown, shift);
    }

    /** commonmark-java, loaded only when a page is rendered. */
    static final class Markdown {
        private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
        private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
        private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                .sanitizeUrls(true).build();

        private Markdown() {
        }

        static String render(String markdown, int shift) {
            Node doc = PARSER.parse(markdown);
            if (shift != 0) {
                doc.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Heading heading) {
                        heading.setLevel(Math.min(6, heading.getLevel() + shift));
                        visitChildren(heading);
                    }
                });
            }
            return RENDERER.render(doc);
        }
    }
}
