# the path computed from the script's own place, as Pyramid projects write it
import os
from pyramid.paster import get_app, setup_logging

ini_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'production.ini')
setup_logging(ini_path)
application = get_app(ini_path, 'main')
