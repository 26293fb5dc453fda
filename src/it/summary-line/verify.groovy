import groovy.json.JsonSlurper

def all = new File(basedir, 'build.log').text
def runs = all.split('(?=\\[INFO\\] Scanning for projects)').findAll { it.contains('Scanning for projects') }
assert runs.size() == 2

/** The check's last log line: the one before the separator that follows the goal's heading. */
def lastLine = { String run ->
    def lines = run.readLines()
    // '--- footprint-maven-plugin:VERSION:check' up to Maven 3.8, '--- footprint:VERSION:check' from 3.9
    int goal = lines.findIndexOf { it.startsWith('[INFO] --- ') && it.contains(':check ') }
    assert goal >= 0
    int end = lines.findIndexOf(goal + 1) { it ==~ /\[INFO\] -{20,}/ }
    assert end > goal
    lines[end - 1]
}

def counts = '1 error, 2 warnings, 2 infos (dev: 0 errors, 1 warning, 1 info; prod: 1 error, 1 warning, 1 info)'
def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 1, warnings: 2, infos: 2]
assert json.environments.collect { e -> [e.id, e.findings*.rule] } == [['dev', ['FP006', 'FP202']], ['prod', ['FP006', 'FP201', 'FP202']]]

// 1: failOn=error: fails; the summary is the check's last line, at error level; Maven's failure message repeats it
def first = "footprint: $counts; failOn=error: the build fails"
assert lastLine(runs[0]) == '[ERROR] ' + first
assert runs[0].contains('BUILD FAILURE')
assert runs[0].contains(first + '; see target/footprint/footprint.json')

// 2: failOn=never: the same findings, the build passes anyway, said at warning level, last
def second = "footprint: $counts; failOn=never: the build passes anyway"
assert lastLine(runs[1]) == '[WARNING] ' + second
assert runs[1].contains('BUILD SUCCESS')

// one summary line per run
runs.each { r -> assert r.readLines().count { it ==~ /\[(ERROR|WARNING|INFO)\] footprint: \d+ errors?, .*failOn=.*/ } == 1 }
return true
