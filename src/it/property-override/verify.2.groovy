import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.count('Scanning for projects') == 2
def second = log.substring(log.lastIndexOf('Scanning for projects'))
assert second.contains('BUILD SUCCESS')

def budget = { m -> new JsonSlurper().parse(new File(basedir, m + '/target/footprint/footprint.json')).environments[0].memory.budgetBytes }
// a value written in <configuration> wins over -D
assert budget('literal') == 1024L * 1024 * 1024
// ${footprint.memory} in <configuration>: -D overrides the pom's property
assert budget('property') == 512L * 1024 * 1024
assert second.contains('[INFO]   memory=1 GiB: headroom ')
assert second.contains('[INFO]   memory=512 MiB: headroom ')
return true
