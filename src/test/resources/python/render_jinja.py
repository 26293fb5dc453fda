"""Renders Jinja2 templates exactly as Ansible's template module does, with ansible-core's own Templar, and reports
for each rendered line the template line it came from, found by Jinja2's own lexer.

Usage: render_jinja.py CASES.json   (a list of {"name", "template", "vars"}: vars is YAML text, read with Ansible's
own loader). Prints one JSON object {name: result} on stdout, UTF-8; a result is
{"text": the rendered text, "lines": [template line of each rendered line], "marked_equal": true when the render
with markers, the markers taken out, equals the render without} or {"error": exception class, "message": str(e)}.

Rendering follows ansible-core's action plugin ansible/plugins/action/template.py: a Templar copied with
AnsibleEnvironment, trim_blocks=True, lstrip_blocks=False, newline_sequence "\\n", then
do_template(data, preserve_trailing_newlines=True, escape_backslashes=False). The "#jinja2:" first line is read by
do_template itself. ansible_managed is given as "Ansible managed" (its default text, without the file's dates).

The line map: a Jinja2 extension rewrites the token stream Jinja2's lexer gives (after whitespace control) and puts
a marker U+E002 <line> U+E003 at the start of every text token, after every newline in it, and before every
{{ }}; not inside set blocks, macros, call and filter blocks, whose text is captured rather than written. The
template is rendered a second time with the extension; a rendered line maps to the last marker before its first
character. The markers do not change the text: "marked_equal" says so for every case."""
import json
import re
import sys

from ansible.parsing.dataloader import DataLoader
from ansible.template import AnsibleEnvironment, Templar
from jinja2.ext import Extension
from jinja2.lexer import Token

MARK = re.compile("\ue002([0-9]+)\ue003")


def marker(line):
    return "\ue002%d\ue003" % line


class LineMarkers(Extension):
    """Marks the template being rendered, and nothing else compiled meanwhile (Ansible renders the templates in
    variables' values with the same environment)."""
    target = None

    def preprocess(self, source, name, filename=None):
        self.active = source == LineMarkers.target
        return source

    def filter_stream(self, stream):
        if not getattr(self, "active", False):
            yield from stream
            return
        tokens = list(stream)
        capturing = 0
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.type == "block_begin" and i + 1 < len(tokens) and tokens[i + 1].type == "name":
                name = tokens[i + 1].value
                if name in ("macro", "call", "filter"):
                    capturing += 1
                elif name == "set":
                    j = i + 2
                    depth = 0
                    assign = False
                    while j < len(tokens) and not (tokens[j].type == "block_end" and depth == 0):
                        if tokens[j].type in ("lparen", "lbracket", "lbrace"):
                            depth += 1
                        elif tokens[j].type in ("rparen", "rbracket", "rbrace"):
                            depth -= 1
                        elif tokens[j].type == "assign" and depth == 0:
                            assign = True
                        j += 1
                    if not assign:
                        capturing += 1
                elif name in ("endmacro", "endcall", "endfilter", "endset"):
                    capturing -= 1
            if capturing == 0 and tok.type == "data":
                out = [marker(tok.lineno)]
                line = tok.lineno
                for ch in tok.value:
                    out.append(ch)
                    if ch == "\n":
                        line += 1
                        out.append(marker(line))
                yield Token(tok.lineno, "data", "".join(out))
            elif capturing == 0 and tok.type == "variable_begin":
                yield Token(tok.lineno, "data", marker(tok.lineno))
                yield tok
            else:
                yield tok
            i += 1


def count_newlines_from_end(s):
    n = 0
    for ch in reversed(s):
        if ch != "\n":
            break
        n += 1
    return n


def line_map(marked, first_line, wanted_newlines):
    """The text without markers (Ansible's trailing newlines added) and the template line of each rendered line.
    Jinja2 counts lines from the first line it sees; a "#jinja2:" line before it is the file's line 1."""
    plain = []
    line_of = []
    current = first_line
    pos = 0
    for m in MARK.finditer(marked):
        for ch in marked[pos:m.start()]:
            plain.append(ch)
            line_of.append(current)
        current = int(m.group(1)) + first_line - 1
        pos = m.end()
    for ch in marked[pos:]:
        plain.append(ch)
        line_of.append(current)
    text = "".join(plain)
    have = count_newlines_from_end(text)
    if wanted_newlines > have:
        text += "\n" * (wanted_newlines - have)
        line_of.extend([current] * (wanted_newlines - have))
    lines = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "\r\n":
            lines.append(line_of[start])
            if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
            start = i + 1
        i += 1
    if start < len(text):
        lines.append(line_of[start])
    return text, lines


def templar_for(variables):
    templar = Templar(loader=DataLoader(), variables=variables)
    return templar.copy_with_new_env(environment_class=AnsibleEnvironment, newline_sequence="\n",
                                     trim_blocks=True, lstrip_blocks=False, available_variables=variables)


def render(template, variables):
    plain = templar_for(variables).do_template(template, preserve_trailing_newlines=True, escape_backslashes=False)
    body = template
    first = 1
    if template.startswith("#jinja2:"):
        eol = template.find("\n")
        body = template[eol + 1:]
        first = 2 if eol >= 0 else 1
    templar = templar_for(variables)
    templar.environment.add_extension(LineMarkers)
    LineMarkers.target = body
    marked = templar.do_template(template, preserve_trailing_newlines=False, escape_backslashes=False)
    text, lines = line_map(marked, first, count_newlines_from_end(body))
    return {"text": str(plain), "lines": lines, "marked_equal": text == str(plain)}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    loader = DataLoader()
    out = {}
    for case in cases:
        try:
            variables = loader.load(case["vars"]) or {}
            variables.setdefault("ansible_managed", "Ansible managed")
            out[case["name"]] = render(case["template"], variables)
        except Exception as e:  # the template's error is the result
            out[case["name"]] = {"error": type(e).__name__, "message": str(e)}
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
