"""`make run`'s embedded default: SQLite, tasks in-process, the demo data. Every page of the
newsroom and the readers answers on it (the rest of the suite runs on PostgreSQL, whose
lookups SQLite lacks: JSON containment, full-text search, covering indexes)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CRAWL = r"""
import json
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from articles.models import Outlet
from claims.models import AnnotationAssignment, AnnotationRound, Claim, Source

users = get_user_model().objects
editor = Client(HTTP_HOST="127.0.0.1")
editor.force_login(users.get(username="editor"))
journalist = Client(HTTP_HOST="127.0.0.1")
journalist.force_login(users.get(username="journalist"))
reader = Client(HTTP_HOST="127.0.0.1")
pages = []
public = ["/", "/claims/", "/claims/datafeed.json", "/api/public/claims/", "/sitemap.xml"]
public += [c.get_absolute_url() for c in Claim.objects.published()]
public += [f"/claims/speakers/{s.pk}/" for s in Source.objects.all()]
public += [f"/claims/outlets/{o.pk}/" for o in Outlet.objects.all()]
newsroom = ["/review/", "/review/?order=confidence", "/review/board/", "/review/dashboard/",
            "/review/dashboard/?since=2024-01-01", "/review/quality/", "/review/sources/",
            "/review/exports/", "/review/agreement/", "/review/alerts/"]
newsroom += [f"/review/sources/{s.pk}/" for s in Source.objects.all()]
newsroom += [f"/review/outlets/{o.pk}/" for o in Outlet.objects.all()]
newsroom += [f"/review/agreement/{r.pk}/" for r in AnnotationRound.objects.all()]
newsroom += [f"/review/exports/{k}.{f}" for k in ("claims", "mentions", "sources", "reviews")
             for f in ("csv", "json")]
mine = [f"/review/annotate/{a.pk}/"
        for a in AnnotationAssignment.objects.filter(annotator__username="journalist")]
speakers = 0
for who, client, urls in (("reader", reader, public), ("editor", editor, newsroom),
                          ("journalist", journalist, ["/review/annotate/", *mine])):
    for url in urls:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        if url.startswith("/claims/speakers/") and response.status_code == 200:
            speakers += 1
        # A reader's page of a source with nothing published is a 404, never an error.
        if response.status_code >= 500 or (response.status_code != 200 and who != "reader"):
            pages.append([who, url, response.status_code, body[:300].decode(errors="replace")])
print(json.dumps({"failed": pages, "crawled": len(public) + len(newsroom) + len(mine) + 1,
                  "speaker_pages": speakers}))
"""


def test_every_page_answers_on_the_embedded_default_with_the_demo_data(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    env["DJANGO_SETTINGS_MODULE"] = "claimtrack.settings"

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    run("manage.py", "migrate", "--noinput")
    run("manage.py", "seed_demo")
    report = json.loads(run("-c", CRAWL).strip().splitlines()[-1])
    assert report["failed"] == []
    assert report["crawled"] > 40
    assert report["speaker_pages"] >= 3  # the claimants of the demo's published claims
