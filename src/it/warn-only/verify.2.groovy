import groovy.json.JsonSlurper

// after invocation 2 (-Dfootprint.failOn=warning): the same single warning fails the build
def log = new File(basedir, 'build.log').text
// build.log holds both invocations; each starts with 'Scanning for projects'
assert log.count('Scanning for projects') == 2
def first = log.substring(0, log.lastIndexOf('Scanning for projects'))
def second = log.substring(log.lastIndexOf('Scanning for projects'))
assert first.contains('BUILD SUCCESS')
assert second.contains('[WARNING] [default] src/main/deploy/apache/app.conf:4: FP202 ')
assert second.contains('BUILD FAILURE')
assert second.contains('[ERROR] footprint: 0 errors, 1 warning, 1 info (default); failOn=warning: the build fails')
assert second.contains('footprint: 0 errors, 1 warning, 1 info (default); failOn=warning: the build fails; see target/footprint/footprint.json')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 0, warnings: 1, infos: 1]
assert json.environments[0].findings*.rule == ['FP006', 'FP202']
return true
