package io.github.footprint.source;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.footprint.base.Secrets;

/**
 * Marks the secret values of a rendered file ({@link Secrets}) before any reader sees it, as the file's own reader
 * names them: INI keys and their continuation lines, httpd's {@code Define} and {@code SetEnv} values and
 * {@code name=value} arguments ({@code WSGIDaemonProcess ... password=}), shell assignments ({@code export
 * PGPASSWORD=}), systemd's {@code Environment=}, Python string assignments, URL passwords in every kind, and Ansible
 * Vault blocks. Comments are marked the same way (a comment is quoted too, never harvested). The line structure stays
 * as it was: markers are added inside lines only.
 */
final class SecretMarks {
    /** Python: {@code NAME = 'v'}, {@code os.environ['NAME'] = 'v'}, {@code setdefault('NAME', 'v')}, {@code NAME: 'v'}. */
    private static final Pattern PY_ASSIGN = Pattern.compile(
            "([\"']?)([A-Za-z_][A-Za-z0-9_.\\-]*)\\1\\s*\\]?\\s*(?:=|:|,)\\s*[rRbBuU]?(['\"])((?:\\\\.|(?!\\3).)*)\\3");
    /** Words of a comment: {@code name = value}, {@code name: value}, {@code name value} after a secret name. */
    private static final Pattern COMMENT_KEY = Pattern.compile("([A-Za-z_$][A-Za-z0-9_.\\-]*)\\s*[=:]\\s*(\\S.*?)\\s*$");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private SecretMarks() {
    }

    /** What marking a file gave: its text, and whether anything was marked. */
    static final class Result {
        final String text;
        final boolean changed;

        Result(String text, boolean changed) {
            this.text = text;
            this.changed = changed;
        }
    }

    /**
     * The text with its secret values marked, lines as they were ({@code \n}-separated).
     *
     * @param harvest where the literal values of secret keys go (never values from comments); null for none
     */
    static Result mark(FileKind kind, String text, Collection<String> harvest) {
        if (!hint(text)) {
            return new Result(text, false);
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        State st = new State(kind, harvest);
        int start = 0;
        boolean changed = false;
        while (true) {
            int nl = text.indexOf('\n', start);
            String line = text.substring(start, nl < 0 ? text.length() : nl);
            String marked = hint(line) || st.continues() ? st.line(line) : st.plain(line);
            changed |= !marked.equals(line);
            out.append(marked);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return changed ? new Result(out.toString(), true) : new Result(text, false);
    }

    /**
     * True when a text may hold a secret value: a {@code ://}, a marker character, or a word secrets are named by
     * (pass, pw, secret, token, key, credential, vault), in any case.
     */
    static boolean hint(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == Secrets.OPEN || c == Secrets.CLOSE) {
                return true;
            }
            char l = (char) (c | 0x20);
            switch (l) {
                case 'p':
                    if (s.regionMatches(true, i, "pass", 0, 4) || s.regionMatches(true, i, "pw", 0, 2)) {
                        return true;
                    }
                    break;
                case 's':
                    if (s.regionMatches(true, i, "secret", 0, 6)) {
                        return true;
                    }
                    break;
                case 't':
                    if (s.regionMatches(true, i, "token", 0, 5)) {
                        return true;
                    }
                    break;
                case 'k':
                    if (s.regionMatches(true, i, "key", 0, 3)) {
                        return true;
                    }
                    break;
                case 'c':
                    if (s.regionMatches(true, i, "credential", 0, 10)) {
                        return true;
                    }
                    break;
                case 'v':
                    if (s.regionMatches(true, i, "vault", 0, 5)) {
                        return true;
                    }
                    break;
                case ':':
                    if (s.startsWith("://", i)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** What the lines before told: a secret INI value going on, an Ansible Vault block. */
    private static final class State {
        final FileKind kind;
        final Collection<String> harvest;
        /** The last INI key line named a secret: its indented continuation lines are the value too. */
        boolean iniSecret;
        /** Inside a vault block: lines of hex digits are its ciphertext. */
        boolean vault;

        State(FileKind kind, Collection<String> harvest) {
            this.kind = kind;
            this.harvest = harvest;
        }

        boolean continues() {
            return iniSecret || vault;
        }

        /** A line that names no secret: it only ends what the lines before began. */
        String plain(String line) {
            if (kind == FileKind.INI && iniSecret && !isContinuation(line)) {
                iniSecret = false;
            }
            return line;
        }

        String line(String raw) {
            String line = raw;
            String t = line.strip();
            if (vault) {
                if (!t.isEmpty() && HEX.matcher(t).matches()) {
                    return wrapSpan(line, t);
                }
                vault = false;
            }
            if (t.startsWith("$ANSIBLE_VAULT;")) {
                vault = true;
                return wrapSpan(line, t);
            }
            if (t.endsWith("!vault |") || t.endsWith("!vault |-") || t.endsWith("!vault >")) {
                vault = true;
            }
            if (harvest != null && line.indexOf("://") >= 0 && !t.startsWith("#") && !t.startsWith(";")) {
                harvest.addAll(io.github.footprint.base.UrlPasswords.in(line));
            }
            String out;
            switch (kind) {
                case INI:
                    out = ini(line, t);
                    break;
                case APACHE:
                    out = t.startsWith("#") ? comment(line) : apache(line, t);
                    break;
                case PYTHON:
                    out = t.startsWith("#") ? comment(line) : python(line);
                    break;
                case SYSTEMD:
                    out = t.startsWith("#") || t.startsWith(";") ? comment(line) : words(line, true);
                    break;
                default:
                    // shell, and files read only by an Include
                    out = t.startsWith("#") ? comment(line) : words(line, true);
                    break;
            }
            return Secrets.markUrlPasswords(out);
        }

        private String ini(String line, String t) {
            if (t.isEmpty()) {
                return line;
            }
            if (t.startsWith("#") || t.startsWith(";")) {
                // a comment, indented or not, is no continuation (configparser skips it inside a value too)
                return comment(line);
            }
            if (isContinuation(line) && iniSecret) {
                return wrapSpan(line, t);
            }
            iniSecret = false;
            if (t.startsWith("[")) {
                return line;
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int d = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (d < 0) {
                // "password s3cret": no delimiter, which configparser refuses; what follows the name was meant as its value
                Word name = Word.next(line, 0);
                Word value = name == null ? null : Word.next(line, name.end);
                if (value != null && Secrets.isSecretName(name.inner(line))) {
                    String v = line.substring(value.innerStart).strip();
                    keep(v);
                    return wrapAt(line, value.innerStart, value.innerStart + v.length());
                }
                return line;
            }
            if (d == 0) {
                return line;
            }
            String key = line.substring(0, d).strip();
            if (!Secrets.isSecretName(key) || key.toLowerCase(Locale.ROOT).startsWith("get ")) {
                // PasteDeploy's "get name = global": the value names a global of [DEFAULT], it is no secret
                return line;
            }
            iniSecret = true;
            String value = line.substring(d + 1).strip();
            if (value.isEmpty()) {
                return line;
            }
            keep(value);
            int at = line.indexOf(value, d + 1);
            return line.substring(0, at) + Secrets.wrap(value) + line.substring(at + value.length());
        }

        private static boolean isContinuation(String line) {
            return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !line.isBlank();
        }

        private String apache(String line, String t) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.startsWith("define ") || lower.startsWith("define\t") || lower.startsWith("setenv ")
                    || lower.startsWith("setenv\t")) {
                // Define NAME value, SetEnv NAME value: the name's secrecy is the value's
                Word name = Word.next(line, line.indexOf(t) + 6);
                if (name != null && Secrets.isSecretName(name.inner(line))) {
                    Word value = Word.next(line, name.end);
                    if (value != null && value.innerEnd > value.innerStart) {
                        keep(line.substring(value.innerStart, value.innerEnd));
                        return wrapAt(line, value.innerStart, value.innerEnd);
                    }
                }
            }
            // httpd has no comment after a directive: "# password: x" there is arguments, which a finding quotes
            for (Word w = Word.next(line, 0); w != null; w = Word.next(line, w.end)) {
                if (w.innerStart > 0 && line.charAt(w.innerStart) == '#' && w.innerStart > line.indexOf(t)) {
                    return words(line.substring(0, w.innerStart), false) + comment(line.substring(w.innerStart));
                }
            }
            return words(line, false);
        }

        /**
         * Each word {@code name=value} (quoted or not, {@code NAME="a b"} too) whose name is a secret's gets its value
         * marked; {@code Environment=NAME=value} counts its assignment, not {@code Environment}.
         */
        String words(String line, boolean assignments) {
            StringBuilder b = null;
            int copied = 0;
            for (Word w = Word.next(line, 0); w != null; w = Word.next(line, w.end)) {
                int from = w.innerStart;
                int eq = line.indexOf('=', from);
                if (eq < 0 || eq >= w.innerEnd) {
                    continue;
                }
                String name = line.substring(from, eq);
                if (name.equals("Environment") && kind == FileKind.SYSTEMD) {
                    // Environment=NAME=value, Environment="NAME=value" "OTHER=1"
                    int vs = eq + 1;
                    boolean quoted = vs < w.innerEnd && (line.charAt(vs) == '"' || line.charAt(vs) == '\'');
                    int ns = quoted ? vs + 1 : vs;
                    int eq2 = line.indexOf('=', ns);
                    int ne = quoted ? w.innerEnd - (line.charAt(w.innerEnd - 1) == line.charAt(vs) ? 1 : 0)
                            : w.innerEnd;
                    if (eq2 < 0 || eq2 >= ne) {
                        continue;
                    }
                    name = line.substring(ns, eq2);
                    eq = eq2;
                    if (!Secrets.isSecretName(name) || eq + 1 >= ne) {
                        continue;
                    }
                    if (b == null) {
                        b = new StringBuilder(line.length() + 8);
                    }
                    keep(line.substring(eq + 1, ne));
                    b.append(line, copied, eq + 1).append(Secrets.OPEN).append(line, eq + 1, ne)
                            .append(Secrets.CLOSE);
                    copied = ne;
                    continue;
                }
                if (!Secrets.isSecretName(name)) {
                    continue;
                }
                int vs = eq + 1;
                int ve = w.innerEnd;
                if (vs < ve && (line.charAt(vs) == '"' || line.charAt(vs) == '\'') && ve - 1 > vs
                        && line.charAt(ve - 1) == line.charAt(vs)) {
                    vs++;
                    ve--;
                }
                if (vs >= ve) {
                    continue;
                }
                if (b == null) {
                    b = new StringBuilder(line.length() + 8);
                }
                keep(line.substring(vs, ve));
                b.append(line, copied, vs).append(Secrets.OPEN).append(line, vs, ve).append(Secrets.CLOSE);
                copied = ve;
            }
            return b == null ? line : b.append(line, copied, line.length()).toString();
        }

        private String python(String line) {
            Matcher m = PY_ASSIGN.matcher(line);
            StringBuilder b = null;
            int copied = 0;
            while (m.find()) {
                if (!Secrets.isSecretName(m.group(2)) || m.group(4).isEmpty()) {
                    continue;
                }
                if (b == null) {
                    b = new StringBuilder(line.length() + 8);
                }
                keep(m.group(4));
                b.append(line, copied, m.start(4)).append(Secrets.OPEN).append(m.group(4)).append(Secrets.CLOSE);
                copied = m.end(4);
            }
            return b == null ? line : b.append(line, copied, line.length()).toString();
        }

        /** A comment that names a secret ({@code # password = x}) gets the rest of its line marked; nothing kept. */
        private static String comment(String line) {
            Matcher m = COMMENT_KEY.matcher(line);
            int from = 0;
            while (m.find(from)) {
                if (Secrets.isSecretName(m.group(1))) {
                    return wrapAt(line, m.start(2), m.end(2));
                }
                from = m.start(1) + m.group(1).length();
                if (from >= line.length()) {
                    break;
                }
            }
            return line;
        }

        private void keep(String value) {
            if (harvest != null && !value.isEmpty()) {
                harvest.add(value);
            }
        }
    }

    /**
     * The text of a file as read, its own marker characters (which would open or end a secret) replaced by U+FFFD
     * before anything marks it.
     */
    static String sanitize(String text) {
        if (text.indexOf(Secrets.OPEN) < 0 && text.indexOf(Secrets.CLOSE) < 0) {
            return text;
        }
        return text.replace(Secrets.OPEN, '\uFFFD').replace(Secrets.CLOSE, '\uFFFD');
    }

    private static String wrapSpan(String line, String t) {
        int at = line.indexOf(t);
        return wrapAt(line, at, at + t.length());
    }

    private static String wrapAt(String line, int from, int to) {
        if (from >= to) {
            return line;
        }
        return line.substring(0, from) + Secrets.OPEN + line.substring(from, to) + Secrets.CLOSE
                + line.substring(to);
    }

    /** A word of a line as httpd and the shell split them: blanks between, quotes keep blanks in. */
    private static final class Word {
        final int innerStart;
        final int innerEnd;
        final int end;

        private Word(int innerStart, int innerEnd, int end) {
            this.innerStart = innerStart;
            this.innerEnd = innerEnd;
            this.end = end;
        }

        String inner(String line) {
            return line.substring(innerStart, innerEnd);
        }

        static Word next(String line, int from) {
            int n = line.length();
            int i = Math.max(0, from);
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return null;
            }
            char q = line.charAt(i);
            if (q == '"' || q == '\'') {
                int j = i + 1;
                while (j < n && line.charAt(j) != q) {
                    j += line.charAt(j) == '\\' && j + 1 < n ? 2 : 1;
                }
                int innerEnd = Math.min(j, n);
                return new Word(i + 1, innerEnd, Math.min(n, j + 1));
            }
            int j = i;
            while (j < n && !Character.isWhitespace(line.charAt(j))) {
                char c = line.charAt(j);
                if (c == '"' || c == '\'') {
                    // NAME="a b": the quoted part belongs to the word
                    int k = j + 1;
                    while (k < n && line.charAt(k) != c) {
                        k += line.charAt(k) == '\\' && k + 1 < n ? 2 : 1;
                    }
                    j = Math.min(n, k + 1);
                } else {
                    j += c == '\\' && j + 1 < n ? 2 : 1;
                }
            }
            return new Word(i, j, j);
        }
    }
}
