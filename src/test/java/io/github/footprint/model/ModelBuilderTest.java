package io.github.footprint.model;

import static io.github.footprint.testing.Trees.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.footprint.parse.apache.ApacheConfig;
import io.github.footprint.parse.apache.ApacheLayout;
import io.github.footprint.parse.apache.ApacheParser;
import io.github.footprint.parse.ini.IniDocument;
import io.github.footprint.parse.ini.PasteIniReader;
import io.github.footprint.parse.scripts.ScriptFacts;
import io.github.footprint.parse.scripts.ScriptReader;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.HostPathMapper;
import io.github.footprint.source.SourceFile;
import io.github.footprint.source.SourceSet;
import io.github.footprint.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model stage over small trees read as CheckEngine reads them. */
class ModelBuilderTest {
    @TempDir
    Path dir;

    /** source, parse (scripts, Apache, INI), model: CheckEngine's order, default parameters. */
    private Deployment build(String... pathsAndTexts) {
        Trees.write(dir, files(pathsAndTexts));
        SourceSet sources = Trees.load(dir);
        List<ScriptFacts> scripts = new ArrayList<>();
        for (SourceFile f : sources.files()) {
            if ((f.kind() == FileKind.SHELL || f.kind() == FileKind.SYSTEMD || f.kind() == FileKind.PYTHON)
                    && f.parseable()) {
                scripts.add(ScriptReader.read(f));
            }
        }
        ApacheLayout layout = ApacheLayout.find(sources, null, null);
        HostPathMapper mapper = new HostPathMapper(sources, Map.of(), layout.root());
        ApacheConfig apache = sources.files(FileKind.APACHE).isEmpty() ? null
                : ApacheParser.parse(sources, mapper, layout.main(),
                        new ApacheParser.Options("2.4", "event", Trees.environment(sources)));
        List<IniDocument> inis = new ArrayList<>();
        for (SourceFile f : sources.files(FileKind.INI)) {
            inis.add(new PasteIniReader().read(f));
        }
        return ModelBuilder.build("default", sources, mapper, apache, inis, scripts, ModelParameters.defaults());
    }

    @Test
    void definedNamesAreTheVariablesThatResolve() {
        Deployment d = build("apache2.conf", "Define WITH value\nDefine WITHOUT\n", "envvars",
                "export APACHE_LOG_DIR=/var/log/apache2\n");
        assertTrue(d.definedNames().contains("WITH"));
        assertTrue(d.definedNames().contains("APACHE_LOG_DIR"));
        // httpd: AH00111 'Config variable ${WITHOUT} is not defined'
        assertFalse(d.definedNames().contains("WITHOUT"));
        assertEquals(List.of("WITH", "WITHOUT"), List.copyOf(d.apache().orElseThrow().defines().keySet()));
    }
}
