from paste.deploy import loadapp
application = loadapp('config:/srv/admin/admin.ini')
