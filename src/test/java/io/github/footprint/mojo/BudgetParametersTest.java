package io.github.footprint.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The budget parameters as users write them in the pom: a value that is not a size or a count stops the build with a
 * {@link MojoExecutionException} naming the parameter (and the environment) and the accepted forms.
 */
@MojoTest
class BudgetParametersTest {
    private static final String SIZES = "use a number of bytes, or a number with K, M, G, KiB, MiB or GiB (powers of"
            + " 1024), such as 768M or 2GiB";

    private static String failure(CheckMojo mojo) {
        return assertThrows(MojoExecutionException.class, mojo::execute).getMessage();
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "memory", value = "1.5G")
    void memoryNotASize(CheckMojo mojo) {
        assertEquals("footprint: memory '1.5G' is not a size: " + SIZES, failure(mojo));
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "memory", value = "0M")
    void memoryZero(CheckMojo mojo) {
        assertEquals("footprint: memory '0M' is zero: give the budget, or leave it unset", failure(mojo));
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "appRss", value = "40 MB")
    void appRssNotASize(CheckMojo mojo) {
        assertEquals("footprint: appRss '40 MB' is not a size: " + SIZES, failure(mojo));
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "databaseConnections", value = "100M")
    void databaseConnectionsNotACount(CheckMojo mojo) {
        assertEquals("footprint: databaseConnections '100M' is not a positive whole number: use a count such as 100",
                failure(mojo));
    }

    @Test
    @Basedir("/unit/pass")
    @InjectMojo(goal = "check", pom = "pom.xml")
    @MojoParameter(name = "cpuCores", value = "0")
    void cpuCoresZero(CheckMojo mojo) {
        assertEquals("footprint: cpuCores '0' is not a positive whole number: use a count such as 2", failure(mojo));
    }

    @Test
    @Basedir("/unit/bad-environment")
    @InjectMojo(goal = "check", pom = "pom.xml")
    void anEnvironmentsBadSizeNamesTheEnvironment(CheckMojo mojo) {
        assertEquals("footprint: environment small memory '1 gig' is not a size: " + SIZES, failure(mojo));
    }
}
