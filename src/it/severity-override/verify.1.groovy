import groovy.json.JsonSlurper

// invocation 1, no overrides: the catalogue's severities fail the build
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] [default] src/main/deploy/apache/app.conf:3: FP201 WSGIDaemonProcess big: maximum-requests=20000 ')
assert log.contains('[WARNING] [default] src/main/deploy/apache/app.conf:5: FP202 WSGIDaemonProcess never has no maximum-requests')
assert log.contains('[ERROR] footprint: 1 error, 1 warning, 1 info (default); failOn=error: the build fails')
// Maven's failure message repeats it, with the report
assert log.contains('footprint: 1 error, 1 warning, 1 info (default); failOn=error: the build fails; see target/footprint/footprint.json')
assert log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
// FP006: no main httpd file, the server assumed (info, about the project as a whole)
assert json.summary == [errors: 1, warnings: 1, infos: 1]
assert json.environments[0].findings.collect { [it.rule, it.severity, it.line] } ==
        [['FP006', 'info', 0], ['FP201', 'error', 3], ['FP202', 'warning', 5]]
return true
