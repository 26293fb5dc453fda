from paste.deploy import loadapp
application = loadapp('config:/srv/app/production.ini')
