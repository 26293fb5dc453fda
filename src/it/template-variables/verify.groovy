// -Dfootprint.variables and an environment's <variables> render the same Jinja2 template differently: dev gets
// vars/workers.yml (threads 4, maximum-requests 200), prod gets vars/prod.yml on top (threads 16, 5000, so FP201).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
def dev = json.environments.find { it.id == 'dev' }
def prod = json.environments.find { it.id == 'prod' }
def daemon = { e -> e.effective.daemons.collect { [it.name, it.processes, it.threads, it.maximumRequests, it.line] } }
assert daemon(dev) == [['app', 1, 4, 200, 2]]
assert daemon(prod) == [['app', 1, 16, 5000, 2]]
def rules = { e -> e.findings.collect { [it.rule, it.file, it.line] } }
assert !rules(dev).any { it[0] == 'FP201' } : rules(dev)
assert rules(prod).contains(['FP201', 'src/main/deploy/templates/app.conf.j2', 2]) : rules(prod)
