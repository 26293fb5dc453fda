"""Reads INI files exactly as PasteDeploy's loader does (configparser, strict, optionxform=str) and prints,
for each path given, what configparser holds: {"sections": {name: {key: value}}, "defaults": {key: value}}
or, when configparser refuses the file, {"error": exception class name, "line": the line it names, "lines": for
a ParsingError every line it collected, else [line]}.
Values are raw (interpolation=None), continuation lines joined as configparser joins them.

For a file configparser accepts, the result also holds what PasteDeploy's loader reads from it:
"injected": the defaults ConfigLoader injects ({"here": the file's folder, "__file__": its absolute path}) and
"interpolated": {"DEFAULT": ..., section: ...}, every key of the section (for DEFAULT, every default, the injected
ones included) mapped to {"value": v} or, when BasicInterpolation raises, {"error": class name, "message": str(e),
"line": the line of the key}. The section values are parser.get(section, key); the DEFAULT values are
what PasteDeploy's NicerConfigParser.defaults() gives: parser.get('DEFAULT', key), or the raw value when that is
empty. PasteDeploy is not installed here; its two additions to configparser (the defaults() fallback and the
'Error in file FILE: ' prefix its interpolation wrapper puts on every error, PasteDeploy 3.1 loadwsgi.py) are
applied in one() below.
Output: one JSON object {path: result} on stdout, UTF-8."""
import configparser
import json
import os
import sys

# the line configparser is reading, for LineDict
CURRENT = [0]


class LineDict(dict):
    """A dict that remembers the line where configparser's _read first stored each key (0: not from the file)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = {}

    def __setitem__(self, key, value):
        # _read stores [first line] lists; _join_multiline_values and read_dict store strings afterwards
        if isinstance(value, list):
            self.lines[key] = CURRENT[0]
        elif key not in self.lines:
            self.lines[key] = 0
        super().__setitem__(key, value)


def numbered(f):
    for number, line in enumerate(f, start=1):
        CURRENT[0] = number
        yield line


def one(parser, path, section, key, lines, raw=None):
    """parser.get(section, key) as PasteDeploy sees it: its NicerConfigParser prefixes every interpolation error
    with 'Error in file FILE: ', and its defaults() keeps the raw text of a default that interpolates to ''."""
    try:
        value = parser.get(section, key)
    except configparser.InterpolationError as e:
        return {"error": type(e).__name__, "message": "Error in file %s: %s" % (path, e), "line": lines.get(key, 0)}
    if raw is not None and value == "":
        value = raw
    return {"value": value}


def interpolated(path):
    """What PasteDeploy's ConfigLoader(path) reads: BasicInterpolation, here and __file__ injected, keys as written."""
    injected = {"here": os.path.dirname(os.path.abspath(path)), "__file__": os.path.abspath(path)}
    parser = configparser.ConfigParser(defaults=injected, dict_type=LineDict)
    parser.optionxform = str
    with open(path, encoding="utf-8") as f:
        parser.read_file(numbered(f))
    out = {"DEFAULT": {key: one(parser, path, "DEFAULT", key, parser._defaults.lines, raw)
                       for key, raw in parser._defaults.items()}}
    for name in parser.sections():
        section = parser._sections[name]
        out[name] = {key: one(parser, path, name, key, section.lines) for key in section}
    return {"injected": injected, "interpolated": out}


def read(path):
    parser = configparser.ConfigParser(strict=True, interpolation=None)
    parser.optionxform = str
    try:
        with open(path, encoding="utf-8") as f:
            parser.read_file(f)
    except configparser.MissingSectionHeaderError as e:
        return {"error": type(e).__name__, "line": e.lineno, "lines": [e.lineno]}
    except configparser.ParsingError as e:
        lines = [n for n, _ in e.errors]
        return {"error": type(e).__name__, "line": lines[0], "lines": lines}
    except (configparser.DuplicateSectionError, configparser.DuplicateOptionError) as e:
        return {"error": type(e).__name__, "line": e.lineno, "lines": [e.lineno]}
    except UnicodeDecodeError as e:
        with open(path, "rb") as f:
            data = f.read()
        line = data[:e.start].count(b"\n") + 1
        return {"error": type(e).__name__, "line": line, "lines": [line]}
    result = {
        "sections": {name: dict(parser._sections[name]) for name in parser.sections()},
        "defaults": dict(parser._defaults),
    }
    result.update(interpolated(path))
    return result


def main():
    out = {path: read(path) for path in sys.argv[1:]}
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
