package io.github.footprint.source.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The YAML Ansible writes, read leniently: what the install steps need, never an exception. */
class YamlTest {
    private static List<Yaml.Node> parse(String... lines) {
        return Yaml.parse(Arrays.asList(lines));
    }

    @Test
    void blockMappingsSequencesAndInlineItemMappings() {
        List<Yaml.Node> docs = parse("---", "# a play", "- name: Copy", "  template:", "    src: a.j2",
                "    dest: \"{{ d }}/a\"  # trailing comment", "  with_items:", "    - one", "    - { src: x, dest: \"y z\" }",
                "- name: Link", "  file: src=/a dest=/b state=link");
        assertEquals(1, docs.size());
        assertEquals("[{name=Copy, template={src=a.j2, dest={{ d }}/a}, with_items=[one, {src=x, dest=y z}]},"
                + " {name=Link, file=src=/a dest=/b state=link}]", docs.get(0).toString());
        assertEquals(3, ((Yaml.MapNode) ((Yaml.Seq) docs.get(0)).items.get(0)).line);
        assertEquals(10, ((Yaml.MapNode) ((Yaml.Seq) docs.get(0)).items.get(1)).line);
    }

    @Test
    void flowCollectionsOverSeveralLinesQuotesAndCarriageReturns() {
        List<Yaml.Node> docs = parse("items:\r", "  - { src: 'it''s', dest: \"a\\\"b\",\r",
                "      mode: '0644' }\r", "key: |\r", "  line one\r", "  line two\r", "other: [a, 'b, c']\r");
        assertEquals("{items=[{src=it's, dest=a\"b, mode=0644}], key=line one\nline two, other=[a, b, c]}",
                docs.get(0).toString());
    }

    @Test
    void sequencesAtTheIndentationOfTheirKeyAndSeveralDocuments() {
        List<Yaml.Node> docs = parse("with_items:", "- a", "- b", "---", "x: 1", "...", "---", "- y");
        assertEquals("[{with_items=[a, b]}, {x=1}, [y]]", docs.toString());
    }

    @Test
    void whatItCannotReadStaysTextAndEveryLineIsVisitedOnce() {
        List<Yaml.Node> docs = parse("  - : :", "{{ jinja }}: x", "a: {unclosed", "b: [also", "- c", "\t- d: e",
                "key: value: more");
        // no exception, no endless loop: something for every document start
        assertEquals(true, docs.size() >= 1);
    }
}
