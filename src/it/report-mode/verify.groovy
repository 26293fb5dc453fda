import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')

// the umask Maven ran with: the invoker's forked Maven and this script's shell both inherit it from the same JVM
def umask = Integer.parseInt(['sh', '-c', 'umask'].execute().text.trim(), 8)
def expected = PosixFilePermissions.toString(PosixFilePermissions.fromString('rw-rw-rw-').findAll { p ->
    int bit = 1 << (8 - p.ordinal())
    (bit & umask) == 0
} as Set)
println "report-mode: umask ${Integer.toOctalString(umask)}, expected mode $expected"
def out = new File(basedir, 'target/footprint')
['footprint.json', 'footprint.sarif', 'TEST-footprint.xml', 'index.html'].each { name ->
    def mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(new File(out, name).toPath()))
    assert mode == expected : "$name: $mode under umask ${Integer.toOctalString(umask)}"
    if (umask == 022) {
        assert mode == 'rw-r--r--' : name
    }
}
// the leftovers are gone, the look-alike stays, and no temporary file of this run is left
assert out.list().sort() == ['TEST-footprint.xml', 'footprint.json', 'footprint.json.tmp', 'footprint.sarif', 'index.html']
return true
