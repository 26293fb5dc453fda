import groovy.json.JsonSlurper

assert !new File(basedir, 'pom.xml').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Building Maven Stub Project (No POM)')
assert log.contains('BUILD FAILURE')
// paths are relative to the working directory (this folder): not absolute, not ../-style
assert log.contains('[WARNING] [default] deploy/apache/app.conf:3: FP201 WSGIDaemonProcess app: maximum-requests=5000 ')
assert log.contains("[ERROR] [default] deploy/app/production.ini:5: FP001 option 'full_stack' in section 'app:main' already exists")
assert log.contains('footprint [default]: 2 file(s) under deploy; 1 error(s), 1 warning(s), 2 info')
// no memory budget on the command line, no main httpd file: infos about the project as a whole, with no file
// before their id
assert log.contains('[INFO] [default] FP505 No memory budget is set (worst case ')
assert log.contains("[INFO] [default] FP006 No main httpd file and no distribution's layout found: assumed event MPM, 16 children x 25 threads; set platform to debian or httpd, or add the main file")
assert !log.contains(basedir.absolutePath + '/deploy')

// the report goes to target/footprint under the working directory, as in a project
assert log.contains('[ERROR] footprint: 1 error, 1 warning, 2 infos (default); failOn=error: the build fails')
// Maven's failure message repeats it, with the report
assert log.contains('footprint: 1 error, 1 warning, 2 infos (default); failOn=error: the build fails; see target/footprint/footprint.json')
def jsonFile = new File(basedir, 'target/footprint/footprint.json')
assert jsonFile.isFile()
// and nowhere else: no folder named after an unresolved expression, nothing beside the sources
assert !basedir.list().any { it.contains('${') }: "unexpected entries: ${basedir.list()}"
assert new File(basedir, 'deploy').list().sort() == ['apache', 'app']

def json = new JsonSlurper().parse(jsonFile)
assert json.summary == [errors: 1, warnings: 1, infos: 2]
assert json.environments*.id == ['default']
assert json.environments[0].findings.collect { [it.rule, it.severity, it.file, it.line] } == [
        ['FP006', 'info', '', 0],
        ['FP505', 'info', '', 0],
        ['FP201', 'warning', 'deploy/apache/app.conf', 3],
        ['FP001', 'error', 'deploy/app/production.ini', 5]]
assert json.environments[0].effective.daemons.collect { [it.name, it.file, it.line] } ==
        [['app', 'deploy/apache/app.conf', 3]]
return true
