"""The Celery application: `celery -A claimtrack worker` and `celery -A claimtrack beat`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")

app = Celery("claimtrack")
# Every CELERY_* Django setting configures Celery (CELERY_BROKER_URL → broker_url, ...).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
