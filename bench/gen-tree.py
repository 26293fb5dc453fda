#!/usr/bin/env python3
"""Generates a Debian-style deploy project for the whole-process benchmark (bench/whole-process.sh).

    gen-tree.py DIR LINES [--heavy] [--jinja]

DIR/pom.xml       a pom project that runs footprint:check at verify
DIR/src/main/deploy/apache2.conf   main file: event + mod_wsgi, Include sites-enabled/*.conf
DIR/src/main/deploy/sites-enabled/NNNNNNN.conf   20-line virtual hosts, one mod_wsgi daemon each
--heavy   every virtual host writes ${LOGROOT} twice (ServerAlias, ServerAdmin), which nothing defines (two FP002 per host)
--jinja   the virtual hosts are Ansible-style Jinja2 templates (NNNNNNN.conf.j2) with a vars file
Paths in apache2.conf are absolute so that `apache2 -t -f DIR/src/main/deploy/apache2.conf` reads the same tree.
"""
import os
import sys

LINES_PER_SITE = 20


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    heavy = '--heavy' in sys.argv
    jinja = '--jinja' in sys.argv
    out, lines = os.path.abspath(args[0]), int(args[1])
    version = args[2] if len(args) > 2 else '0.1.0-SNAPSHOT'
    deploy = os.path.join(out, 'src', 'main', 'deploy')
    sites = os.path.join(deploy, 'sites-enabled')
    run = os.path.join(out, 'run')
    for d in (sites, run):
        os.makedirs(d, exist_ok=True)
    with open(os.path.join(out, 'pom.xml'), 'w') as f:
        f.write(POM.replace('@VERSION@', version))
    with open(os.path.join(deploy, 'apache2.conf'), 'w') as f:
        f.write(MAIN.format(deploy=deploy, run=run))
    if jinja:
        os.makedirs(os.path.join(deploy, 'defaults'), exist_ok=True)
        with open(os.path.join(deploy, 'defaults', 'main.yml'), 'w') as f:
            f.write('wsgi_processes: 1\nwsgi_threads: 5\nwsgi_max_requests: 500\nlog_root: /var/log/apache2\n')
    n = max(1, (lines - 12) // LINES_PER_SITE)
    for i in range(n):
        name = '%07d.conf' % i + ('.j2' if jinja else '')
        with open(os.path.join(sites, name), 'w') as f:
            f.write(site(i, heavy, jinja))
    return n


def site(i, heavy, jinja):
    log = '{{ log_root }}' if jinja else '/var/log/apache2'
    domain = '${LOGROOT}' if heavy else 'example.com'
    p, t, m = ('{{ wsgi_processes }}', '{{ wsgi_threads }}', '{{ wsgi_max_requests | int }}') if jinja \
        else ('1', '5', '500')
    body = [
        '# site %d: generated for the benchmark' % i,
        '<VirtualHost *:80>',
        '    ServerName site%d.example.com' % i,
        '    WSGIDaemonProcess site%d processes=%s threads=%s maximum-requests=%s \\' % (i, p, t, m),
        '        display-name=%{GROUP} stack-size=524288',
        '    WSGIProcessGroup site%d' % i,
        '    WSGIScriptAlias / /srv/site%d/app.wsgi' % i,
        '    ServerAlias www.site%d.%s' % (i, domain),
        '    ServerAdmin webmaster@%s' % domain,
        '    ErrorLog %s/site%d-error.log' % (log, i),
        '    <Location "/static">',
        '        Require all granted',
        '        Options -Indexes',
        '    </Location>',
    ]
    while len(body) < LINES_PER_SITE - 1:
        body.append('    # padding')
    body.append('</VirtualHost>')
    return '\n'.join(body) + '\n'


MAIN = '''ServerRoot "{deploy}"
DefaultRuntimeDir "{run}"
PidFile "{run}/httpd.pid"
ErrorLog "{run}/error_log"
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule wsgi_module /usr/lib/apache2/modules/mod_wsgi.so
WSGISocketPrefix "{run}/wsgi"
ServerName 127.0.0.1
WSGIRestrictEmbedded On
<IfModule mpm_event_module>
  ThreadsPerChild 25
  MaxRequestWorkers 150
</IfModule>
Include sites-enabled/*.conf
'''

POM = '''<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.footprint</groupId>
    <artifactId>footprint-maven-plugin</artifactId>
    <version>@VERSION@</version>
    <configuration><failOn>never</failOn></configuration>
    <executions><execution><goals><goal>check</goal></goals></execution></executions>
  </plugin></plugins></build>
</project>
'''

if __name__ == '__main__':
    print(main())
