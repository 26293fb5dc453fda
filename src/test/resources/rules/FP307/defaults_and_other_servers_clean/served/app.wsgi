from paste.deploy import loadapp
application = loadapp('config:/srv/served/served.ini')
