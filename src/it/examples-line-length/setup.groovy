// the examples of the repository (three folders up from the cloned test), copied unchanged except for the
// plugin's version, which is the one under test
def examples = new File(basedir, '../../../examples').canonicalFile
assert new File(examples, 'blog-2009/pom.xml').isFile() : examples
['blog-2009', 'tuned'].each { name ->
    def from = new File(examples, name)
    def to = new File(basedir, name)
    from.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def rel = from.toPath().relativize(f.toPath())
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
    assert text.contains(plugin) : name
    int at = text.indexOf(plugin) + plugin.length()
    pom.setText(text.substring(0, at) + pluginVersion + text.substring(text.indexOf('<', at)), 'UTF-8')
}
return true
