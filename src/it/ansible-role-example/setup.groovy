// examples/ansible-role of the repository (three folders up from the cloned test), copied unchanged except for the
// plugin's version, which is the one under test
def example = new File(basedir, '../../../examples/ansible-role').canonicalFile
assert new File(example, 'pom.xml').isFile() : example
def to = new File(basedir, 'ansible-role')
example.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def rel = example.toPath().relativize(f.toPath())
    if (rel.getName(0).toString() == 'target') {
        return
    }
    def t = to.toPath().resolve(rel).toFile()
    t.parentFile.mkdirs()
    t.bytes = f.bytes
}
def pom = new File(to, 'pom.xml')
def text = pom.getText('UTF-8')
def plugin = '<artifactId>footprint-maven-plugin</artifactId>\n        <version>'
assert text.contains(plugin)
int at = text.indexOf(plugin) + plugin.length()
pom.setText(text.substring(0, at) + pluginVersion + text.substring(text.indexOf('<', at)), 'UTF-8')
return true
