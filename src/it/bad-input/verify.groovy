import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// no stack trace, no exception name anywhere
assert !log.contains('Exception')
assert !(log =~ /(?m)^\s+at [\w.$]+ ?\(/)

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
def findings = json.environments[0].findings
def byFile = findings.groupBy { it.file }
def dir = 'src/main/deploy/'

// the ordinary finding of the good file
assert byFile[dir + 'apache/app.conf'].collect { [it.rule, it.severity, it.line] } == [['FP202', 'warning', 3]]
// the empty file: nothing to check in it
assert byFile[dir + 'apache/empty.conf']*.rule == ['FP005']
// the binary file: its NUL byte, on line 2
assert byFile[dir + 'apache/binary.conf'].collect { [it.rule, it.severity, it.line] } == [['FP001', 'error', 2]]
assert byFile[dir + 'apache/binary.conf'][0].message.contains('NUL')
// the Latin-1 INI file: the bad byte's line
assert byFile[dir + 'app/latin1.ini'].collect { [it.rule, it.severity, it.line] } == [['FP001', 'error', 3]]
assert byFile[dir + 'app/latin1.ini'][0].message.contains('not valid UTF-8')

// and FP006: no main httpd file, the server assumed (an info about the project as a whole)
assert findings.collect { [it.rule, it.severity, it.file] }.contains(['FP006', 'info', ''])
assert findings.size() == 5
// every other finding is located in a file; the summary counts them all
assert findings.findAll { it.rule != 'FP006' }.every { it.file }
def count = { sev -> findings.count { it.severity == sev } }
assert json.summary == [errors: count('error'), warnings: count('warning'), infos: count('info')]
// and the console printed each of them with its place
findings.each { f ->
    // a finding about the project as a whole (FP006: no main httpd file) has no file before its id
    assert log.contains(f.file ? "[default] ${f.file}${f.line > 0 ? ':' + f.line : ''}: ${f.rule} "
            : "[default] ${f.rule} ")
}
return true
