package io.github.footprint.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The goal inside the plugin test harness: parameters, exit semantics, the report file. */
@MojoTest
class CheckMojoTest {
    private static Path report(String project) {
        return new File(org.apache.maven.api.plugin.testing.MojoExtension.getBasedir(), "target/footprint/footprint.json")
                .toPath();
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    void cleanProjectPassesAndWritesTheReport(CheckMojo mojo) throws Exception {
        Files.deleteIfExists(report("pass"));
        mojo.execute();
        String json = Files.readString(report("pass"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"errors\":0"), json);
        assertTrue(json.contains("\"maximumRequests\":500"), json);
        assertTrue(json.contains("\"file\":\"src/main/deploy/app.conf\""), json);
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    void errorFindingFailsTheBuildWithCounts(CheckMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("footprint: 1 error, 0 warnings, 3 infos (default); failOn=error: the build fails; see"
                + " target/footprint/footprint.json", e.getMessage());
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOn", value = "never")
    void failOnNeverOnlyReports(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertTrue(Files.readString(report("fail")).contains("\"rule\":\"FP201\""));
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        Files.deleteIfExists(report("fail"));
        mojo.execute();
        assertFalse(Files.exists(report("fail")));
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "failOn", value = "sometimes")
    void badFailOnIsAConfigurationError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("footprint: failOn 'sometimes' is not one of error, warning, never", e.getMessage());
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "requestGrowth", value = "40 megs")
    void badSizeNamesTheParameterAndTheForms(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("footprint: requestGrowth '40 megs' is not a size: use a number of bytes"),
                e.getMessage());
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "virtualMemory", value = "2 gigs")
    void badVirtualMemoryNamesTheParameter(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("footprint: virtualMemory '2 gigs' is not a size: use a number of bytes"),
                e.getMessage());
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "virtualMemory", value = "0")
    void zeroVirtualMemoryIsNotABudget(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("footprint: virtualMemory '0' is zero: give the budget, or leave it unset", e.getMessage());
    }

    /** The execution's configuration as Maven merges it: the pom's value, else the parameter's property expression. */
    private static Xpp3Dom configuration(String sourceDirectory) {
        Xpp3Dom c = new Xpp3Dom("configuration");
        Xpp3Dom p = new Xpp3Dom("sourceDirectory");
        p.setAttribute("default-value", "${project.basedir}/src/main/deploy");
        p.setValue(sourceDirectory);
        c.addChild(p);
        return c;
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void aSourceDirectoryIsNamedByThePomByDOrByAProperty() {
        String prop = "footprint.sourceDirectory";
        // not configured: Maven leaves the property expression, and no property is set: the default
        assertEquals(null, CheckMojo.setBy("sourceDirectory", prop, configuration("${" + prop + "}"), props(),
                props(), props()));
        assertEquals(null, CheckMojo.setBy("sourceDirectory", prop, null, null, null, null));
        assertEquals("the pom's <sourceDirectory>", CheckMojo.setBy("sourceDirectory", prop,
                configuration("/p/src/main/deploi"), props(), props(), props()));
        // the pom's value wins over -D in Maven, and is named as what set it
        assertEquals("the pom's <sourceDirectory>", CheckMojo.setBy("sourceDirectory", prop,
                configuration("/p/src/main/deploi"), props(prop, "x"), props(), props()));
        assertEquals("-Dfootprint.sourceDirectory", CheckMojo.setBy("sourceDirectory", prop,
                configuration("${" + prop + "}"), props(prop, "src/main/deploi"), props(), props()));
        assertEquals("the system property footprint.sourceDirectory", CheckMojo.setBy("sourceDirectory", prop,
                configuration("${" + prop + "}"), props(), props(prop, "x"), props()));
        assertEquals("the project property footprint.sourceDirectory", CheckMojo.setBy("sourceDirectory", prop,
                configuration("${" + prop + "}"), props(), props(), props(prop, "x")));
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "outputDirectory", value = "pom.xml")
    void aReportFolderThatCannotBeMadeSaysWhy(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("footprint: cannot write the reports to "), e.getMessage());
        assertTrue(e.getMessage().contains("pom.xml: a file is in the way ("), e.getMessage());
    }

    @Test
    @Basedir("/unit/fail")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "sourceDirectory", value = "pom.xml")
    void sourceDirectoryThatIsAFileIsAConfigurationError(CheckMojo mojo) {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("is a file, not a directory"), e.getMessage());
    }
}
