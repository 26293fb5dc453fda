import groovy.json.JsonSlurper

// A deploy that fits its budgets: no finding at all (failOn=warning would fail the build on any warning), the
// footprint table with its headroom, and footprint.json's memory and databaseConnections against the budgets.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !(log =~ /FP\d{3}/)

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 0, warnings: 0, infos: 0]
def env = json.environments[0]
def m = env.memory
assert m.budgetBytes == 512L * 1024 * 1024
assert m.virtualBudgetBytes == null
assert m.headroomBytes == m.budgetBytes - m.residentBytes
assert m.headroomBytes > 0

// the sizes, recomputed from the calibration constants (KiB, docs/memory-model.md#calibration) and appRss 40 MiB
def kib = { double k -> Math.round(k * 1024) as long }
long appRss = 40L * 1024 * 1024
assert m.components*.name == ['apache parent', 'apache children', "daemon 'shop'"]
assert m.components*.count == [1, 4, 1] // ServerLimit 4 caps MaxRequestWorkers 100 / ThreadsPerChild 25 at 4
assert m.components*.residentBytesEach == [kib(7134), kib(6446), kib(11785) + 6 * kib(40.4) + appRss]
assert m.components.collect { [it.file, it.line] } == [
        ['src/main/deploy/apache2/apache2.conf', 2],
        ['src/main/deploy/apache2/apache2.conf', 7],
        ['src/main/deploy/apache2/sites-enabled/shop.conf', 3]]
// a daemon's address space: base + threads x overhead + (threads + 2) stacks of 512 KiB + guard + arenas (7 of 64 MiB)
assert m.components[2].virtualBytesEach == kib(18701) + 6 * kib(41.8) + 8 * (524288 + 4096) + 7 * 64L * 1024 * 1024 + appRss
assert m.residentBytes == m.components.sum(0L) { it.residentBytes as long }

def db = env.databaseConnections
assert [db.max, db.unbounded, db.budget] == [6, false, 20]
assert db.pools.collect { [it.processes, it.perProcess, it.file, it.line] } == [[1, 6, 'src/main/deploy/app/production.ini', 4]]

assert log.contains('[INFO] footprint [default] worst case on one host:')
assert log =~ /\[INFO\]   memory=512 MiB: headroom \d/
assert log.contains('[INFO]   database connections: max 6; databaseConnections=20: headroom 14')
return true
