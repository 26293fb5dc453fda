import groovy.json.JsonSlurper

def secrets = ['S3cr3tPw', 'TopSecretValue', 'CliPw7q2Zx', 'Opt1onPw', 'processes=Q7']

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// the findings that quote the secret-holding lines are there...
assert log.contains('[ERROR] [default] src/main/deploy/app/production.ini:7: FP001 ')
assert log.contains('[WARNING] [default] src/main/deploy/app/production.ini:5: FP002 ${replica.host} ')
// ...with every secret masked
assert log.contains("'quoting **** **** **** here'")
secrets.each { s -> assert !log.contains(s): "secret $s in build.log" }
assert log.contains('****')
// a Define substituted into a directive stays secret; an option named password is masked where FP204 quotes it
assert log.contains('processes=****')
assert log.contains('password=****')
// nothing else is masked: the short password ckan leaves the path and the text of the line alone
assert log.contains("src/main/deploy/ckan/ckan.ini:4: FP001 'a ckan line without delimiter'")
assert !log.contains('etc/****') && !log.contains('****/****.ini')

def out = new File(basedir, 'target/footprint')
def files = []
out.eachFileRecurse(groovy.io.FileType.FILES) { files << it }
assert files*.name.containsAll(['footprint.json', 'index.html'])
files.each { f ->
    def text = f.getText('UTF-8')
    secrets.each { s -> assert !text.contains(s): "secret $s in $f" }
}

def json = new JsonSlurper().parse(new File(out, 'footprint.json'))
def findings = json.environments[0].findings
def fp001 = findings.find { it.rule == 'FP001' }
assert [fp001.severity, fp001.file, fp001.line] == ['error', 'src/main/deploy/app/production.ini', 7]
assert fp001.message.contains("'quoting **** **** **** here'")
def fp002 = findings.find { it.rule == 'FP002' }
assert [fp002.severity, fp002.file, fp002.line] == ['warning', 'src/main/deploy/app/production.ini', 5]
assert new File(out, 'footprint.json').text.contains('****')
return true
