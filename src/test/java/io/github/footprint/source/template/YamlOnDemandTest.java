package io.github.footprint.source.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.footprint.testing.ProjectCheck;
import io.github.footprint.testing.WatchingLoader;

/**
 * Cold start: a variables file is read with SnakeYAML's reading half only (parser, composer, constructor). The
 * {@code Yaml} facade also makes a representer and dumper options for writing YAML, 34 classes loaded on every
 * check of an Ansible tree for nothing (23 of them in SnakeYAML's writing packages); {@code examples/ansible-role} (two group_vars files and role defaults) loads
 * none of them.
 */
class YamlOnDemandTest {
    /** SnakeYAML's writing packages. */
    private static final String[] WRITING = {"org.yaml.snakeyaml.representer.", "org.yaml.snakeyaml.emitter.",
        "org.yaml.snakeyaml.serializer."};

    @TempDir
    Path base;

    @Test
    void theAnsibleExampleReadsItsVariablesWithoutYamlsWritingClasses() throws Exception {
        WatchingLoader w = new WatchingLoader("io.github.footprint.", "org.yaml.snakeyaml.");
        w.run(ProjectCheck.class, new Class<?>[] {Path.class, Path.class},
                Path.of("examples/ansible-role").toAbsolutePath(), base.resolve("out"));
        assertFalse(w.loaded("org.yaml.snakeyaml.composer.").isEmpty(), "the variables files were read");
        List<String> writing = new ArrayList<>();
        for (String p : WRITING) {
            writing.addAll(w.loaded(p));
        }
        assertEquals(List.of(), writing);
        // the nodes use DumperOptions' style enums; the options themselves and the facade stay unloaded
        assertFalse(w.defined("org.yaml.snakeyaml.DumperOptions"), "DumperOptions");
        assertFalse(w.defined("org.yaml.snakeyaml.Yaml"), "the Yaml facade");
    }
}
