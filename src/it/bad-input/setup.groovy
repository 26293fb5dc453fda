def deploy = new File(basedir, 'src/main/deploy')
def bytes = { Object... parts ->
    def out = new ByteArrayOutputStream()
    parts.each { p -> p instanceof String ? out.write(p.getBytes('US-ASCII')) : p.each { out.write(it as int) } }
    out.toByteArray()
}

// a .conf whose second line holds a NUL byte
new File(deploy, 'apache/binary.conf').bytes =
        bytes('ServerName binary.example.com\n', [0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0xff, 0x0a])

// git keeps no empty folder: make the one the INI goes into
new File(deploy, 'app').mkdirs()
// an INI file in Latin-1, not UTF-8: 0xE9 (e acute) on line 3
new File(deploy, 'app/latin1.ini').bytes = bytes('[app:main]\nuse = egg:myapp\nowner = Ren', [0xe9], '\n')

return true
