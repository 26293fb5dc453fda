# Renders template.ini.mako as `kallithea-cli config-create FILE [key=value...]` does: it calls
# kallithea.lib.inifile.expand(template, mako_variable_values, settings) of the same commit, which
# fills in inifile.default_variables (database_engine sqlite, http_server waitress, host 127.0.0.1,
# port 5000, uuid -> 'VERY-SECRET'), renders with Mako and rewrites [section] keys from `settings`.
# Usage, from the project folder:
#   python3 rendered/render.py INIFILE_PY vars/kallithea-cli.json NAME OUTPUT
import importlib.util, json, sys

spec = importlib.util.spec_from_file_location('inifile', sys.argv[1])
inifile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(inifile)
values = json.load(open(sys.argv[2]))[sys.argv[3]]
template = open('tree/kallithea/lib/paster_commands/template.ini.mako', 'rb').read().decode('utf-8')
with open(sys.argv[4], 'wb') as f:
    f.write(inifile.expand(template, values, {}).encode('utf-8'))
