# the path comes from the environment: footprint cannot compute it and does not guess
import os
from pyramid.paster import get_app

application = get_app(os.environ['APP_INI'], 'main')
