#!/usr/bin/env python3
"""Renders httpd 2.4's docs/conf/httpd.conf.in and docs/conf/extra/httpd-mpm.conf.in as `./configure && make
install` lays them out with every default: the "Apache" layout (prefix /usr/local/apache2), Listen 80, modules
selected as configure's default `most` builds them shared (the `yes` ones loaded, the `most` ones listed commented
out; every optional library taken as found), the MPM built in statically (configure's default: event on Linux),
so no MPM LoadModule line. Follows Makefile.in's install-conf target and acinclude.m4's APACHE_MODULE.

usage: render_httpd_conf.py HTTPD_SOURCE_TREE OUT_DIR
"""
import os
import re
import subprocess
import sys

src, out = sys.argv[1], sys.argv[2]

# configure's config.layout "Apache": the @rel_*@ / @exp_*@ values of docs/conf/*.in
PREFIX = "/usr/local/apache2"
LAYOUT = {
    "rel_sysconfdir": "conf", "rel_logfiledir": "logs", "rel_runtimedir": "logs",
    "exp_htdocsdir": PREFIX + "/htdocs", "exp_cgidir": PREFIX + "/cgi-bin", "exp_sysconfdir": PREFIX + "/conf",
    "exp_runtimedir": PREFIX + "/logs", "exp_logfiledir": PREFIX + "/logs", "exp_errordir": PREFIX + "/error",
    "exp_iconsdir": PREFIX + "/icons", "exp_manualdir": PREFIX + "/manual", "exp_proxycachedir": PREFIX + "/proxy",
    "rel_libexecdir": "modules",
}
PORT, SSLPORT = "80", "443"

# the shell variables the modules' config*.m4 pass as APACHE_MODULE's default, as a default configure sets them
VARIABLES = {
    "$enable_so": "static",            # modules/core/config.m4: APR_HAS_DSO -> yes -> static
    "$unixd_mods_enable": "yes",       # modules/arch/unix/config5.m4: event/worker/prefork enabled
    "$session_mods_enable": "most", "$session_mods_enable_crypto": "most",
    "$dav_enable": "most", "$dav_fs_enable": "most",
    "$enable_proxy_balancer": "shared",  # after APACHE_MODULE(proxy_balancer, ..., most): module_default
}

stubs = subprocess.run("find os server modules support -name 'config*.m4' | "
                       "sed 's#\\(.*/config\\)\\(.*\\).m4#\\20 \\1\\2.m4#' | sort | sed 's#.* ##'",
                       shell=True, cwd=src, capture_output=True, text=True, check=True).stdout.split()

CALL = re.compile(r"^\s*APACHE_MODULE\(([^,]+),(.*)$")
dso, enabled = [], set()
for cfg in stubs:
    text = open(os.path.join(src, cfg), encoding="latin-1").read()
    lines = text.split("\n")
    skip_until_fi = None
    for i, line in enumerate(lines):
        m = CALL.match(line)
        if not m or line.lstrip().startswith("dnl"):
            continue
        name = m.group(1).strip()
        # the arguments up to the default: split the rest at top-level commas, brackets respected
        rest = "\n".join(lines[i:])[len(line) - len(m.group(2)):]
        args, depth, cur = [], 0, ""
        for ch in rest:
            if ch in "[(":
                depth += 1
            elif ch in "])":
                if depth == 0:
                    args.append(cur)
                    break
                depth -= 1
            if ch == "," and depth == 0:
                args.append(cur)
                cur = ""
                continue
            cur += ch
        # args: helptext, objects, structname, default, ...
        default = args[3].strip() if len(args) > 3 else ""
        default = VARIABLES.get(default, default)
        dso_key = (cfg, name)
        # branches a default configure on Linux does not take
        if cfg == "modules/filters/config.m4" and name == "charset_lite" and default == "yes":
            continue  # the EBCDIC branch
        if cfg == "modules/generators/config5.m4" and i > 70 and name in ("cgi", "cgid"):
            continue  # the non-threaded MPM branch (event is threaded)
        if default in ("yes", "most", "shared"):
            if name not in dso:
                dso.append(name)
            if default == "yes":
                enabled.add(name)
        elif default == "static":
            pass  # linked in: no LoadModule line
        # "", "no": not built by default

have_cgi = "cgi" in dso
have_cgid = "cgid" in dso
lm = []
for j in dso:
    dis = "" if j in enabled else "#"
    line = "%sLoadModule %s_module %s/mod_%s.so" % (dis, j, LAYOUT["rel_libexecdir"], j)
    if j == "cgid" and have_cgi:
        lm += ["<IfModule !mpm_prefork_module>", "\t" + line, "</IfModule>"]
    elif j == "cgi" and have_cgid:
        lm += ["<IfModule mpm_prefork_module>", "\t" + line, "</IfModule>"]
    else:
        lm.append(line)


def render(text):
    for k, v in LAYOUT.items():
        text = text.replace("@" + k + "@", v)
    text = text.replace("@@ServerRoot@@", PREFIX).replace("@@Port@@", PORT).replace("@@SSLPort@@", SSLPORT)
    return text


def install(name):
    raw = open(os.path.join(src, "docs/conf", name + ".in"), encoding="latin-1").read()
    text = render(raw)
    if "@@LoadModule@@" in text:
        head, tail = text.split("@@LoadModule@@\n", 1)
        text = head + "".join(l + "\n" for l in lm) + tail.replace("@@LoadModule@@\n", "")
    path = os.path.join(out, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="latin-1", newline="") as f:
        f.write(text)
    leftover = re.findall(r"@[a-zA-Z_]+@", text)
    if leftover:
        sys.exit("unrendered placeholders in %s: %s" % (name, leftover))


install("httpd.conf")
install("extra/httpd-mpm.conf")
