package io.github.footprint.parse.scripts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Location;
import io.github.footprint.parse.scripts.python.PythonScript;
import io.github.footprint.source.FileKind;
import io.github.footprint.source.SourceFile;

/**
 * Reads literal settings from start-up scripts: shell ({@code envvars}, {@code *.sh}), systemd units, and
 * Python ({@code .wsgi}, {@code .py}). Static reading only; a computed value is kept as text with no number.
 *
 * <p>Shell: assignments and {@code export}s (and whether each reaches the commands the script starts),
 * {@code set -a}, {@code ulimit} with {@code -s}/{@code -v} (bash's option forms: {@code -S -s}, {@code -Ss},
 * {@code -H}, {@code unlimited}), and commands that start httpd. Lines are cut into simple commands at
 * {@code ; & |} outside quotes and at a {@code #} that starts a word; control keywords ({@code then},
 * {@code do}...) in front of a command are skipped, conditions are not evaluated.
 *
 * <p>systemd: {@code LimitSTACK=}/{@code LimitAS=} as systemd's {@code rlimit_parse} reads them (a value, or
 * {@code soft:hard}; {@code parse_size} with base 1024: {@code B K M G T P E} suffixes, fractions such as
 * {@code 1.5G}, {@code infinity}), and {@code Environment=} pairs.
 *
 * <p>Python: read by {@link PythonScript} (a tokenizer and evaluator after CPython 3's rules):
 * {@code threading.stack_size(...)}, {@code thread.stack_size(...)}, {@code _thread.stack_size(...)} under any name
 * imports give them, with the argument's value when it is an integer the script computes from literals
 * ({@code 524288}, {@code 512 * 1024}, {@code 0x80000}, {@code 2 ** 19}, a name bound to one); {@code loadapp('...')}
 * with a literal argument; and every INI loader with the path it computes ({@link ScriptFacts#iniLoads}).
 */
public final class ScriptReader {
    private static final Pattern NAME_VALUE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UNIT_KEY = Pattern.compile("^(LimitSTACK|LimitAS|Environment)\\s*=\\s*(.*)$");
    private static final Pattern ENV_PAIR = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)=([^\"\\s]*)\"?");
    /** The commands that start httpd, by their last path element. */
    private static final Set<String> HTTPD_COMMANDS = Set.of("apache2ctl", "apachectl", "apache2", "httpd",
            "httpd-foreground");
    /** apachectl/httpd arguments that do not start a server. */
    private static final Set<String> NOT_STARTING = Set.of("configtest", "-t", "status", "fullstatus", "stop",
            "graceful-stop", "-v", "-V", "-l", "-L", "-M", "-S", "-h", "help");
    /** Words in front of a simple command that do not change what it is. */
    private static final Set<String> KEYWORDS = Set.of("then", "do", "else", "{", "(", "!", "time");
    /** Commands that run the command after them. */
    private static final Set<String> WRAPPERS = Set.of("exec", "env", "nohup", "command");

    private ScriptReader() {
    }

    /** Reads a script of kind SHELL, SYSTEMD or PYTHON. */
    public static ScriptFacts read(SourceFile f) {
        ScriptFacts facts = new ScriptFacts(f);
        List<String> lines = f.lines();
        if (f.kind() == FileKind.SHELL) {
            new Shell(facts).read(f, lines);
            return facts;
        }
        if (f.kind() == FileKind.PYTHON) {
            python(f, facts);
            return facts;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Location at = new Location(f.displayPath(), f.templateLine(i));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (f.kind() == FileKind.SYSTEMD) {
                unit(line, at, facts);
            }
        }
        return facts;
    }

    /** The Python facts: stack_size calls and literal loadapp calls, in line order (stack sizes first on a line). */
    private static void python(SourceFile f, ScriptFacts facts) {
        PythonScript py = PythonScript.read(f);
        facts.python(py);
        List<Fact> out = new ArrayList<>();
        for (PythonScript.CallFact c : py.stackSizes()) {
            out.add(new Fact(ScriptFacts.PYTHON_STACK_SIZE, c.text(), c.number(), c.location()));
        }
        for (PythonScript.CallFact c : py.literalLoadapps()) {
            out.add(new Fact(ScriptFacts.LOADAPP, c.text(), null, c.location()));
        }
        out.sort(java.util.Comparator.comparingInt((Fact x) -> x.location().line()));
        for (Fact x : out) {
            facts.setting(x);
        }
    }

    // ---------------------------------------------------------------- shell

    /** The shell reader: one instance per file, for {@code set -a} and the names the file exports. */
    private static final class Shell {
        private final ScriptFacts facts;
        private final Set<String> exportedNames = new HashSet<>();
        private boolean allExport;

        Shell(ScriptFacts facts) {
            this.facts = facts;
        }

        void read(SourceFile f, List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                // the shell's blanks are space and tab: a CR (of a CRLF file) is part of the last word
                String line = blanksStripped(lines.get(i));
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Location at = new Location(f.displayPath(), f.templateLine(i));
                for (List<String> command : commands(line)) {
                    command(command, at);
                }
            }
            // a name exported anywhere in the file is in the environment of what the file's caller starts
            List<Fact> vars = facts.variables();
            for (int i = 0; i < vars.size(); i++) {
                Fact v = vars.get(i);
                if (!v.exported() && exportedNames.contains(v.name())) {
                    facts.replaceVariable(i, v.exportedCopy());
                }
            }
        }

        private void command(List<String> words, Location at) {
            int i = 0;
            while (i < words.size() && KEYWORDS.contains(words.get(i))) {
                i++;
            }
            List<String[]> prefix = new ArrayList<>();
            while (i < words.size() && NAME_VALUE.matcher(words.get(i)).matches()) {
                Matcher m = NAME_VALUE.matcher(words.get(i));
                m.matches();
                prefix.add(new String[] {m.group(1), m.group(2)});
                i++;
            }
            if (i >= words.size()) {
                for (String[] a : prefix) {
                    facts.variable(new Fact(a[0], a[1], number(a[1]), at, false, true, allExport));
                }
                return;
            }
            String cmd = words.get(i);
            List<String> args = words.subList(i + 1, words.size());
            switch (cmd) {
                case "export":
                case "declare":
                case "typeset":
                    export(cmd, args, at);
                    return;
                case "set":
                    set(args);
                    return;
                case "ulimit":
                    ulimit(args, at);
                    return;
                default:
                    break;
            }
            // exec/env/nohup/command run the next word; env takes NAME=value words (and options) of its own
            int j = i;
            while (j < words.size() && WRAPPERS.contains(words.get(j))) {
                boolean env = words.get(j).equals("env");
                j++;
                while (env && j < words.size() && (NAME_VALUE.matcher(words.get(j)).matches()
                        || words.get(j).startsWith("-"))) {
                    Matcher m = NAME_VALUE.matcher(words.get(j));
                    if (m.matches()) {
                        prefix.add(new String[] {m.group(1), m.group(2)});
                    } else if (Set.of("-u", "--unset", "-C", "--chdir", "-S", "--split-string").contains(words.get(j))) {
                        j++; // an option with an argument
                    }
                    j++;
                }
            }
            if (j < words.size() && startsHttpd(words.get(j), words.subList(j + 1, words.size()))) {
                facts.start(new Fact(ScriptFacts.STARTS_HTTPD, words.get(j), null, at));
                // NAME=value in front of the command: in that command's environment only
                for (String[] a : prefix) {
                    facts.variable(new Fact(a[0], a[1], number(a[1]), at, false, true, true));
                }
            }
        }

        private void export(String cmd, List<String> args, Location at) {
            boolean exporting = cmd.equals("export");
            for (String a : args) {
                if (a.startsWith("-")) {
                    if (a.equals("-n")) {
                        return; // export -n: un-exports; not a way to pass anything on
                    }
                    exporting |= a.contains("x");
                    continue;
                }
                Matcher m = NAME_VALUE.matcher(a);
                if (m.matches()) {
                    facts.variable(new Fact(m.group(1), m.group(2), number(m.group(2)), at, false, true,
                            exporting || allExport));
                    if (exporting) {
                        exportedNames.add(m.group(1));
                    }
                } else if (exporting && NAME.matcher(a).matches()) {
                    exportedNames.add(a);
                }
            }
        }

        private void set(List<String> args) {
            for (int k = 0; k < args.size(); k++) {
                String a = args.get(k);
                if (a.equals("-o") || a.equals("+o")) {
                    if (k + 1 < args.size() && args.get(k + 1).equals("allexport")) {
                        allExport = a.equals("-o");
                    }
                    k++;
                } else if (a.matches("[-+][A-Za-z]+") && a.indexOf('a') > 0) {
                    allExport = a.charAt(0) == '-';
                }
            }
        }

        /**
         * bash's {@code ulimit [-HS] [-resource [limit]]...}: {@code -H} alone sets the hard limit only, {@code -S}
         * alone the soft limit, neither or both set both. A limit is a number of KiB, {@code unlimited}, or
         * something computed (kept as text, no number).
         */
        private void ulimit(List<String> args, Location at) {
            boolean hard = false;
            boolean soft = false;
            for (String a : args) {
                if (a.startsWith("-") && a.length() > 1) {
                    hard |= a.indexOf('H') > 0;
                    soft |= a.indexOf('S') > 0;
                }
            }
            boolean setsSoft = soft || !hard;
            Character pending = null;
            for (String a : args) {
                if (a.startsWith("-") && a.length() > 1) {
                    for (char c : a.substring(1).toCharArray()) {
                        if (c != 'H' && c != 'S') {
                            pending = c;
                        }
                    }
                    continue;
                }
                if (pending != null && (pending == 's' || pending == 'v')) {
                    boolean unlimited = a.equals("unlimited");
                    Long kib = a.matches("\\d{1,15}") ? Long.valueOf(a) : null;
                    facts.setting(new Fact(pending == 's' ? ScriptFacts.ULIMIT_STACK_KIB : ScriptFacts.ULIMIT_VIRTUAL_KIB,
                            a, kib, at, unlimited, setsSoft, false));
                }
                pending = null;
            }
        }
    }

    private static boolean startsHttpd(String word, List<String> args) {
        String base = word.substring(word.lastIndexOf('/') + 1);
        if (!HTTPD_COMMANDS.contains(base)) {
            return false;
        }
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (NOT_STARTING.contains(a) || (a.equals("-k") && k + 1 < args.size()
                    && NOT_STARTING.contains(args.get(k + 1)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The simple commands of a shell line, each as its words with quotes removed: split at {@code ; & |} outside
     * quotes, cut at a {@code #} that starts a word.
     */
    static List<List<String>> commands(String line) {
        List<List<String>> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == ';' || c == '&' || c == '|') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
                if (!words.isEmpty()) {
                    out.add(words);
                    words = new ArrayList<>();
                }
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        if (!words.isEmpty()) {
            out.add(words);
        }
        return out;
    }

    /** The line without the shell's leading and trailing blanks (space, tab). */
    private static String blanksStripped(String line) {
        int a = 0;
        int b = line.length();
        while (a < b && (line.charAt(a) == ' ' || line.charAt(a) == '\t')) {
            a++;
        }
        while (b > a && (line.charAt(b - 1) == ' ' || line.charAt(b - 1) == '\t')) {
            b--;
        }
        return line.substring(a, b);
    }

    // ---------------------------------------------------------------- systemd

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
                facts.variable(new Fact(p.group(1), p.group(2), number(p.group(2)), at, false, true, true));
            }
        } else {
            String name = key.equals("LimitSTACK") ? ScriptFacts.LIMIT_STACK_BYTES : ScriptFacts.LIMIT_AS_BYTES;
            facts.setting(rlimit(name, v, at));
        }
    }

    /**
     * systemd's {@code rlimit_parse}: {@code soft:hard} or one value for both; the soft limit is the fact's number.
     * A value systemd refuses (soft above hard, no number, a bad suffix) has neither number nor {@code unlimited}:
     * systemd logs it and ignores the line.
     */
    private static Fact rlimit(String name, String v, Location at) {
        int colon = v.indexOf(':');
        String softText = colon < 0 ? v : v.substring(0, colon);
        Long soft = softText.equals("infinity") ? Long.valueOf(-1) : systemdBytes(softText);
        if (colon >= 0) {
            String hardText = v.substring(colon + 1);
            Long hard = hardText.equals("infinity") ? Long.valueOf(-1) : systemdBytes(hardText);
            if (hard == null || hardText.contains(":") || soft == null
                    || (hard >= 0 && (soft < 0 || soft > hard))) {
                soft = null;
            }
        }
        boolean unlimited = soft != null && soft < 0;
        return new Fact(name, v, unlimited ? null : soft, at, unlimited, true, false);
    }

    /** systemd's {@code parse_size(text, 1024)}: bytes, B/K/M/G/T/P/E suffixes in descending order, fractions. */
    static Long systemdBytes(String text) {
        String[] suffixes = {"E", "P", "T", "G", "M", "K", "B", ""};
        int[] shifts = {60, 50, 40, 30, 20, 10, 0, 0};
        String s = text;
        int p = 0;
        int start = 0;
        long total = 0;
        if (s.isBlank()) {
            return null;
        }
        do {
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            int d = p;
            while (p < s.length() && Character.isDigit(s.charAt(p))) {
                p++;
            }
            if (p == d || p - d > 19) {
                return null;
            }
            long whole;
            try {
                whole = Long.parseLong(s.substring(d, p));
            } catch (NumberFormatException e) {
                return null;
            }
            double frac = 0;
            if (p < s.length() && s.charAt(p) == '.') {
                p++;
                int f = p;
                while (p < s.length() && Character.isDigit(s.charAt(p))) {
                    p++;
                }
                if (p > f) {
                    frac = Double.parseDouble("0." + s.substring(f, p));
                }
            }
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            int i = start;
            while (i < suffixes.length && !s.startsWith(suffixes[i], p)) {
                i++;
            }
            if (i >= suffixes.length) {
                return null;
            }
            long factor = 1L << shifts[i];
            if (whole > Long.MAX_VALUE / factor - 1) {
                return null;
            }
            total = Math.addExact(total, whole * factor + (long) (frac * factor));
            p += suffixes[i].length();
            start = i + 1;
        } while (p < s.length());
        return total;
    }

    // ---------------------------------------------------------------- numbers

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
}
