package io.github.footprint.source.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates Ansible-style Jinja2 templates and variables files (fixed seed): INI and httpd-like lines with
 * expressions, Ansible's most used filters, tests, if/elif/else, for (loop variables, else, filters, unpacking),
 * set, comments, raw, whitespace control with {@code -} and {@code +}, {@code #jinja2:} headers, indentation before
 * tags, undefined variables with {@code default}, nested dicts and lists read from YAML, CRLF files, 0 to 2 trailing
 * newlines. Every expression is one Ansible renders without error for the variables generated.
 */
final class AnsibleTemplates {
    /** One generated case. */
    static final class Case {
        final String name;
        final String template;
        final String vars;

        Case(String name, String template, String vars) {
            this.name = name;
            this.template = template;
            this.vars = vars;
        }
    }

    private final Random r;

    AnsibleTemplates(long seed) {
        this.r = new Random(seed);
    }

    private <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private String pick(String... items) {
        return items[r.nextInt(items.length)];
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    List<Case> cases(int count) {
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Case(String.format("case%03d", i), template(), vars()));
        }
        return out;
    }

    // ---------------------------------------------------------------- variables

    String vars() {
        StringBuilder b = new StringBuilder();
        b.append("app_name: ").append(pick("myapp", "'shop frontend'", "\"it's\"", "'say \"hi\"'", "café",
                "Billing_API", "'  padded  '")).append('\n');
        b.append("port: ").append(pick("8080", "80", "443", "0", "65535", "1024")).append('\n');
        b.append("workers: ").append(pick("4", "'4'", "16", "'2.5'", "1")).append('\n');
        b.append("ratio: ").append(pick("0.5", "1.25", "2.0", "1.0e-05", "100.0", "0.1")).append('\n');
        b.append("debug: ").append(pick("yes", "no", "true", "False", "on", "off")).append('\n');
        b.append("flag_str: ").append(pick("'false'", "'no'", "'0'", "'yes'", "''")).append('\n');
        b.append("empty: ").append(pick("''", "~", "[]", "{}")).append('\n');
        b.append("nothing: ~\n");
        b.append("zero: 0\n");
        b.append("path: ").append(pick("/etc/app/app.ini", "/srv/app/current/", "relative/file.conf", "file.conf",
                "/", "//srv//x")).append('\n');
        b.append("text: ").append(pick("'a b  c'", "'x,y,z'", "'Hello World'", "'tab\\there'", "\"line\\nbreak\"",
                "'100%'")).append('\n');
        b.append("hosts:\n");
        int hosts = r.nextInt(4);
        for (int i = 0; i < hosts; i++) {
            b.append("  - ").append(pick("web1", "web2.example.org", "10.0.0.5", "'db host'", "alpha")).append('\n');
        }
        if (hosts == 0) {
            b.setLength(b.length() - 1);
            b.append(" []\n");
        }
        b.append("ports: [").append(pick("80, 443", "8080", "", "22, 80, 8443, 9000")).append("]\n");
        b.append("db:\n  host: ").append(pick("localhost", "db.internal", "'10.1.2.3'")).append('\n');
        b.append("  port: ").append(pick("5432", "3306")).append('\n');
        b.append("  name: ").append(pick("app", "'prod db'")).append('\n');
        b.append("  options:\n    pool_size: ").append(pick("5", "20", "'10'")).append('\n');
        b.append("    ssl: ").append(pick("true", "false")).append('\n');
        b.append("users:\n");
        for (int i = 0; i < 2 + r.nextInt(2); i++) {
            b.append("  - name: ").append(pick("alice", "bob", "carol", "'d e'")).append('\n');
            b.append("    uid: ").append(1000 + r.nextInt(5)).append('\n');
            b.append("    admin: ").append(pick("true", "false")).append('\n');
        }
        b.append("mixed: [1, 'two', 3.0, true, null, [4], {five: 5}]\n");
        b.append("tpl: '{{ app_name }}-").append(pick("x", "{{ port }}", "{{ db.host | upper }}")).append("'\n");
        return b.toString();
    }

    // ---------------------------------------------------------------- expressions

    /** A string-valued expression. */
    private String stringAtom() {
        return pick("app_name", "db.host", "db['name']", "text", "path", "flag_str", "'literal'", "\"dq 'x'\"",
                "hosts | join(',')", "users[0].name", "tpl", "'a\\tb'", "'\\u00e9t\\u00e9'");
    }

    private String numberAtom() {
        return pick("port", "db.port", "db.options.pool_size | int", "zero", "workers | int", "ratio", "42", "3.5",
                "users | length", "hosts | length", "-7", "1_000", "0x1F", "users[1].uid");
    }

    private String anyAtom() {
        switch (r.nextInt(6)) {
            case 0:
                return stringAtom();
            case 1:
                return numberAtom();
            default:
                return pick("debug", "nothing", "empty", "hosts", "ports", "db", "db.options", "users[0]", "mixed",
                        "true", "False", "none", "[1, 'a', none]", "{'k': 'v', 'n': 1}", "db.options.ssl",
                        "workers", "(1, 2)");
        }
    }

    private String stringFilter(String atom) {
        switch (r.nextInt(16)) {
            case 0:
                return atom + " | lower";
            case 1:
                return atom + " | upper";
            case 2:
                return atom + " | replace('a', 'A')";
            case 3:
                return atom + " | regex_replace('[aeiou]', '_')";
            case 4:
                return atom + " | regex_replace('^(\\\\w+)(.*)$', '\\\\2:\\\\1')";
            case 5:
                return atom + " | quote";
            case 6:
                return atom + " | to_json";
            case 7:
                return atom + " | trim";
            case 8:
                return atom + " | length";
            case 9:
                return atom + " | string | upper";
            case 10:
                return atom + " | replace(' ', '')";
            case 11:
                return atom + " | default('x')";
            case 12:
                return atom + " | d('y', true)";
            case 13:
                return atom + " | mandatory";
            case 14:
                return atom + " | bool";
            default:
                return atom + " | int";
        }
    }

    String expression() {
        if (chance(25)) {
            return more();
        }
        switch (r.nextInt(22)) {
            case 0:
            case 1:
                return stringAtom();
            case 2:
                return numberAtom();
            case 3:
            case 4:
                return anyAtom();
            case 5:
            case 6:
                return stringFilter(stringAtom());
            case 7:
                return pick("undefined_var", "missing.deep", "db.nokey", "users[0].missing") + " | "
                        + pick("default('dflt')", "d(7)", "default(none)", "d(port)", "default('') | upper",
                                "default([1, 2]) | join('-')", "d(db.host) | replace('.', '_')",
                                "default(0) | int + 1");
            case 8:
                return pick("path | basename", "path | dirname", "db.host | basename", "'/a/b/c.txt' | dirname",
                        "path | dirname | basename");
            case 9:
                return anyAtom() + " | " + pick("to_json", "string", "bool", "default('d')", "d(1, true)",
                        "quote", "lower", "mandatory");
            case 10:
                return pick("hosts", "ports", "users | map(attribute='name') | list", "[1, 'b', 2.5]",
                        "db.keys() | list") + " | join(" + pick("', '", "''", "'\\n'", "' '") + ")";
            case 11:
                return numberAtom() + " " + pick("+", "-", "*", "//", "%", "/") + " " + pick("2", "3", "1.5", "7");
            case 12:
                return stringAtom() + " ~ '-' ~ " + anyAtom();
            case 13:
                return "'" + pick("on", "off", "yes") + "' if " + condition() + " else '" + pick("a", "b") + "'";
            case 14:
                return pick("workers", "'3.7'", "'0x1f'", "' 12 '", "'abc'", "true", "2.9", "'1_000'", "none",
                        "nothing") + " | int";
            case 15:
                return pick("debug", "'yes'", "'No'", "'1'", "1", "0", "'true'", "'off'", "none", "flag_str")
                        + " | bool";
            case 16:
                return pick("db", "users", "mixed", "db.options", "{'a': [1, {'b': none}]}", "text") + " | to_json";
            case 17:
                return pick("hosts", "ports", "users", "db", "text", "mixed") + " | length";
            case 18:
                return pick("text", "app_name", "path") + " | regex_replace(" + pick("'\\\\s+', ' '",
                        "'(?P<first>[A-Za-z]+)', '<\\\\g<first>>'", "'o', '0'", "'^/', ''", "'(\\\\w)(\\\\w)', '\\\\2\\\\1'")
                        + ")";
            case 19:
                return pick("text", "app_name") + " | trim | replace(" + pick("'l', 'L', 1", "'a', ''", "' ', '_'")
                        + ")";
            case 20:
                return pick("debug", "zero", "empty", "flag_str") + " | ternary('" + pick("yes", "on") + "', '"
                        + pick("no", "off") + "')";
            default:
                return pick("db.get('host')", "db.get('nope', 'fallback')", "app_name.upper()",
                        "path.split('/')", "text.startswith('a')", "db.items() | list | length",
                        "hosts[0] if hosts else 'none'", "app_name.replace('a', 'b')");
        }
    }

    /** Less common constructs: more filters and tests, formatting, list operations. */
    private String more() {
        switch (r.nextInt(16)) {
            case 0:
                return pick("'%s:%d' % (db.host, db.port)", "'%05d' % port", "'%-8s|' % app_name", "'%s' % hosts",
                        "'%.2f' % ratio", "'%x' % port", "'%(a)s-%(b)s' % {'a': 1, 'b': 'two'}", "'100%%' % ()");
            case 1:
                return pick("(hosts + ['z'])", "(ports + [7])", "users | map(attribute='name')", "[3, 1, 2]", "'abc'")
                        + " | " + pick("first", "last", "sort | list", "unique | list", "reverse | list",
                                "list | length", "min", "max");
            case 2:
                return pick("ports | sum", "users | map(attribute='uid') | sum", "[1.5, 2] | sum", "ports | sum + 1");
            case 3:
                return pick("hosts | map('upper') | list", "ports | select('>', 100) | list",
                        "ports | reject('>', 100) | list", "users | selectattr('admin') | map(attribute='name') | list",
                        "users | rejectattr('admin') | list | length", "hosts | select | list");
            case 4:
                return pick("ratio | round", "ratio | round(1)", "-3 | abs", "ratio * 3 | round(2)", "7 | float",
                        "'2.5' | float", "port | string | length");
            case 5:
                return pick("app_name | title", "app_name | capitalize", "text | wordcount", "app_name | center(20)",
                        "text | indent(4)", "'a\nb' | indent(2, true)", "app_name | truncate(5)");
            case 6:
                return pick("db | dictsort", "db.options | dictsort | first", "db | combine({'port': 1}) | to_json",
                        "db.options | dict2items | map(attribute='key') | join(',')",
                        "{'b': 1} | combine(db.options, {'x': 2}) | to_json");
            case 7:
                return pick("ports + [1]", "hosts + ['x']", "app_name + '-' + db.host", "[1, 2] * 2", "'ab' * 3",
                        "(ports + [2]) | length");
            case 8:
                return pick("port is divisibleby(3)", "port is even", "zero is odd", "db is mapping", "hosts is iterable",
                        "text is string", "ratio is number", "port is sameas(port)", "'a' is lower", "app_name is upper",
                        "port is eq(8080)", "hosts is sequence", "none is none", "port is ne 80");
            case 9:
                return pick("7 // 2", "-7 // 2", "-7 % 3", "7 % -3", "2 ** 10", "2 ** -1", "7 / 2", "1e3", "0.1 + 0.2",
                        "10 / 4 * 2", "1_000_000 // 7");
            case 10:
                return pick("range(3) | list", "range(1, 10, 3) | list | join(',')", "range(port // 1000) | list");
            case 11:
                return pick("users[0]['name'] ~ users[-1].uid", "hosts[1:] | join(',')", "text[0:3]", "text[::-1]",
                        "ports[-1] if ports else 0", "db['options']['ssl']");
            case 12:
                return pick("{'a': 1}.a", "[1, 2, 3][1]", "(1, 2)[0]", "{'k': [1, {'n': 'v'}]}.k[1].n");
            case 13:
                return pick("text | replace('a', 'b', 1)", "text | regex_replace('(?i)L', 'l')",
                        "text | regex_replace('^(.)', '\\1\\1')", "text | regex_replace('x', 'y', ignorecase=true)");
            case 14:
                return pick("hosts | join(', ') | upper", "users | map(attribute='name') | map('upper') | join('/')",
                        "db.keys() | sort | join(' ')", "db.values() | list | length");
            default:
                return pick("app_name | default(none) | string", "nothing | default('x', true)",
                        "empty | default('x', true)", "zero | default(5, true)", "undefined_var | default(port) + 1");
        }
    }

    String condition() {
        switch (r.nextInt(16)) {
            case 0:
                return pick("debug", "not debug", "flag_str", "empty", "zero", "nothing", "hosts", "ports",
                        "db.options.ssl", "text");
            case 1:
                return numberAtom() + " " + pick(">", "<", ">=", "<=", "==", "!=") + " " + pick("80", "1024", "0",
                        "4", "5432");
            case 2:
                return pick("debug", "port > 80") + " " + pick("and", "or") + " " + pick("not empty",
                        "hosts | length > 1", "zero", "'x' in text");
            case 3:
                return pick("undefined_var", "db.nokey", "missing") + " is " + pick("defined", "undefined",
                        "not defined");
            case 4:
                return pick("nothing", "empty", "undefined_var | default(none)", "db.host") + " is " + pick("none",
                        "not none");
            case 5:
                return "'" + pick("web1", "alpha", "x") + "' in hosts";
            case 6:
                return pick("app_name", "db.host") + " == '" + pick("myapp", "localhost", "x") + "'";
            case 7:
                return pick("workers", "'4'") + " == " + pick("'4'", "4");
            case 8:
                return "(" + condition() + ") " + pick("and", "or") + " not (" + condition() + ")";
            case 9:
                return pick("db.port", "port") + " in " + pick("[80, 443]", "ports", "[5432, 3306]");
            case 10:
                return "'" + pick("host", "port", "x") + "' in db";
            case 11:
                return pick("debug | bool", "flag_str | bool", "workers | int > 2", "ratio > 1");
            case 12:
                return "users | length " + pick(">", "==") + " 2";
            case 13:
                return pick("undefined_var | default(true)", "undefined_var | default(false)",
                        "db.nokey | default(0) | int");
            case 14:
                return pick("app_name", "text") + " is " + pick("string", "not string");
            default:
                return pick("hosts | length", "port % 2 == 0", "zero is number", "ratio is number");
        }
    }

    // ---------------------------------------------------------------- structure

    private String open(String kind) {
        String o = pick("{%", "{%", "{%", "{%-", "{%+");
        return o;
    }

    private String close() {
        return pick("%}", "%}", "%}", "-%}", "+%}");
    }

    private String tag(String body) {
        return open("%") + " " + body + " " + close();
    }

    private String expr(String e) {
        return pick("{{", "{{", "{{", "{{-") + " " + e + " " + pick("}}", "}}", "}}", "-}}");
    }

    private String indent() {
        return pick("", "", "", "  ", "    ", "\t");
    }

    private String comment() {
        return pick("{#", "{#", "{#-") + pick(" a comment ", " multi\nline\ncomment ", "", " {{ not rendered }} ")
                + pick("#}", "#}", "-#}", "+#}");
    }

    private String plainLine() {
        return pick("[app:main]", "use = egg:myapp", "# plain comment", "", "   ", "key = value",
                "<VirtualHost *:80>", "</VirtualHost>", "    ServerName example.org", "level = INFO", "a {b} c",
                "100% sure", "{ not a tag }", "x = {", "}", "tail ");
    }

    private void block(StringBuilder b, int depth, List<String> loopVars) {
        int kind = r.nextInt(depth >= 2 ? 6 : 15);
        switch (kind) {
            case 0:
            case 1:
                b.append(plainLine()).append('\n');
                break;
            case 2:
            case 3:
                b.append(indent()).append(pick("key", "name", "value", "workers", "url")).append(" = ")
                        .append(expr(loopVars.isEmpty() || chance(50) ? expression() : pick(loopVars)))
                        .append(chance(20) ? " trailing" : "").append('\n');
                break;
            case 4:
                b.append(indent()).append(comment()).append(chance(50) ? "\n" : "");
                break;
            case 5:
                b.append(plainLine()).append(' ').append(tag("if " + condition())).append(pick("on", "x", " y "))
                        .append(chance(50) ? tag("else") + pick("off", "") : "").append(tag("endif"))
                        .append(pick(" tail", "")).append('\n');
                break;
            case 6:
            case 7: {
                b.append(indent()).append(tag("if " + condition())).append(chance(80) ? "\n" : "");
                body(b, depth, loopVars);
                if (chance(40)) {
                    b.append(indent()).append(tag("elif " + condition())).append('\n');
                    body(b, depth, loopVars);
                }
                if (chance(50)) {
                    b.append(indent()).append(tag("else")).append('\n');
                    body(b, depth, loopVars);
                }
                b.append(indent()).append(tag("endif")).append(chance(85) ? "\n" : "");
                break;
            }
            case 8:
            case 9: {
                String[] loop = pick(List.of(new String[][] {{"h", "hosts"}, {"p", "ports"}, {"u", "users"},
                    {"k, v", "db.items()"}, {"k", "db"}, {"x", "mixed"}, {"p", "ports if p > 80"},
                    {"u", "users if u.admin"}, {"c", "'abc'"}, {"i", "[]"}, {"n", "range(3)"}}));
                String vars = loop[0];
                b.append(indent()).append(tag("for " + vars + " in " + loop[1])).append(chance(85) ? "\n" : "");
                List<String> inner = new ArrayList<>(loopVars);
                for (String v : vars.split(",\\s*")) {
                    inner.add(v.equals("u") ? pick("u.name", "u.uid", "u['admin']") : v);
                }
                inner.add(pick("loop.index", "loop.index0", "loop.first", "loop.last", "loop.length",
                        "loop.revindex", "loop.index ~ '/' ~ loop.length"));
                body(b, depth, inner);
                if (chance(25)) {
                    b.append(indent()).append(tag("else")).append('\n');
                    body(b, depth, loopVars);
                }
                b.append(indent()).append(tag("endfor")).append(chance(85) ? "\n" : "");
                break;
            }
            case 10: {
                String name = pick("x", "label", "total");
                b.append(indent()).append(tag("set " + name + " = " + expression())).append(chance(80) ? "\n" : "");
                b.append(name).append(" is ").append(expr(name)).append('\n');
                break;
            }
            case 11:
                if (chance(50)) {
                    String m = pick("kv", "line");
                    b.append(indent()).append(tag("macro " + m + "(k, v='d')")).append(pick("{{ k }} = {{ v }}",
                            "\n  {{ k }}: {{ v | upper }}\n", "{% if v %}{{ k }}{% endif %}")).append(tag("endmacro"))
                            .append(chance(70) ? "\n" : "");
                    b.append("m = ").append(expr(m + "(" + pick("'a'", "app_name", "port | string") + ", "
                            + pick("1", "db.host", "none", "hosts | length") + ")")).append('\n');
                } else {
                    b.append(indent()).append(tag("set ns = namespace(total=0, names='')")).append('\n');
                    b.append(tag("for u in users")).append(tag("set ns.total = ns.total + u.uid"))
                            .append(tag("set ns.names = ns.names ~ u.name")).append(tag("endfor")).append('\n');
                    b.append("total = ").append(expr("ns.total")).append(" names = ").append(expr("ns.names"))
                            .append('\n');
                }
                break;
            case 12:
                b.append(tag("for u in users")).append('\n').append(tag("for h in hosts")).append("\n")
                        .append("  ").append(expr("u.name ~ '@' ~ h ~ ' ' ~ loop.index ~ '/' ~ loop.cycle('odd', 'even')"))
                        .append('\n').append(tag("endfor")).append('\n').append(tag("endfor")).append('\n');
                break;
            case 13:
                if (chance(50)) {
                    b.append(tag("filter " + pick("upper", "replace('a', '_')", "trim | lower", "indent(2)")))
                            .append(pick("abc\n", "  Text {{ app_name }}  \n", "x\n{% if debug %}y{% endif %}\n"))
                            .append(tag("endfilter")).append('\n');
                } else {
                    b.append(tag("with w = " + expression() + ", z = 2")).append("w=").append(expr("w"))
                            .append(" z=").append(expr("z")).append(tag("endwith")).append('\n');
                }
                break;
            default:
                if (chance(50)) {
                    // Jinja2 reads "{% raw +%}" as an unknown tag "raw": the raw opener takes no "+" at its end
                    b.append(pick("{% raw %}", "{%- raw %}", "{% raw -%}", "{%+ raw %}", "{%raw%}")).append(pick("{{ raw }}", "\n{% if x %}literal{% endif %}\n", "  {# c #}  "))
                            .append(pick("{% endraw %}", "{%- endraw %}", "{% endraw -%}")).append('\n');
                } else {
                    b.append(indent()).append(tag("set " + pick("blk", "block_text") + " = " + pick("'v'",
                            "app_name | upper", "[1, 2]"))).append('\n');
                    b.append("set done\n");
                }
        }
    }

    private void body(StringBuilder b, int depth, List<String> loopVars) {
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            block(b, depth + 1, loopVars);
        }
    }

    String template() {
        StringBuilder b = new StringBuilder();
        int header = r.nextInt(10);
        if (header == 0) {
            b.append("#jinja2: lstrip_blocks: True\n");
        } else if (header == 1) {
            b.append("#jinja2: trim_blocks: False\n");
        } else if (header == 2) {
            b.append("#jinja2: trim_blocks: False, lstrip_blocks: True\n");
        }
        int blocks = 2 + r.nextInt(7);
        for (int i = 0; i < blocks; i++) {
            block(b, 0, List.of());
        }
        String text = b.toString();
        while (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        text += "\n".repeat(r.nextInt(3));
        if (chance(10)) {
            text = text.replace("\n", "\r\n");
        }
        return text;
    }
}
