// build.log holds the three invocations; each starts with 'Scanning for projects'
def all = new File(basedir, 'build.log').text
def runs = all.split('(?=\\[INFO\\] Scanning for projects)').findAll { it.contains('Scanning for projects') }
assert runs.size() == 3

// 1: named by -D, missing: a configuration error, the path relative to the project, the folder meant
def typo = 'footprint: sourceDirectory src/main/deploi does not exist (set by -Dfootprint.sourceDirectory); the nearest folder is src/main/deploy. Correct the path: only the default, src/main/deploy, may be missing (the check then skips the module)'
assert runs[0].contains('BUILD FAILURE')
assert runs[0].contains(typo)
assert runs[0].contains('MojoExecutionException')
assert !runs[0].contains('[INFO] footprint: skipped')
assert !runs[0].contains('FP005')

// 2: named in the pom, missing: the same, saying where it was set
assert runs[1].contains('BUILD FAILURE')
assert runs[1].contains('footprint: sourceDirectory src/main/deploi does not exist (set by the pom\'s <sourceDirectory>); the nearest folder is src/main/deploy.')
assert !runs[1].contains('FP005')

// 3: named and there: read as usual, and the build passes
assert runs[2].contains('BUILD SUCCESS')
assert runs[2].contains('footprint [default]: 1 file(s) under src/main/deploy; 0 error(s), 0 warning(s), 1 info')
assert runs[2].contains('[INFO] footprint: 0 errors, 0 warnings, 1 info (default); failOn=error: the build passes')
return true
