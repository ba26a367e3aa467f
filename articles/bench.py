"""Benchmark of ingestion through Redis (`make bench`).

Submits N synthetic wire articles (written for this benchmark, French and English, about
300 words each like the evaluation corpus's articles) the way the web form and the API do
(`article_submit_text`: stored, deduplicated, sent to Redis on commit) while the worker is
paused, then lets one Celery worker with 2 processes drain the queue and reports articles per
minute from the first message taken to the last article ready. Submission is timed on its
own: on this 2-core machine, submitting while the workers run would measure the submitter
taking cores from them, not the cost of queueing and the database. Then the extractor runs
alone on the same texts, with the same 2 processes, and the ratio says what queueing and the
database leave of the NLP's rate.

    python -m articles.bench [--articles 1000] [--processes 2]

Needs DATABASE_URL (PostgreSQL) and REDIS_URL: `make bench` provides throwaway ones.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = 40  # articles per process before the clock starts (the first ones are slower)
ROUNDS = 3  # each story has every kind of paragraph this many times (about 300 words)

NAMES = ["Paul Verdier", "Claire Besson", "Alan Hughes", "Sarah Kent", "Marc Petit",
         "Nadia Haddad", "Tom Reed", "Élodie Garnier", "Daniel Price", "Inès Moreau"]  # fmt: skip
PLACES = ["Rennes", "Leeds", "Lille", "Cardiff", "Nantes", "Bristol", "Dijon", "York"]
EN = [
    '"We will not back down on {topic}," {name} told reporters in {place} on {day}.',
    "According to the police, more than {n} people marched in {place} on {day}.",
    "The {paper}, citing two union sources, reported that the {topic} plan could be dropped "
    "by {month}. The management denied the reports.",
    "The ministry declined to comment. Reuters could not independently verify the {n} figure.",
    "A source close to the talks said negotiations on {topic} would resume on {day}, adding "
    'that both sides were "close to a deal".',
]
FR = [
    "« Nous ne céderons pas sur {topic} », a déclaré {day} {name} devant la presse à {place}.",
    "Selon la préfecture, plus de {n} personnes ont manifesté {day} à {place}.",
    "Le quotidien {paper}, citant deux sources syndicales, rapporte que le projet de {topic} "
    "pourrait être abandonné d'ici {month}. La direction a démenti ces informations.",
    "Le ministère n'a pas souhaité faire de commentaire. L'AFP n'a pas pu vérifier le chiffre "
    "de {n} de manière indépendante.",
    "Une source proche du dossier a indiqué que les négociations sur {topic} reprendraient "
    "{day}, affirmant que les deux parties étaient « proches d'un accord ».",
]
WORDS = {
    "en": {
        "topic": ["pensions", "rail safety", "school meals", "the new bridge", "water prices"],
        "day": ["Monday", "Tuesday", "Thursday", "Friday"],
        "month": ["March", "June", "October"],
        "paper": ["Northern Echo", "Evening Post", "Daily Ledger"],
    },
    "fr": {
        "topic": ["retraites", "sécurité ferroviaire", "cantines", "nouveau pont", "prix de l'eau"],
        "day": ["lundi", "mardi", "jeudi", "vendredi"],
        "month": ["mars", "juin", "octobre"],
        "paper": ["La Voix du Nord", "Le Courrier", "Ouest-Éclair"],
    },
}


def synthetic_articles(count: int, seed: int) -> list[tuple[str, str]]:
    """(language, text) pairs: five-paragraph wire stories, all different."""
    rng = random.Random(seed)
    articles = []
    for i in range(count):
        language = "fr" if i % 2 else "en"
        templates, words = (FR if language == "fr" else EN), WORDS[language]
        paragraphs = [
            template.format(
                name=rng.choice(NAMES),
                place=rng.choice(PLACES),
                n=rng.randint(200, 90000),
                **{key: rng.choice(values) for key, values in words.items()},
            )
            for _ in range(ROUNDS)
            for template in rng.sample(templates, len(templates))
        ]
        title = f"Dépêche {seed}-{i}" if language == "fr" else f"Wire {seed}-{i}"
        articles.append((language, title + "\n\n" + "\n\n".join(paragraphs)))
    return articles


# --- the extractor alone -----------------------------------------------------------------


def _warm_extractor() -> None:
    from claims import extraction

    extraction.extract("Le maire a déclaré que le pont ouvrira.", "fr")
    extraction.extract("The mayor said the bridge would open.", "en")


def _extract_all(items: list[tuple[str, str]]) -> int:
    from claims import extraction

    return sum(len(extraction.extract(text, language)) for language, text in items)


def extractor_rate(articles: list[tuple[str, str]], processes: int) -> tuple[float, int]:
    """Articles per minute of claims.extraction.extract alone, with `processes` processes."""
    chunks = [articles[i : i + 25] for i in range(0, len(articles), 25)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_warm_extractor) as pool:
        # The same warm-up as the pipeline's workers get: models loaded, caches filled.
        warm = synthetic_articles(WARM_UP * processes, seed=random.randrange(10**9))
        pool.map(_extract_all, [warm[i::processes] for i in range(processes)], chunksize=1)
        start = time.perf_counter()
        found = sum(pool.map(_extract_all, chunks, chunksize=1))
        elapsed = time.perf_counter() - start
    return len(articles) / elapsed * 60, found


# --- the whole pipeline through Redis ------------------------------------------------------


def start_worker(processes: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    from claimtrack.celery import app

    nodename = f"bench-{uuid.uuid4().hex[:8]}@{socket.gethostname()}"
    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0", "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable, "-m", "celery", "-A", "claimtrack", "worker", "--pool", "prefork",
        "--concurrency", str(processes), "--loglevel", "warning", "--hostname", nodename,
        "--without-mingle", "--without-gossip",
    ]  # fmt: skip
    with log_path.open("wb") as log:
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while not app.control.ping(destination=[nodename], timeout=1.0):
        if worker.poll() is not None or time.monotonic() > deadline:
            sys.exit(f"the bench worker did not start:\n{log_path.read_text()}")
    return worker, nodename


def wait_until_done(ids: list[int], timeout: float) -> None:
    from articles.models import Article

    deadline = time.monotonic() + timeout
    while Article.objects.filter(pk__in=ids, status__in=Article.Status.in_progress()).exists():
        if time.monotonic() > deadline:
            sys.exit(f"articles still in progress after {timeout:.0f}s")
        time.sleep(0.1)


def submit(articles: list[tuple[str, str]]) -> list[int]:
    from articles.services import article_submit_text

    return [
        article_submit_text(text=text, language=language).article.pk for language, text in articles
    ]


def pipeline_rate(articles: list[tuple[str, str]], processes: int) -> dict[str, float]:
    from django.core.management import call_command

    from articles.models import Article
    from claims.models import Mention

    call_command("migrate", verbosity=0)
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"claimtrack-bench-{os.getpid()}.log"
    from claimtrack.celery import app

    queue = app.conf.task_default_queue
    worker, nodename = start_worker(processes, log_path)
    try:
        # Warm-up: every worker process loads both spaCy models before the clock starts.
        warm = synthetic_articles(WARM_UP * processes, seed=random.randrange(10**9))
        wait_until_done(submit(warm), timeout=300)
        app.control.cancel_consumer(queue, destination=[nodename], reply=True)
        start = time.perf_counter()
        ids = submit(articles)
        submitted = time.perf_counter() - start
        start = time.perf_counter()
        app.control.add_consumer(queue, destination=[nodename], reply=True)
        wait_until_done(ids, timeout=1800)
        elapsed = time.perf_counter() - start
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    statuses = dict.fromkeys(Article.Status.values, 0)
    for status in Article.objects.filter(pk__in=ids).values_list("status", flat=True):
        statuses[status] += 1
    return {
        "rate": len(ids) / elapsed * 60,
        "elapsed": elapsed,
        "submitted": submitted,
        "ready": statuses["ready"],
        "failed": len(ids) - statuses["ready"],
        "mentions": Mention.objects.filter(article_id__in=ids).count(),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    if not os.environ.get("REDIS_URL") or not os.environ.get("DATABASE_URL"):
        sys.exit("articles.bench needs DATABASE_URL and REDIS_URL: run it with `make bench`.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "0"
    import django

    django.setup()
    articles = synthetic_articles(args.articles, seed=random.randrange(10**9))
    words = sum(len(text.split()) for _, text in articles)
    print(
        f"{len(articles)} synthetic wire articles (fr+en, {words / len(articles):.0f} words "
        f"each), {args.processes} worker processes, Redis + PostgreSQL"
    )
    pipeline = pipeline_rate(articles, args.processes)
    print(
        f"submission (store + dedup + send to Redis, 1 process): "
        f"{len(articles) / pipeline['submitted'] * 60:.0f} articles/min "
        f"({pipeline['submitted']:.1f} s)"
    )
    print(
        f"pipeline (Redis → worker → PostgreSQL): {pipeline['rate']:.0f} articles/min "
        f"({pipeline['elapsed']:.1f} s; {pipeline['ready']:.0f} ready, "
        f"{pipeline['failed']:.0f} not; {pipeline['mentions']:.0f} mentions stored)"
    )
    alone, found = extractor_rate(articles, args.processes)
    print(f"extractor alone, same texts, {args.processes} processes: {alone:.0f} articles/min "
          f"({found} claims)")  # fmt: skip
    ratio = pipeline["rate"] / alone
    verdict = "meets" if ratio >= 0.6 else "BELOW"
    print(f"ratio pipeline / extractor: {ratio:.2f} ({verdict} the 0.6 target)")


if __name__ == "__main__":
    main()
