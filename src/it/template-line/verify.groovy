import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.environments*.id == ['site']
def env = json.environments[0]
def at = env.findings.collect { [it.rule, it.file, it.line] }
// app.conf template lines: 4 = WSGIDaemonProcess (continued on 5 and 6; rendered line 6), 7 = @missing.group@
assert at.contains(['FP201', 'src/main/deploy/apache/app.conf', 4])
assert at.contains(['FP002', 'src/main/deploy/apache/app.conf', 7])
// production.ini template line 5 (rendered line 7): the trailing comment in a number
assert at.contains(['FP301', 'src/main/deploy/app/production.ini', 5])
// and FP006 (no main httpd file: the server assumed), about the project as a whole
assert at.contains(['FP006', '', 0])
// FP304 at info: the pool cannot be compared with a daemon's threads, no .wsgi of the project loads the INI
assert at.contains(['FP304', 'src/main/deploy/app/production.ini', 5])
assert env.findings.find { it.rule == 'FP304' }.severity == 'info'
assert env.findings.size() == 5
assert env.findings.find { it.rule == 'FP201' }.message.contains('maximum-requests=20000')
assert env.findings.find { it.rule == 'FP002' }.message.contains('@missing.group@')
assert env.findings.find { it.rule == 'FP301' }.message.contains('pool_size')
// the daemon's own location is the template line too, and its options were joined across the continuation
assert env.effective.daemons.collect { [it.name, it.threads, it.maximumRequests, it.file, it.line] } ==
        [['app', 5, 20000, 'src/main/deploy/apache/app.conf', 4]]
// the console says the same lines
assert log.contains('[ERROR] [site] src/main/deploy/apache/app.conf:4: FP201 ')
assert log.contains('[ERROR] [site] src/main/deploy/apache/app.conf:7: FP002 @missing.group@ ')
assert log.contains('[ERROR] [site] src/main/deploy/app/production.ini:5: FP301 ')
return true
