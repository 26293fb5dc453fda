import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('footprint [default]: 4 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 0 info')
assert log.contains('daemon groups: myapp (1x5 threads, maximum-requests=500)')
assert !(log =~ /FP\d{3}/)

def jsonFile = new File(basedir, 'target/footprint/footprint.json')
assert jsonFile.isFile()
def json = new JsonSlurper().parse(jsonFile)
assert json.tool.name == 'footprint-maven-plugin'
assert json.summary == [errors: 0, warnings: 0, infos: 0]
assert json.environments*.id == ['default']
def env = json.environments[0]
assert env.findings == []
assert env.effective.daemons.size() == 1
def d = env.effective.daemons[0]
assert d.name == 'myapp'
assert d.processes == 1
assert d.threads == 5
assert d.maximumRequests == 500
assert d.stackSize == 524288
assert d.file == 'src/main/deploy/apache2/sites-enabled/myapp.conf'
assert d.line == 3

// the footprint table follows the summary: one row per component, the total, the budgets, the pool
def fmt = { long b ->
    def units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
    double v = b
    int u = 0
    while (Math.abs(v) >= 1023.95 && u < units.size() - 1) { v /= 1024; u++ }
    if (u == 0) return "${b} bytes"
    (v == Math.floor(v) ? String.format(Locale.ROOT, '%d', (long) v) : String.format(Locale.ROOT, '%.1f', v)) + ' ' + units[u]
}
def table = log.readLines().dropWhile { !it.startsWith('[INFO] footprint [default] worst case on one host:') }
assert table.size() > 0
table = table.takeWhile { it.startsWith('[INFO] footprint [default] worst case') || it.startsWith('[INFO]   ') }
assert table.every { it.length() <= 100 }
assert table.any { it ==~ /\[INFO\]   component +count +each +total +each +total/ }

def m = env.memory
assert m.components*.name == ['apache parent', 'apache children', "daemon 'myapp'"]
// MaxRequestWorkers 50 / ThreadsPerChild 25 = 2 children; ServerLimit 2 leaves none stopping gracefully
assert m.components*.count == [1, 2, 1]
assert m.gracefulStop == null
assert m.components.every { (it.residentBytes as long) == it.count * (it.residentBytesEach as long) && (it.virtualBytes as long) == it.count * (it.virtualBytesEach as long) }
assert m.residentBytes == m.components.sum(0L) { it.residentBytes as long }
assert m.virtualBytes == m.components.sum(0L) { it.virtualBytes as long }
def daemon = m.components[2]
assert [daemon.file, daemon.line, daemon.sizedBy] == ['src/main/deploy/apache2/sites-enabled/myapp.conf', 3, 'processes=1 threads=5']
assert daemon.stacksBytesEach == (5 + 2) * (524288 + 4096)
assert [m.budgetBytes, m.virtualBudgetBytes] == [256L * 1024 * 1024, null]
assert m.headroomBytes == m.budgetBytes - m.residentBytes && m.headroomBytes > 0
assert [m.arenaMax, m.appRssBytes, m.cpuCores, m.requestGrowthBytes] == [16, 40 * 1024 * 1024, 2, 0]
m.components.each { c ->
    def r = table.find { it.startsWith("[INFO]   ${c.name}  ") }
    assert r != null : c.name
    assert r.split(/ {2,}/)*.trim() == ['[INFO]', c.name, "${c.count}", fmt(c.residentBytesEach), fmt(c.residentBytes),
            fmt(c.virtualBytesEach), fmt(c.virtualBytes)]
    assert table[table.indexOf(r) + 1] == "[INFO]     sized at ${c.file}:${c.line}"
}
assert table.any { it ==~ /\[INFO\]   total +${java.util.regex.Pattern.quote(fmt(m.residentBytes))} +${java.util.regex.Pattern.quote(fmt(m.virtualBytes))}/ }
assert table.contains("[INFO]   memory=256 MiB: headroom ${fmt(m.headroomBytes)}".toString())
assert table.contains('[INFO]   virtualMemory unset')

def db = env.databaseConnections
assert [db.max, db.unbounded, db.budget] == [5, false, 20]
assert db.pools.size() == 1
def pool = db.pools[0]
assert [pool.app, pool.prefix, pool.processes, pool.perProcess, pool.connections, pool.file, pool.line] ==
        ['src/main/deploy/app/production.ini [app:main]', 'sqlalchemy.', 1, 5, 5, 'src/main/deploy/app/production.ini', 5]
assert table.contains('[INFO]   database connections: max 5; databaseConnections=20: headroom 15')
// the pool's line is wrapped before its location, to stay within 100 columns
def poolLine = table.indexOf("[INFO]     [app:main] sqlalchemy.: 1 process of daemon 'myapp' x 5 = 5".toString())
assert poolLine > 0
assert table[poolLine + 1] == '[INFO]       (src/main/deploy/app/production.ini:5)'
return true
