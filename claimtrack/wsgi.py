"""WSGI entry point: `gunicorn claimtrack.wsgi:application`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")

application = get_wsgi_application()
