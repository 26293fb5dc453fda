import groovy.json.JsonSlurper

// memory fits, the database does not: 4 processes x SQLAlchemy's default pool of 5 + 10 = 60 > databaseConnections=25
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('[ERROR] [default] src/main/deploy/app/production.ini:3: FP504 The SQLAlchemy pools can open 60 database connections, above databaseConnections=25: [app:main] of src/main/deploy/app/production.ini, engine sqlalchemy.: 4 process(es) x 15 = 60')
assert log.contains('Give each pool at most pool_size + max_overflow = 6 per process (25 connections / 4 pooling processes), or run fewer processes')
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
def db = env.databaseConnections
assert [db.max, db.unbounded, db.budget] == [60, false, 25]
assert db.pools.collect { [it.processes, it.perProcess, it.connections, it.file, it.line] } ==
        [[4, 15, 60, 'src/main/deploy/app/production.ini', 3]]
assert env.memory.headroomBytes > 0
return true
