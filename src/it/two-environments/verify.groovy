import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] [prod] src/main/deploy/apache/app.conf:4: FP201 WSGIDaemonProcess app: maximum-requests=5000 ')
assert !log.contains('[WARNING] [dev]')
assert log.contains('footprint [dev]: 1 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 0 info; daemon groups: app (1x2 threads, maximum-requests=200)')
assert log.contains('footprint [prod]: 1 file(s) under src/main/deploy; 0 error(s), 1 warning(s), 0 info; daemon groups: app (1x8 threads, maximum-requests=5000)')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 0, warnings: 1, infos: 0]
assert json.environments*.id == ['dev', 'prod']
def dev = json.environments.find { it.id == 'dev' }
def prod = json.environments.find { it.id == 'prod' }
assert dev.findings == []
assert prod.findings.collect { [it.rule, it.severity, it.file, it.line] } ==
        [['FP201', 'warning', 'src/main/deploy/apache/app.conf', 4]]
assert prod.findings[0].message.contains('maximum-requests=5000')
// each environment rendered the template with its own values, at the same template line
assert dev.effective.daemons.collect { [it.name, it.threads, it.maximumRequests, it.line] } == [['app', 2, 200, 4]]
assert prod.effective.daemons.collect { [it.name, it.threads, it.maximumRequests, it.line] } == [['app', 8, 5000, 4]]
return true
