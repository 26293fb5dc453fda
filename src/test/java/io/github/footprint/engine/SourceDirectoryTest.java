package io.github.footprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named source folder must exist; only the default one may be missing (the goal then skips the module). The
 * message names the parameter, who set it, the path relative to the project, and the folder most likely meant.
 */
class SourceDirectoryTest {
    @TempDir
    Path base;

    private CheckRequest.Builder named(String folder, String setBy) {
        return new CheckRequest.Builder().baseDirectory(base).sourceDirectory(base.resolve(folder), setBy)
                .outputDirectory(base.resolve("target/footprint"));
    }

    @Test
    void aMistypedNamedFolderIsAnErrorThatProposesTheNearestOne() throws Exception {
        Files.createDirectories(base.resolve("src/main/deploy"));
        Files.createDirectories(base.resolve("src/main/java"));
        RequestException e = assertThrows(RequestException.class,
                () -> named("src/main/deploi", "-Dfootprint.sourceDirectory").build());
        assertEquals("sourceDirectory src/main/deploi does not exist (set by -Dfootprint.sourceDirectory); the nearest"
                + " folder is src/main/deploy. Correct the path: only the default, src/main/deploy, may be missing (the"
                + " check then skips the module)", e.getMessage());
    }

    @Test
    void aTypoHigherUpIsFoundToo() throws Exception {
        Files.createDirectories(base.resolve("src/main/deploy"));
        RequestException e = assertThrows(RequestException.class,
                () -> named("src/mian/deploy", "the pom's <sourceDirectory>").build());
        assertTrue(e.getMessage().startsWith("sourceDirectory src/mian/deploy does not exist (set by the pom's"
                + " <sourceDirectory>); the nearest folder is src/main/deploy. "), e.getMessage());
    }

    @Test
    void nothingCloseProposesNothing() throws Exception {
        Files.createDirectories(base.resolve("src/main/java"));
        RequestException e = assertThrows(RequestException.class,
                () -> named("deploy/templates", "-Dfootprint.sourceDirectory").build());
        assertEquals("sourceDirectory deploy/templates does not exist (set by -Dfootprint.sourceDirectory). Correct"
                + " the path: only the default, src/main/deploy, may be missing (the check then skips the module)",
                e.getMessage());
    }

    @Test
    void theDefaultPathNamedExplicitlyMustExistToo() {
        RequestException e = assertThrows(RequestException.class,
                () -> named("src/main/deploy", "the pom's <sourceDirectory>").build());
        assertEquals("sourceDirectory src/main/deploy does not exist (set by the pom's <sourceDirectory>). A folder you"
                + " name must exist: create it, or remove the setting, and a module without src/main/deploy is"
                + " skipped", e.getMessage());
    }

    @Test
    void theDefaultFolderMissingIsNoErrorButMarksTheRequest() throws Exception {
        CheckRequest r = new CheckRequest.Builder().baseDirectory(base).sourceDirectory(base.resolve("src/main/deploy"))
                .outputDirectory(base.resolve("target/footprint")).build();
        assertTrue(r.sourceMissing());
        assertEquals("src/main/deploy", r.sourceDisplay());
        Files.createDirectories(base.resolve("src/main/deploy"));
        assertFalse(new CheckRequest.Builder().baseDirectory(base).sourceDirectory(base.resolve("src/main/deploy"))
                .outputDirectory(base.resolve("target/footprint")).build().sourceMissing());
    }

    @Test
    void aNamedFolderThatExistsIsRead() throws Exception {
        Files.createDirectories(base.resolve("deploy"));
        CheckRequest r = named("deploy", "-Dfootprint.sourceDirectory").build();
        assertFalse(r.sourceMissing());
        assertEquals(base, r.displayBase());
        assertEquals("deploy", r.sourceDisplay());
        // a folder outside the project: named as given, and the files' paths are relative to it
        Path outside = Files.createDirectories(base.resolve("elsewhere/deploy"));
        CheckRequest o = new CheckRequest.Builder().baseDirectory(base.resolve("project"))
                .sourceDirectory(outside, "-Dfootprint.sourceDirectory").outputDirectory(base.resolve("t")).build();
        assertEquals(outside, o.displayBase());
        assertEquals(outside.toString(), o.sourceDisplay());
    }

    @Test
    void nearestFolderIgnoresHiddenFoldersAndFarNames() throws Exception {
        Files.createDirectories(base.resolve(".deploy"));
        Files.createDirectories(base.resolve("templates"));
        assertEquals(Optional.empty(), NearestFolder.of(base.resolve("deploy")));
        Files.createDirectories(base.resolve("Deploy"));
        assertEquals(Optional.of(base.resolve("Deploy")), NearestFolder.of(base.resolve("deploy")));
        assertEquals(1, NearestFolder.distance("deploi", "deploy"));
        assertEquals(2, NearestFolder.distance("mian/deploy", "main/deploy"));
    }

    @Test
    void helpUrlMustBeAnAbsoluteWebOrFileUrl() throws Exception {
        Files.createDirectories(base.resolve("src/main/deploy"));
        for (String bad : new String[] {"example.org/rules", "rules/", "mailto:x@example.org", "ftp://example.org/r/"}) {
            RequestException e = assertThrows(RequestException.class, () -> new CheckRequest.Builder()
                    .baseDirectory(base).sourceDirectory(base.resolve("src/main/deploy"))
                    .outputDirectory(base.resolve("t")).helpUrl(bad).build(), bad);
            assertEquals("helpUrl '" + bad + "' is not an absolute http, https or file URL; give where the rule pages"
                    + " are published, such as https://example.org/footprint/rules/", e.getMessage());
        }
        for (String good : new String[] {"https://example.org/rules/", "http://intranet/rules/{id}.html",
            "file:///srv/rules/"}) {
            assertEquals(good, new CheckRequest.Builder().baseDirectory(base)
                    .sourceDirectory(base.resolve("src/main/deploy")).outputDirectory(base.resolve("t")).helpUrl(good)
                    .build().helpUrl());
        }
        assertEquals(null, new CheckRequest.Builder().baseDirectory(base)
                .sourceDirectory(base.resolve("src/main/deploy")).outputDirectory(base.resolve("t")).helpUrl(" ")
                .build().helpUrl());
    }
}
