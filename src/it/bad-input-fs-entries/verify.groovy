import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// no stack trace, no exception name anywhere
assert !log.contains('Exception')
assert !(log =~ /(?m)^\s+at [\w.$]+ ?\(/)

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
def findings = json.environments[0].findings
def byFile = findings.groupBy { it.file }
def all = findings.collect { [it.rule, it.severity, it.file, it.line] }
def dir = 'src/main/deploy/apache/'

// the ordinary finding of the good file
assert byFile[dir + 'app.conf'].collect { [it.rule, it.severity, it.line] } == [['FP202', 'warning', 3]]
// the directory named x.conf: said, not skipped in silence
assert byFile[dir + 'x.conf']: "no finding for the directory named x.conf; findings: $all"
assert byFile[dir + 'x.conf'][0].message.contains('directory')
// the dangling link: httpd would fail to open it ("Could not open configuration file")
assert byFile[dir + 'dangling.conf']: "no finding for the dangling link dangling.conf; findings: $all"
assert byFile[dir + 'dangling.conf'][0].severity == 'error'
assert byFile[dir + 'dangling.conf'][0].message.contains('missing')

def count = { sev -> findings.count { it.severity == sev } }
assert json.summary == [errors: count('error'), warnings: count('warning'), infos: count('info')]
findings.each { f ->
    // a finding about the project as a whole (FP006: no main httpd file) has no file before its id
    assert log.contains(f.file ? "[default] ${f.file}${f.line > 0 ? ':' + f.line : ''}: ${f.rule} "
            : "[default] ${f.rule} ")
}
return true
