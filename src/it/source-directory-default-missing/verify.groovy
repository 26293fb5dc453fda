def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// the parent (no folder either) and the module without deploy files: one info line each, nothing else
def sections = log.split('(?=\\[INFO\\] -+< )')
def section = { String artifact -> sections.find { it.contains('< io.github.footprint.it:' + artifact + ' >') } }
for (m in ['source-directory-default-missing', 'without-deploy']) {
    def s = section(m)
    assert s != null : m
    // the plugin's lines: not the goal's heading ('--- footprint...:check'), not the module's ('< io.github...')
    def lines = s.readLines().findAll { it.contains('footprint') && !it.startsWith('[INFO] --- ') && !it.contains('< io.github') }
    assert lines == ['[INFO] footprint: skipped, src/main/deploy does not exist (no deploy templates in this module; set sourceDirectory to check another folder)'] : "$m: $lines"
}
assert !new File(basedir, 'without-deploy/target/footprint').exists()
assert !new File(basedir, 'target/footprint').exists()
assert !log.contains('FP005')

// the module with deploy files is checked
def checked = section('with-deploy')
assert checked.contains('footprint [default]: 1 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 1 info')
assert new File(basedir, 'with-deploy/target/footprint/footprint.json').isFile()
return true
