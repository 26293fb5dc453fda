from paste.deploy import loadapp
application = loadapp('config:/etc/ckan/default/production.ini')
