// examples/ansible-role: the 2009 post's set-up as an Ansible role. Rendered with the role's defaults and
// group_vars/all.yml (environment staging), its findings are those of the Maven-filtered example
// (examples/blog-2009, the same rules at the same lines); group_vars/prod.yml (environment prod) gives the daemon
// 8 threads and the pool 8 + 2, and its vaulted password is never printed.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'ansible-role/target/footprint/footprint.json'))
assert json.environments*.id == ['staging', 'prod']
def staging = json.environments.find { it.id == 'staging' }
def prod = json.environments.find { it.id == 'prod' }
def t = 'src/main/deploy/roles/myapplication/templates/'
def expected = [['FP209', t + 'apache2.conf.j2', 4], ['FP105', t + 'apache2.conf.j2', 17],
        ['FP108', t + 'apache2.conf.j2', 17], ['FP501', t + 'apache2.conf.j2', 17],
        ['FP503', t + 'apache2.conf.j2', 17], ['FP108', t + 'apache2.conf.j2', 18],
        ['FP403', t + 'myapplication.conf.j2', 2], ['FP301', t + 'production.ini.j2', 14],
        ['FP308', t + 'production.ini.j2', 14], ['FP301', t + 'production.ini.j2', 23],
        ['FP301', t + 'production.ini.j2', 24], ['FP304', t + 'production.ini.j2', 24]]
def got = { e -> e.findings.collect { [it.rule, it.file, it.line] }.sort { a, b -> a.toString() <=> b.toString() } }
assert got(staging) == expected.sort { a, b -> a.toString() <=> b.toString() }
// the Maven-filtered example's files are the same lines: its findings are the same rules at the same lines
def blog = [['FP209', 'apache2.conf', 4], ['FP105', 'apache2.conf', 17], ['FP108', 'apache2.conf', 17],
        ['FP501', 'apache2.conf', 17], ['FP503', 'apache2.conf', 17], ['FP108', 'apache2.conf', 18],
        ['FP403', 'myapplication.conf', 2], ['FP301', 'production.ini', 14], ['FP308', 'production.ini', 14],
        ['FP301', 'production.ini', 23], ['FP301', 'production.ini', 24], ['FP304', 'production.ini', 24]]
assert expected.collect { [it[0], it[1].substring(t.length()).replace('.j2', ''), it[2]] }
        .sort { a, b -> a.toString() <=> b.toString() } == blog.sort { a, b -> a.toString() <=> b.toString() }
def daemon = { e -> e.effective.daemons.collect { [it.name, it.processes, it.threads, it.maximumRequests] } }
assert daemon(staging) == [['myapplication', 1, 4, 100]]
assert daemon(prod) == [['myapplication', 1, 8, 1000]]
def fp304 = { e -> e.findings.find { it.rule == 'FP304' }.message }
assert fp304(staging).contains('pool_size 3 + max_overflow 7 = 10 connections per process')
assert fp304(prod).contains('pool_size 8 + max_overflow 2 = 10 connections per process')
// secrets: the literal password of group_vars/all.yml is masked, the vault is never printed
def outputs = [log] + new File(basedir, 'ansible-role/target/footprint').listFiles().findAll { it.isFile() }*.text
outputs.each { text ->
    assert !text.contains('s3cretpass')
    assert !text.contains('somesecret')
    assert !text.contains('ANSIBLE_VAULT')
    assert !text.contains('62313365396662343061393464336163')
}
true
