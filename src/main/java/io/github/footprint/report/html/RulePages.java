package io.github.footprint.report.html;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 */
final class RulePages {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

    private RulePages() {
    }

    /**
     * The rule's page as HTML.
     *
     * @param shift levels to add to every heading (the page's {@code #} title becomes {@code h(1 + shift)})
     */
    static String html(String ruleId, int shift) {
        String markdown;
        try {
            markdown = RuleCatalog.page(ruleId);
        } catch (IOException e) {
            // every rule of the catalogue has its page in the jar (RulePagesTest); a missing one is a broken build
            throw new UncheckedIOException(e);
        }
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
