// Maven may colour its own log lines (ANSI escapes, seen once under load); the page text is what is compared
def all = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[0-9;]*m', '')
def runs = all.split('(?=\\[INFO\\] Scanning for projects)').findAll { it.contains('Scanning for projects') }
assert runs.size() == 4
assert !new File(basedir, 'pom.xml').exists()

// the page as the plugin ships it (src/main/resources of the plugin, three folders up from the cloned test)
def page = new File(basedir, '../../../src/main/resources/io/github/footprint/rules/FP201.md')
assert page.isFile() : page
def text = page.getText('UTF-8').stripTrailing()

// 1: full coordinates, offline, no project: the whole page, after one heading line
assert runs[0].contains('Building Maven Stub Project (No POM)')
assert runs[0].contains('BUILD SUCCESS')
assert runs[0].contains('[INFO] FP201: default severity warning, options threshold, errorAbove\n\n' + text + '\n')

// 2: the prefix alone does not resolve outside a project
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains("No plugin found for prefix 'footprint'")

// 3: with the pluginGroup it does, and prints the same page
assert runs[2].contains('BUILD SUCCESS')
assert runs[2].contains('[INFO] FP201: default severity warning, options threshold, errorAbove\n\n' + text + '\n')

// 4: the catalogue: one line per rule, the name column as wide as the longest name, each with its link
def rows = runs[3].readLines().findAll { it ==~ /\[INFO\] FP\d{3} .*/ }
assert rows.size() >= 47
rows.each { r ->
    def m = r =~ /^\[INFO\] (FP\d{3}) (\S+) +(error|warning|info) +(.*) \((\S+)\)$/
    assert m.matches() : r
    assert m.group(5) == 'https://example.org/footprint/rules/' + m.group(1) + '.md'
    // every severity starts in one column, so FP105's and FP308's long names keep the table aligned
    assert r.indexOf(' ' + m.group(3) + ' ') == rows[0].indexOf(' error ') : r
}
assert rows.any { it.startsWith('[INFO] FP308 server-tuning-ignored-under-mod-wsgi info ') }
assert runs[3].contains("[INFO] A rule's page: mvn io.github.footprint:footprint-maven-plugin:" + pluginVersion + ':rules -Drule=FPnnn')
return true
