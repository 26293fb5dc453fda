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
return true
