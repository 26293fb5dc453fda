import groovy.json.JsonSlurper

// the same deploy on two hosts: the VPS's 192M is too small (FP501), the dedicated host's 4G is not
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains("[ERROR] [vps] src/main/deploy/apache2/apache2.conf:6: FP501 Worst-case resident memory is 201.0 MiB, above memory=192 MiB by 9.0 MiB; set processes=2 on daemon 'shop'")
def vpsFindings = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json')).environments.find { it.id == 'vps' }.findings
assert vpsFindings.find { it.rule == 'FP501' }.detail.contains("To fit, stop 1 of the 3 processes of daemon 'shop'")
assert !log.contains('[dedicated] src/')
assert log.contains('footprint [vps]: 3 file(s) under src/main/deploy; 1 error(s), 0 warning(s), 0 info')
assert log.contains('footprint [dedicated]: 3 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 0 info')
assert log =~ /\[INFO\]   memory=192 MiB: over by 9\.0 MiB/
assert log =~ /\[INFO\]   memory=4 GiB: headroom \d/

def json = new JsonSlurper().parse(new File(basedir, 'target/footprint/footprint.json'))
assert json.summary == [errors: 1, warnings: 0, infos: 0]
def vps = json.environments.find { it.id == 'vps' }
def dedicated = json.environments.find { it.id == 'dedicated' }
assert vps.findings.collect { [it.rule, it.line] } == [['FP501', 6]]
assert dedicated.findings == []
// same processes, same resident size; each held against its own budget
assert vps.memory.residentBytes == dedicated.memory.residentBytes
assert vps.memory.budgetBytes == 192L * 1024 * 1024 && vps.memory.headroomBytes < 0
assert dedicated.memory.budgetBytes == 4L * 1024 * 1024 * 1024 && dedicated.memory.headroomBytes > 0
// 16 cores allow 128 arenas: the dedicated host's daemons and children reserve more address space
assert [vps.memory.cpuCores, dedicated.memory.cpuCores] == [2, 16]
assert dedicated.memory.virtualBytes > vps.memory.virtualBytes
return true
