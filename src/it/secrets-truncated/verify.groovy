import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/footprint/footprint.json').getText('UTF-8')
def json = new JsonSlurper().parseText(report)
def f = json.environments[0].findings.find { it.rule == 'FP001' }
assert [f.file, f.line] == ['src/main/deploy/app/production.ini', 4]
assert log.contains('[ERROR] [default] src/main/deploy/app/production.ini:4: FP001 ')
// the first line quotes the line cut to 60 characters, at a place inside the secret (it starts at character 53):
// the secret is masked before the cut, so the quotation shows the mask, neither the secret nor the part a cut leaves
assert f.message.startsWith("'this line has no delimiter, so the error quotes the ****")
assert f.message.length() <= 200
assert f.message.contains("...'")
['TopSecretValue', 'TopSec'].each { s ->
    assert !log.contains(s): "'$s' in build.log"
    assert !report.contains(s): "'$s' in footprint.json"
}
return true
