import groovy.json.JsonSlurper

// prefork sized for a bigger machine: 150 children with Python in each do not fit memory=1G on their own (FP105),
// nor does the whole host (FP501); both name the line that sizes the children and the value that fits.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains("[ERROR] [default] src/main/deploy/apache2/apache2.conf:7: FP105 Apache's 150 children take 1.6 GiB, more than memory=1 GiB on their own; set MaxRequestWorkers 81, or WSGIRestrictEmbedded On (FP209)")
assert log.contains('[ERROR] [default] src/main/deploy/apache2/apache2.conf:7: FP501 Worst-case resident memory is 1.8 GiB, above memory=1 GiB by ')
// the console's line has the fix; the detail in footprint.json the derivation
def details = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json')).environments[0].findings.collectEntries { [it.rule, it.detail] }
assert details.FP105.startsWith('The children (MaxRequestWorkers 150) take 150 x 11.2 MiB = 1.6 GiB. 81 children of 11.2 MiB fit') : details.FP105
assert details.FP501.contains('To fit, stop 69 of the 150 apache children (11.2 MiB each): MaxRequestWorkers 81 at src/main/deploy/apache2/apache2.conf:7') : details.FP501
// the cause next to it: Python initialised in children that run no application
assert log.contains('[WARNING] [default] src/main/deploy/apache2/apache2.conf:2: FP209 ')
assert log.contains('[ERROR] footprint: 2 errors, 1 warning, 0 infos (default); failOn=error: the build fails')
// Maven's failure message repeats it, with the report
assert log.contains('footprint: 2 errors, 1 warning, 0 infos (default); failOn=error: the build fails; see target/footprint/footprint.json')
assert log =~ /\[INFO\]   memory=1 GiB: over by \d/

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 2, warnings: 1, infos: 0]
def env = json.environments[0]
assert env.findings.collect { [it.rule, it.severity, it.line] } as Set ==
        [['FP105', 'error', 7], ['FP501', 'error', 7], ['FP209', 'warning', 2]] as Set
def m = env.memory
assert m.budgetBytes == 1024L * 1024 * 1024
assert m.headroomBytes == m.budgetBytes - m.residentBytes && m.headroomBytes < 0
def children = m.components.find { it.name == 'apache children' }
// prefork child with Python initialised: 11481 KiB measured (docs/memory-model.md#apache-processes-measured, mean of 6)
assert [children.count, children.residentBytesEach, children.line] == [150, 11481L * 1024, 7]
// 81 children fit beside the rest; 82 do not
long rest = m.residentBytes - children.residentBytes
assert rest + 81 * children.residentBytesEach <= m.budgetBytes
assert rest + 82 * children.residentBytesEach > m.budgetBytes
return true
