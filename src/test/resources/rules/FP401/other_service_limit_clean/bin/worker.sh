#!/bin/sh
# a background worker's own limit: it does not reach httpd
ulimit -v 1048576
exec celery -A app worker
