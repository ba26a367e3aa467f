"""Benchmark of the agreement page of the largest annotation round (`make bench`).

Fills the database named by DATABASE_URL (a throwaway PostgreSQL under `make bench`) with a
round of ANNOTATION_SAMPLE_MAX articles, both annotators done, 20 statements each per article
(some shifted, some with another speaker or stance, some only one of them marked), then
measures the server time and the queries of the editor's round page, rendered in-process by
Django's test client (no network).

    python -m claims.bench_agreement [--statements 20] [--requests 50]
"""

import argparse
import random
import time

from claims.bench_workflow import percentile
from claimtrack.bench import bench_django_setup

SENTENCE = "The minister said that the budget would rise by {n} percent next year. "


def populate(per_article: int) -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from articles.models import Article, Outlet, content_hash
    from claims.models import Annotation, AnnotationAssignment, AnnotationRound
    from claims.services import ANNOTATION_SAMPLE_MAX

    rng = random.Random(5)
    users = get_user_model().objects
    editor = users.create_user("bench-agree-editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    a, b = (users.create_user(f"bench-annotator-{n}", password="x") for n in "ab")
    for person in (a, b):
        person.groups.add(Group.objects.get(name="Journalists"))
    outlet = Outlet.objects.create(name="Bench agreement outlet")
    texts = [
        "".join(SENTENCE.format(n=i * 100 + k) for k in range(per_article))
        for i in range(ANNOTATION_SAMPLE_MAX)
    ]
    articles = Article.objects.bulk_create(
        Article(title=f"Agreement story {i}", text=text, language="en", status="ready",
                outlet=outlet, content_hash=content_hash(text + "agreement"))
        for i, text in enumerate(texts)
    )  # fmt: skip
    round_ = AnnotationRound.objects.create(
        name="bench", created_by=editor, annotator_a=a, annotator_b=b
    )
    round_.articles.set(articles)
    now = timezone.now()
    assignments = AnnotationAssignment.objects.bulk_create(
        AnnotationAssignment(round=round_, article=article, annotator=person, state="done",
                             done_at=now)
        for article in articles for person in (a, b)
    )  # fmt: skip
    annotations = []
    for assignment in assignments:
        text, offset = assignment.article.text, 0
        for k in range(per_article):
            piece = SENTENCE.format(n=int(assignment.article.title.split()[-1]) * 100 + k)
            start = offset + piece.index("the budget")
            end = offset + len(piece) - 2
            offset += len(piece)
            roll = rng.random()
            if roll < 0.08:
                continue  # this annotator missed it
            if roll < 0.2:
                start += len("the ")  # a slightly different span: still the same statement
            annotations.append(
                Annotation(
                    assignment=assignment, start=start, end=end, content=text[start:end],
                    speaker="The minister" if roll < 0.9 else "A spokesperson", cue="said",
                    stance="asserts" if roll < 0.95 else "denies",
                )
            )  # fmt: skip
    Annotation.objects.bulk_create(annotations, batch_size=5000)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=20, help="per article and annotator")
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args(argv)

    bench_django_setup("agreement")
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from claims.models import Annotation, AnnotationRound

    if not AnnotationRound.objects.filter(name="bench").exists():
        started = time.perf_counter()
        populate(args.statements)
        print(f"populated in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    round_ = AnnotationRound.objects.get(name="bench")
    print(
        f"data: a round of {round_.articles.count()} articles, "
        f"{Annotation.objects.filter(assignment__round=round_).count():,} annotations"
    )
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-agree-editor"))
    url = round_.get_absolute_url()
    for _ in range(3):  # warm up connections and template caches
        client.get(url)
    # Each request empties connection.queries (request_started): count them after it.
    connection.force_debug_cursor = True
    response = client.get(url)
    queries = len(connection.queries)
    client.get(url + f"?article={round_.articles.order_by('pk').first().pk}")
    one = len(connection.queries)
    connection.force_debug_cursor = False
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(args.requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    print(
        f"round page (agreement) n={len(times)} p50={percentile(times, 50):6.1f} ms  "
        f"p95={percentile(times, 95):6.1f} ms  queries={queries}  "
        f"html={len(response.content) / 1024:.0f} KiB"
    )
    print(f"queries with one article's disagreements: {one}")


if __name__ == "__main__":
    main()
