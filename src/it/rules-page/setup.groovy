// The plugin-group metadata that 'mvn install' and a deploy to Central write beside the plugin, and that
// invoker:install does not: the prefix comes from the built plugin's own descriptor (its <goalPrefix>), so
// invocation 3 resolves 'footprint:' exactly as Maven does for a user with the pluginGroup in settings.xml.
import java.util.zip.ZipFile

def repo = localRepositoryPath as File
def jar = new File(repo, "io/github/footprint/footprint-maven-plugin/${pluginVersion}/footprint-maven-plugin-${pluginVersion}.jar")
assert jar.isFile() : jar
def zip = new ZipFile(jar)
def descriptor = new groovy.xml.XmlSlurper().parse(zip.getInputStream(zip.getEntry('META-INF/maven/plugin.xml')))
zip.close()
def prefix = descriptor.goalPrefix.text()
assert prefix == 'footprint'
new File(repo, 'io/github/footprint/maven-metadata-local.xml').text = """<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <plugins>
    <plugin>
      <name>${descriptor.name.text()}</name>
      <prefix>${prefix}</prefix>
      <artifactId>${descriptor.artifactId.text()}</artifactId>
    </plugin>
  </plugins>
</metadata>
"""
return true
