import groovy.json.JsonSlurper

// after invocation 1 (failOn=error): the warning is printed, the build passes
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] [default] src/main/deploy/apache/app.conf:4: FP202 WSGIDaemonProcess app has no maximum-requests')
// no helpUrl: no link; one line says how to print the rule's page from the plugin
assert !log.contains('.md)')
assert log.contains('[INFO] footprint: each rule\'s page (what, why, the fix) is in the plugin: mvn io.github.footprint:footprint-maven-plugin:' + pluginVersion + ':rules -Drule=FP202')
assert log.contains('[WARNING] footprint: 0 errors, 1 warning, 1 info (default); failOn=error: the build passes anyway')
assert log.contains('footprint [default]: 1 file(s) under src/main/deploy; 0 error(s), 1 warning(s), 1 info')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
// and FP006, an info: no main httpd file, the server assumed
assert json.summary == [errors: 0, warnings: 1, infos: 1]
def findings = json.environments[0].findings
assert findings.collect { [it.rule, it.severity, it.file, it.line] } ==
        [['FP006', 'info', '', 0], ['FP202', 'warning', 'src/main/deploy/apache/app.conf', 4]]
assert json.environments[0].effective.daemons[0].maximumRequests == 0
return true
