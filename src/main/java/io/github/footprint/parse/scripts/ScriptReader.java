package io.github.footprint.parse.scripts;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.findings.Location;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.SourceFile;

/**
 * Reads literal settings from start-up scripts: shell ({@code envvars}, {@code *.sh}), systemd units, and
 * Python ({@code .wsgi}, {@code .py}). Static reading only; a computed value is kept as text with no number.
 */
public final class ScriptReader {
    private static final Pattern SHELL_ASSIGN = Pattern.compile(
            "^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|'[^']*'|[^\\s;]*)");
    private static final Pattern ULIMIT = Pattern.compile("\\bulimit\\s+(?:-[HS]+\\s+)?-([sv])\\s+(\\S+)");
    private static final Pattern UNIT_KEY = Pattern.compile("^(LimitSTACK|LimitAS|Environment)\\s*=\\s*(.*)$");
    private static final Pattern ENV_PAIR = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)=([^\"\\s]*)\"?");
    private static final Pattern STACK_SIZE = Pattern.compile("\\b(?:threading|thread|_thread)\\.stack_size\\s*\\(([^)]*)\\)");
    private static final Pattern LOADAPP = Pattern.compile("\\bloadapp\\s*\\(\\s*([rub]?)(['\"])(.*?)\\2");

    private ScriptReader() {
    }

    /** Reads a script of kind SHELL, SYSTEMD or PYTHON. */
    public static ScriptFacts read(SourceFile f) {
        ScriptFacts facts = new ScriptFacts(f);
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Location at = new Location(f.displayPath(), f.templateLine(i));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (f.kind() == FileKind.SHELL) {
                shell(line, at, facts);
            } else if (f.kind() == FileKind.SYSTEMD) {
                unit(line, at, facts);
            } else if (f.kind() == FileKind.PYTHON) {
                python(line, at, facts);
            }
        }
        return facts;
    }

    private static void shell(String line, Location at, ScriptFacts facts) {
        for (String part : line.split("[;&|]+")) {
            String p = part.strip();
            Matcher a = SHELL_ASSIGN.matcher(p);
            if (a.find()) {
                String v = unquote(a.group(2));
                facts.variable(new Fact(a.group(1), v, number(v), at));
            }
            Matcher u = ULIMIT.matcher(p);
            if (u.find()) {
                String v = unquote(u.group(2));
                facts.setting(new Fact(u.group(1).equals("s") ? ScriptFacts.ULIMIT_STACK_KIB : ScriptFacts.ULIMIT_VIRTUAL_KIB,
                        v, number(v), at));
            }
        }
    }

    private static void unit(String line, Location at, ScriptFacts facts) {
        Matcher m = UNIT_KEY.matcher(line);
        if (!m.matches()) {
            return;
        }
        String key = m.group(1);
        String v = m.group(2).strip();
        if (key.equals("Environment")) {
            Matcher p = ENV_PAIR.matcher(v);
            while (p.find()) {
                facts.variable(new Fact(p.group(1), p.group(2), number(p.group(2)), at));
            }
        } else {
            facts.setting(new Fact(key.equals("LimitSTACK") ? ScriptFacts.LIMIT_STACK_BYTES : ScriptFacts.LIMIT_AS_BYTES,
                    v, systemdBytes(v), at));
        }
    }

    private static void python(String line, Location at, ScriptFacts facts) {
        Matcher s = STACK_SIZE.matcher(line);
        while (s.find()) {
            String arg = s.group(1).strip();
            if (!arg.isEmpty()) {
                facts.setting(new Fact(ScriptFacts.PYTHON_STACK_SIZE, arg, number(arg), at));
            }
        }
        Matcher l = LOADAPP.matcher(line);
        while (l.find()) {
            facts.setting(new Fact(ScriptFacts.LOADAPP, l.group(3), null, at));
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** A literal integer or a product of literal integers ({@code 512 * 1024}); null for anything else. */
    static Long number(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        long product = 1;
        for (String factor : t.split("\\*")) {
            String f = factor.strip();
            if (!f.matches("\\d{1,12}")) {
                return null;
            }
            product = Math.multiplyExact(product, Long.parseLong(f));
        }
        return product;
    }

    /** systemd sizes: bytes, or K/M/G suffixes in powers of 1024; {@code infinity} and others are unknown. */
    static Long systemdBytes(String text) {
        Matcher m = Pattern.compile("^(\\d{1,12})([KMGT]?)$").matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long v = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "K":
                return v << 10;
            case "M":
                return v << 20;
            case "G":
                return v << 30;
            case "T":
                return v << 40;
            default:
                return v;
        }
    }
}
