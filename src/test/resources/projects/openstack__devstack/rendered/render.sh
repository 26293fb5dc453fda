#!/bin/bash
# Renders devstack's Apache templates with the sed commands devstack itself runs (copied from
# lib/keystone _config_keystone_apache_wsgi and lib/horizon configure_horizon at commit
# fe1d3d6a7b3faa804800292c48f6ed2d75157963; only `sudo`, `cp` and the destination differ) and the
# values of vars/devstack.env. Run from the project folder: bash rendered/render.sh
set -e
source vars/devstack.env
FILES=tree/files
mkdir -p rendered/etc/apache2/sites-available rendered/etc/apache2/sites-enabled

keystone_apache_conf=rendered/etc/apache2/sites-available/keystone.conf
cp $FILES/apache-keystone.template $keystone_apache_conf
sed -e "
    s|%PUBLICPORT%|$keystone_service_port|g;
    s|%ADMINPORT%|$keystone_auth_port|g;
    s|%APACHE_NAME%|$APACHE_NAME|g;
    s|%SSLLISTEN%|$keystone_ssl_listen|g;
    s|%SSLENGINE%|$keystone_ssl|g;
    s|%SSLCERTFILE%|$keystone_certfile|g;
    s|%SSLKEYFILE%|$keystone_keyfile|g;
    s|%USER%|$STACK_USER|g;
    s|%VIRTUALENV%|$venv_path|g
    s|%KEYSTONE_BIN%|$KEYSTONE_BIN_DIR|g
" -i $keystone_apache_conf

horizon_conf=rendered/etc/apache2/sites-available/horizon.conf
sh -c "sed -e \"
    s,%USER%,$APACHE_USER,g;
    s,%GROUP%,$APACHE_GROUP,g;
    s,%HORIZON_DIR%,$HORIZON_DIR,g;
    s,%APACHE_NAME%,$APACHE_NAME,g;
    s,%DEST%,$DEST,g;
    s,%WEBROOT%,$HORIZON_APACHE_ROOT,g;
\" $FILES/apache-horizon.template >$horizon_conf"

# enable_apache_site (a2ensite) links them into sites-enabled
ln -sf ../sites-available/keystone.conf rendered/etc/apache2/sites-enabled/keystone.conf
ln -sf ../sites-available/horizon.conf rendered/etc/apache2/sites-enabled/horizon.conf
