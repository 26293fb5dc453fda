import os, sys
import thread
thread.stack_size(512 * 1024)

from paste.deploy import loadapp
application = loadapp('config:/apps/myapplication/production.ini')
