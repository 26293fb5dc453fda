package io.github.footprint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One text of every line ending, cut as each program cuts it (LineEndJudgesTest asks the programs themselves). */
class LineEndsTest {
    private static final String TEXT = "a\r\nb\rc\n\rd\n\ne";

    @Test
    void eachProgramsLines() {
        // httpd: LF only, a CR before it trimmed, a lone CR kept
        assertEquals(List.of("a", "b\rc", "\rd", "", "e"), LineEnds.HTTPD.split(TEXT));
        // the shell: LF only, every CR kept
        assertEquals(List.of("a\r", "b\rc", "\rd", "", "e"), LineEnds.SHELL.split(TEXT));
        // systemd: LF or CR, CRLF and LFCR one ending each
        assertEquals(List.of("a", "b", "c", "d", "", "e"), LineEnds.SYSTEMD.split(TEXT));
        // python3 -c 'print("a\r\nb\rc\n\rd\n\ne".splitlines())'
        assertEquals(List.of("a", "b", "c", "", "d", "", "e"), LineEnds.PYTHON.split(TEXT));
        assertEquals(List.of("x"), LineEnds.HTTPD.split("x\r"));
        assertEquals(List.of(), LineEnds.PYTHON.split(""));
    }
}
