import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// no main httpd file, Debian's folders: read inside Debian's stock apache2, said in the findings and the table
assert log.contains("[INFO] [one-host] FP006 No main httpd file: read inside Debian 12's stock apache2 2.4.71 (event"
        + " MPM, 6 children x 25 threads); set platform if the host runs another server")
def fp006 = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json')).environments.find { it.id == 'one-host' }.findings.find { it.rule == 'FP006' }
assert fp006.detail.startsWith("The project's files are read inside Debian 12's stock apache2 2.4.71 (/etc/apache2,"
        + " event MPM, mod_wsgi enabled) (platform=auto, from folder src/main/deploy/apache2/sites-enabled/), standing"
        + " where the host has them; event MPM, MaxRequestWorkers 150 / ThreadsPerChild 25 = 6 children.") : fp006.detail
def lines = log.readLines()
int at = lines.indexOf('[INFO] footprint [one-host] worst case on one host:')
assert at > 0
assert lines[at + 1] == "[INFO]   server: Debian 12's stock apache2 2.4.71 (platform=debian (auto: folder"
assert lines[at + 2] == "[INFO]     src/main/deploy/apache2/sites-enabled/))"
// ${APACHE_LOG_DIR} comes from Debian's envvars
assert !log.contains('FP002')
// three hosts on one database: 90 connections against 60, and what fits per process on each
assert log.contains('[ERROR] [fleet] src/main/deploy/ckan/production.ini:3: FP504 SQLAlchemy pools can open 30'
        + ' connections per host, 90 on 3 hosts, above databaseConnections=60; give each pool at most 10 per process'
        + ' (pool_size + max_overflow)')
def fp504 = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json')).environments.find { it.id == 'fleet' }.findings.find { it.rule == 'FP504' }
assert fp504.detail.contains('60 connections / 2 pooling processes x 3 hosts = 10 per process: pool_size +'
        + ' max_overflow at most 10 in each pool, or run fewer processes or hosts.') : fp504.detail
assert log.contains('[INFO]   database connections: max 30 per host, 90 on 3 hosts; databaseConnections=60: over by 30')
assert log.contains('[INFO]   database connections: max 30; databaseConnections=60: headroom 30')

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
def one = json.environments.find { it.id == 'one-host' }
def fleet = json.environments.find { it.id == 'fleet' }
[one, fleet].each { e ->
    assert e.platform.name == 'debian' && e.platform.auto && e.platform.applied
    assert e.platform.reason == 'folder src/main/deploy/apache2/sites-enabled/'
    assert e.effective.mpm == 'event' && !e.effective.mpmAssumed && e.effective.maxRequestWorkers == 150
    assert e.effective.setAt.maxRequestWorkers.file == 'platform:debian/mods-available/mpm_event.conf'
    assert e.memory.components.find { it.name == 'apache children' }.count == 6
}
assert [one.databaseConnections.max, one.databaseConnections.hosts, one.databaseConnections.fleetMax] == [30, 1, 30]
assert [fleet.databaseConnections.max, fleet.databaseConnections.hosts, fleet.databaseConnections.fleetMax] == [30, 3, 90]
// memory stays per host
assert one.memory.residentBytes == fleet.memory.residentBytes
assert fleet.findings*.rule.contains('FP504') && !one.findings*.rule.contains('FP504')
return true
