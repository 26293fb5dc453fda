import threading
threading.stack_size(512 * 1024)

from paste.deploy import loadapp
application = loadapp("config:/srv/app/production.ini")
