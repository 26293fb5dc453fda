import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[WARNING] [prod] src/main/deploy/apache/app.conf:4: FP201 WSGIDaemonProcess app: maximum-requests=5000 ')
assert !log.contains('[WARNING] [dev]')
assert log.contains('footprint [dev]: 1 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 1 info; daemon groups: app (1x2 threads, maximum-requests=200)')
assert log.contains('footprint [prod]: 1 file(s) under src/main/deploy; 0 error(s), 1 warning(s), 2 info; daemon groups: app (1x8 threads, maximum-requests=5000)')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 0, warnings: 1, infos: 3]
assert json.environments*.id == ['dev', 'prod']
def dev = json.environments.find { it.id == 'dev' }
def prod = json.environments.find { it.id == 'prod' }
// no main httpd file and no distribution's layout: FP006 says which server is assumed, in each environment
assert dev.findings.collect { [it.rule, it.severity, it.file, it.line] } == [['FP006', 'info', '', 0]]
// prod sets no memory budget: FP505 says so, about the project as a whole
assert prod.findings.collect { [it.rule, it.severity, it.file, it.line] } ==
        [['FP006', 'info', '', 0], ['FP505', 'info', '', 0], ['FP201', 'warning', 'src/main/deploy/apache/app.conf', 4]]
assert prod.findings[2].message.contains('maximum-requests=5000')
// each environment rendered the template with its own values, at the same template line
assert dev.effective.daemons.collect { [it.name, it.threads, it.maximumRequests, it.line] } == [['app', 2, 200, 4]]
assert prod.effective.daemons.collect { [it.name, it.threads, it.maximumRequests, it.line] } == [['app', 8, 5000, 4]]

// a footprint table per environment, after that environment's summary, each with its own daemon and budget
def lines = log.readLines()
['dev', 'prod'].each { id ->
    int at = lines.indexOf("[INFO] footprint [${id}] worst case on one host:".toString())
    assert at > 0 : id
    assert lines[at - 1].startsWith("[INFO] footprint [${id}]: 1 file(s)")
}
def table = { id -> lines.dropWhile { it != "[INFO] footprint [${id}] worst case on one host:".toString() }.drop(1)
        .takeWhile { it.startsWith('[INFO]   ') } }
def devTable = table('dev')
def prodTable = table('prod')
assert devTable.any { it.startsWith("[INFO]   daemon 'app'  ") }
assert prodTable.any { it.startsWith("[INFO]   daemon 'app'  ") }
assert devTable.any { it.startsWith('[INFO]   memory=1 GiB: headroom ') }
assert prodTable.contains('[INFO]   memory unset')
// no main httpd file: the MPM is assumed, and the table says so, first the server, then in its assumptions
assert devTable[0] == "[INFO]   server: assumed: event MPM with httpd's compiled-in values, no distribution's configuration"
assert devTable.contains('[INFO]   assumptions:')

[dev, prod].each { e ->
    assert e.memory.components*.name == ['apache parent', 'apache children', "daemon 'app'"]
    assert e.memory.residentBytes == e.memory.components.sum(0L) { it.residentBytes as long }
    assert e.databaseConnections == [max: 0, unbounded: false, unknown: false, hosts: 1, fleetMax: 0, budget: null, pools: []]
    assert e.platform == [name: 'none', auto: true, reason: "no distribution's layout in the project", applied: true,
            server: "assumed: event MPM with httpd's compiled-in values, no distribution's configuration (platform=none"
                    + " (auto: no distribution's layout in the project))"]
}
def devDaemon = dev.memory.components[2]
def prodDaemon = prod.memory.components[2]
assert [devDaemon.sizedBy, prodDaemon.sizedBy] == ['processes=1 threads=2', 'processes=1 threads=8']
assert devDaemon.file == 'src/main/deploy/apache/app.conf' && devDaemon.line == 4
// six more threads: more resident memory, more stacks
assert prodDaemon.residentBytesEach > devDaemon.residentBytesEach
assert prodDaemon.stacksBytesEach - devDaemon.stacksBytesEach == 6 * (8 * 1024 * 1024 + 4096)
assert dev.memory.budgetBytes == 1024 * 1024 * 1024
assert dev.memory.headroomBytes == dev.memory.budgetBytes - dev.memory.residentBytes
assert prod.memory.budgetBytes == null && prod.memory.headroomBytes == null
// event with its defaults: ServerLimit 16 less 400 / 25 = 16 children counted leaves none stopping gracefully
assert dev.memory.gracefulStop == null
return true
