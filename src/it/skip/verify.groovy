def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('[INFO] footprint: skipped (footprint.skip=true)')
// one line, and nothing else from the check
assert log.count('footprint: skipped') == 1
assert !(log =~ /FP\d{3}/)
assert !log.contains('footprint [default]')
assert !new File(basedir, 'target/footprint').exists()
return true
