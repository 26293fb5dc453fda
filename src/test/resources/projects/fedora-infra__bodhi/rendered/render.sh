#!/bin/bash
# Lays out bodhi's Apache and start-up files as bodhi-server.spec's %install does (lines 108-113),
# with the spec's own sed commands, rpm macros expanded from vars/rpm-macros.env.
# Run from the project folder: bash rendered/render.sh
set -e
source vars/rpm-macros.env
B=rendered
mkdir -p $B/etc/httpd/conf.d $B/etc/bodhi $B/usr/share/bodhi
cd tree/bodhi-server
install -m 644 apache/bodhi.conf ../../$B/etc/httpd/conf.d/bodhi.conf
sed -i -s "s/BODHI_VERSION/${version}/g" ../../$B/etc/httpd/conf.d/bodhi.conf
sed -i -s "s/python3.7/python${python3_version}/g" ../../$B/etc/httpd/conf.d/bodhi.conf
install -m 640 production.ini ../../$B/etc/bodhi/production.ini
install apache/bodhi.wsgi ../../$B/usr/share/bodhi/bodhi.wsgi
