import groovy.json.JsonSlurper

// invocation 2, with <rules><FP201>info</FP201><FP202>off</FP202></rules>: the build passes
def all = new File(basedir, 'build.log').text
// build.log holds both invocations; each starts with 'Scanning for projects'
assert all.count('Scanning for projects') == 2
def log = all.substring(all.lastIndexOf('Scanning for projects'))
assert log.contains('BUILD SUCCESS')
assert !log.contains('footprint: 1 error')
assert log.contains('[INFO] footprint: 0 errors, 0 warnings, 2 infos (default); failOn=error: the build passes')
// FP201 is still reported, at info level; FP202 is not reported at all
assert log.contains('[INFO] [default] src/main/deploy/apache/app.conf:3: FP201 WSGIDaemonProcess big: maximum-requests=20000 ')
assert !log.contains('[ERROR] [default]')
assert !log.contains('FP202')
assert log.contains('footprint [default]: 1 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 2 info')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 0, warnings: 0, infos: 2]
def findings = json.environments[0].findings
assert findings.collect { [it.rule, it.severity, it.file, it.line] } ==
        [['FP006', 'info', '', 0], ['FP201', 'info', 'src/main/deploy/apache/app.conf', 3]]
assert !findings.any { it.rule == 'FP202' }
// the model is unchanged: both daemons are there
assert json.environments[0].effective.daemons*.name == ['big', 'never']
return true
