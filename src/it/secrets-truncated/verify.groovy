import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/footprint/footprint.json').getText('UTF-8')
def json = new JsonSlurper().parseText(report)
def f = json.environments[0].findings.find { it.rule == 'FP001' }
assert [f.file, f.line] == ['src/main/deploy/app/production.ini', 4]
assert log.contains('[ERROR] [default] src/main/deploy/app/production.ini:4: FP001 ')
// the message is cut (it ends in '...'), the secret masked before: not the secret, nor the part a cut would leave
assert f.message.endsWith('...') && f.message.length() == 2000
assert f.message.contains('****')
['TopSecretValue', 'TopSec'].each { s ->
    assert !log.contains(s): "'$s' in build.log"
    assert !report.contains(s): "'$s' in footprint.json"
}
return true
