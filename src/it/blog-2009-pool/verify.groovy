// The 2009 post's set-up counts its own pool (issue 14 item 1): its INI writes Pylons 0.9.6's
// sqlalchemy.default.url, .pool_size and .max_overflow, and the engine is found at that prefix from the url key
// (no sqlalchemyPrefixes parameter in the example's pom). The sizes carry trailing comments, so SQLAlchemy would
// raise ValueError at start-up: the pool is counted as unknown with that assumption stated, and FP304 compares
// the sizes as meant (3 + 7 = 10) with the daemon's 4 threads, through the link from the WSGIScriptAlias.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def lines = log.readLines()

// the keys of the sqlalchemy.default. engine are no longer "read by no engine" (FP303)
assert !lines.any { it.contains(' FP303 ') } : lines.findAll { it.contains(' FP303 ') }

// FP304 compares the pool with the daemon's 4 threads
def fp304 = lines.findAll { it.contains(' FP304 ') }
assert fp304.size() == 1 : fp304
// the console's line: the numbers and the fix; the why in footprint.json's detail
assert fp304[0] == '[WARNING] [default] src/main/deploy/pylons/production.ini:24: FP304 [app:main] sqlalchemy.default. pool allows 10 connections per process for 4 threads; set sqlalchemy.default.pool_size = 3, sqlalchemy.default.max_overflow = 1' : fp304[0]
def detail304 = new JsonSlurper().parse(new File(basedir, 'blog-2009/target/footprint/footprint.json')).environments[0].findings.find { it.rule == 'FP304' }.detail
assert detail304.startsWith('pool_size 3 + max_overflow 7 = 10 connections per process as meant') : detail304
assert detail304.contains("but daemon 'myapplication' (src/main/deploy/apache/myapplication.conf:2) runs 4 thread(s)") : detail304

// the footprint table: the pool, the daemon's process, unknown, the link and the assumption
assert lines.contains('[INFO]   database connections: unknown; databaseConnections unset') : lines.findAll { it.contains('database connections') }
assert lines.contains("[INFO]     [app:main] sqlalchemy.default.: 1 process of daemon 'myapplication' x unknown")
assert lines.any { it.startsWith('[INFO]       linked: WSGIScriptAlias /site.wsgi/ (src/main/deploy/apache/myapplication.conf:3) runs') }
assert lines.any { it.startsWith("[INFO]       path: PasteDeploy: config: URI 'config:/apps/myapplication/production.ini'") }
int assumption = lines.findIndexOf { it.startsWith('[INFO]   - the pool of src/main/deploy/pylons/production.ini [app:main] (sqlalchemy.default.) is not') }
assert assumption > 0
assert lines[assumption..assumption + 3].join(' ').contains('SQLAlchemy raises ValueError at start-up')

// footprint.json: the pool at its prefix, unknown, with the link
def json = new JsonSlurper().parse(new File(basedir, 'blog-2009/target/footprint/footprint.json'))
def db = json.environments[0].databaseConnections
assert db.max == null
assert db.unknown == true
assert db.unbounded == false
assert db.pools.size() == 1
def pool = db.pools[0]
assert pool.prefix == 'sqlalchemy.default.'
assert pool.processes == 1
assert pool.unknown == true
assert pool.link.loader == 'paste.deploy.loadapp'
assert pool.link.script == '/apps/myapplication/myapplication.wsgi'
assert pool.link.path == '/apps/myapplication/production.ini'
assert pool.link.file == 'src/main/deploy/pylons/production.ini'
assert pool.link.section == 'main'
return true
