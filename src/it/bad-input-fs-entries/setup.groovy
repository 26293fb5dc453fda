import java.nio.file.Files
import java.nio.file.Paths

def apache = new File(basedir, 'src/main/deploy/apache')

// a directory whose name looks like an Apache file
assert new File(apache, 'x.conf').mkdirs()

// a symbolic link to a file that does not exist
Files.createSymbolicLink(new File(apache, 'dangling.conf').toPath(), Paths.get('missing-target.conf'))

return true
