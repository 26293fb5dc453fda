import threading
# meant as 512 KiB: ValueError: size not valid: 512 bytes
# expect: FP402
threading.stack_size(512)

from paste.deploy import loadapp
application = loadapp('config:/srv/app/production.ini')
