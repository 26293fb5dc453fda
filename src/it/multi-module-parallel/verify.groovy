import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
// Maven warns about plugins that are not thread-safe; footprint must not be one of them
assert !log.contains('not marked as @threadSafe')
(1..4).each { i ->
    def json = new JsonSlurper().parse(new File(basedir, "m${i}/target/footprint/footprint.json"))
    def d = json.environments[0].effective.daemons
    // each module's report holds its own daemon, nobody else's
    assert d.size() == 1 && d[0].name == "app${i}" && d[0].threads == i + 1 && d[0].maximumRequests == i * 5000
    assert d[0].file == 'src/main/deploy/apache/app.conf'
    def fp201 = json.environments[0].findings.findAll { it.rule == 'FP201' }
    // maximum-requests above 1000 is an FP201 warning, above 10000 an error
    assert fp201.size() == 1
    assert fp201[0].severity == (i * 5000 > 10000 ? 'error' : 'warning')
    assert fp201[0].message.contains("WSGIDaemonProcess app${i}: maximum-requests=${i * 5000}")
}
return true
