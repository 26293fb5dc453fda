import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the finding, at error level, with the template file and line
assert log.contains('[ERROR] [default] src/main/deploy/apache/app.conf:3: FP201 WSGIDaemonProcess app: maximum-requests=20000 ')
// no helpUrl: the line links nothing
assert !log.contains('FP201.md')
// the last line names the counts, the threshold and the outcome; the failure message adds the report
assert log.contains('[ERROR] footprint: 1 error, 0 warnings, 1 info (default); failOn=error: the build fails')
// assert log.contains('footprint: 1 error, 0 warnings, 1 info (default); failOn=error: the build fails; see target/footprint/footprint.json')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
// and one info: no main httpd file, so the server is assumed (FP006)
assert json.summary == [errors: 1, warnings: 0, infos: 1]
assert json.environments*.id == ['default']
def findings = json.environments[0].findings
assert findings*.rule == ['FP006', 'FP201']
def f = findings[1]
assert f.rule == 'FP201'
assert f.severity == 'error'
assert f.file == 'src/main/deploy/apache/app.conf'
assert f.line == 3
assert f.message.contains('maximum-requests=20000')
assert f.containsKey('help') && f.help == null
def d = json.environments[0].effective.daemons[0]
assert [d.name, d.processes, d.threads, d.maximumRequests, d.file, d.line] ==
        ['app', 2, 4, 20000, 'src/main/deploy/apache/app.conf', 3]

// the CI reports are written too, and agree with footprint.json
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.sarif'))
assert sarif.version == '2.1.0'
def results = sarif.runs[0].results
assert results*.ruleId == ['FP006', 'FP201'] && results*.level == ['note', 'error']
assert results[1].locations[0].physicalLocation.artifactLocation.uri == 'src/main/deploy/apache/app.conf'
assert results[1].locations[0].physicalLocation.region.startLine == 3
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/footprint/TEST-footprint.xml'))
assert junit.@failures.text() == '1'
def failed = junit.testsuite.testcase.findAll { it.failure.size() > 0 }
assert failed.size() == 1 && failed[0].@name.text() == 'FP201 maximum-requests-too-high'
return true
