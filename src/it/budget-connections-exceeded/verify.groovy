import groovy.json.JsonSlurper

// memory fits, the database does not: 4 processes x SQLAlchemy's default pool of 5 + 10 = 60 > databaseConnections=25
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] [default] src/main/deploy/app/production.ini:3: FP504 SQLAlchemy pools can open 60 connections, above databaseConnections=25; give each pool at most 6 per process (pool_size + max_overflow)')
assert log.contains('[ERROR] footprint: 1 error, 0 warnings, 0 infos (default); failOn=error: the build fails')
// Maven's failure message repeats it, with the report
assert log.contains('footprint: 1 error, 0 warnings, 0 infos (default); failOn=error: the build fails; see target/footprint/footprint.json')
assert !log.contains('FP501') && !log.contains('FP502')
// the password of the URL never leaves
assert !log.contains('s3cr3t-pw')
assert log.contains('[INFO]   database connections: max 60; databaseConnections=25: over by 35')

def text = new File(basedir, 'target/footprint/footprint.json').text
assert !text.contains('s3cr3t-pw')
def json = new JsonSlurper().parseText(text)
assert json.summary == [errors: 1, warnings: 0, infos: 0]
def env = json.environments[0]
assert env.findings*.rule == ['FP504']
// the why, in the detail: every pool and the division
def detail = env.findings[0].detail
assert detail.startsWith('The pools: [app:main] of src/main/deploy/app/production.ini, engine sqlalchemy.: 4 process(es) x 15 = 60 (processes=4 of daemon ') : detail
assert detail.endsWith('. 25 connections / 4 pooling processes = 6 per process: pool_size + max_overflow at most 6 in each pool, or run fewer processes.') : detail
def db = env.databaseConnections
assert [db.max, db.unbounded, db.budget] == [60, false, 25]
assert db.pools.collect { [it.processes, it.perProcess, it.connections, it.file, it.line] } ==
        [[4, 15, 60, 'src/main/deploy/app/production.ini', 3]]
assert env.memory.headroomBytes > 0
return true
