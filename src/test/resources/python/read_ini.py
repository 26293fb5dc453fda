"""Reads INI files exactly as PasteDeploy's loader does (configparser, strict, optionxform=str) and prints,
for each path given, what configparser holds: {"sections": {name: {key: value}}, "defaults": {key: value}}
or, when configparser refuses the file, {"error": exception class name, "line": the line it names, "lines": for
a ParsingError every line it collected, else [line]}.
Values are raw (interpolation=None), continuation lines joined as configparser joins them.
Output: one JSON object {path: result} on stdout, UTF-8."""
import configparser
import json
import sys


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
    return {
        "sections": {name: dict(parser._sections[name]) for name in parser.sections()},
        "defaults": dict(parser._defaults),
    }


def main():
    out = {path: read(path) for path in sys.argv[1:]}
    sys.stdout.buffer.write(json.dumps(out, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    main()
