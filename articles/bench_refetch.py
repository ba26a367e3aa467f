"""Benchmark of re-fetching stored articles (issue 13 part 4).

Stores N synthetic linked articles (written for this benchmark, English and French, six
paragraphs, three quoted statements each) with their mentions, served as HTML pages by a
local fixture server. Then half of the pages change elsewhere than the quotes (a paragraph
inserted on top, a word edited in another paragraph, a paragraph cut), a quarter answer 304
to their ETag and a quarter send the same text again without validators. Every article is
fetched again through articles.refetch.article_refetch (the guarded fetch, trafilatura, the
version, the re-anchoring, the alerts), one after the other in this process; claim
extraction of the changed ones is left out (`extract="no"`: it is the extractor's bench).

Checks that every mention of an unchanged quote is re-anchored exactly (its new offsets
give its text), every reworded one fuzzily with a quote_changed alert, that none is lost or
marked removed, and prints articles per minute.

    python -m articles.bench_refetch [--articles 1000]

Needs DATABASE_URL (PostgreSQL): run it under scripts/with-services.sh.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

QUOTES_EN = [
    "We will rebuild the {place} library before the winter",
    "Nobody on this council voted to close the {place} clinic",
    "The {place} budget for buses will grow by {n} percent next year",
    "Our engineers found no crack in the {place} bridge during the last inspection",
]
QUOTES_FR = [
    "Nous reconstruirons la médiathèque de {place} avant l'hiver",
    "Aucun élu n'a voté la fermeture du centre de santé de {place}",
    "Le budget des bus de {place} augmentera de {n} % l'an prochain",
    "Nos ingénieurs n'ont trouvé aucune fissure sur le pont de {place}",
]
PLACES = ["Rennes", "Leeds", "Lille", "Cardiff", "Nantes", "Bristol", "Dijon", "York"]
NAMES = ["Paul Verdier", "Claire Besson", "Alan Hughes", "Sarah Kent", "Nadia Haddad"]


def synthetic_story(i: int, rng: random.Random) -> tuple[str, str, list[str], list[str]]:
    """(language, title, paragraphs, quotes) of one article."""
    fr = i % 2 == 1
    templates = QUOTES_FR if fr else QUOTES_EN
    place = rng.choice(PLACES)
    quotes = [
        t.format(place=place, n=rng.randint(2, 40)) + f" ({i}-{k})"
        for k, t in enumerate(rng.sample(templates, 3))
    ]
    name = rng.choice(NAMES)
    if fr:
        title = f"Conseil municipal de {place}, séance {i}"
        paragraphs = [
            f"Le conseil municipal de {place} s'est réuni jeudi soir pendant plus de trois heures.",
            f"« {quotes[0]} », a déclaré {name} devant les habitants venus nombreux.",
            f"Les débats ont porté sur les transports, la santé et les équipements de {place}.",
            f"« {quotes[1]} », a affirmé l'adjointe chargée des finances après le vote.",
            "Plusieurs associations ont demandé que le calendrier des travaux soit publié.",
            f"« {quotes[2]} », a ajouté le maire en fin de séance.",
        ]
    else:
        title = f"{place} council meeting, session {i}"
        paragraphs = [
            f"The {place} city council met for more than three hours on Thursday evening.",
            f'"{quotes[0]}," {name} told the residents who filled the public gallery.',
            f"The debate covered transport, health and the public buildings of {place}.",
            f'"{quotes[1]}," the deputy in charge of finance said after the vote.',
            "Several local groups asked for the calendar of the works to be published.",
            f'"{quotes[2]}," the mayor added at the end of the meeting.',
        ]
    return ("fr" if fr else "en"), title, paragraphs, quotes


def html(title: str, paragraphs: list[str], language: str) -> str:
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{language}"><head><title>{title}</title></head><body>'
        f"<article><h1>{title}</h1>\n{body}</article></body></html>"
    )


def changed(paragraphs: list[str], language: str, rng: random.Random) -> list[str]:
    """The same story edited away from its quotes (paragraphs 1, 3 and 5)."""
    new = list(paragraphs)
    new[2] = new[2].replace("transport", "housing").replace("transports", "logement")
    new[4] = new[4] + (
        " Le maire a promis une réponse." if language == "fr" else " A reply was promised."
    )
    if rng.random() < 0.5:
        del new[4]
    top = (
        "Mise à jour : la prochaine séance aura lieu en mars."
        if language == "fr"
        else "Update: the next session will be held in March."
    )
    return [top, *new]


def setup(count: int, pages, seed: int) -> dict[int, str]:
    """Store the articles and their mentions; returns what each page will become."""
    from django.utils import timezone

    from articles.models import Article, content_hash
    from articles.pages import page_article
    from claims.models import Claim, Mention

    REVIEWED = Mention.ReviewState.ACCEPTED  # noqa: N806 (one of each article's is reviewed)
    rng = random.Random(seed)
    kinds: dict[int, str] = {}
    for i in range(count):
        language, title, paragraphs, quotes = synthetic_story(i, rng)
        path = f"/{seed}/{i}"
        kind = ["changed", "changed", "etag", "same"][i % 4]
        if i % 8 == 0:
            kind = "reworded"  # changed, and its reviewed quote (a claim's) gets one word more
        page = html(title, paragraphs, language)
        text = page_article(page, url=pages.url(path)).text
        article = Article.objects.create(
            url=pages.url(path), title=title, language=language, text=text,
            content_hash=content_hash(text), status=Article.Status.READY,
            processed_at=timezone.now(), etag='"v1"' if kind == "etag" else "",
        )  # fmt: skip
        Mention.objects.bulk_create(
            Mention(
                article=article, content=q, start=text.index(q), end=text.index(q) + len(q),
                quote_type=Mention.QuoteType.DIRECT, speaker="bench",
                review_state=REVIEWED if k == 0 else Mention.ReviewState.UNREVIEWED,
            )
            for k, q in enumerate(quotes)
        )  # fmt: skip
        if kind == "reworded":
            claim = Claim.objects.create(statement=quotes[0], slug=f"bench-{seed}-{i}")
            Mention.objects.filter(article=article, content=quotes[0]).update(claim=claim)
            words = quotes[0].split(" ")
            edited = " ".join(
                [*words[:2], "vraiment" if language == "fr" else "indeed", *words[2:]]
            )
            paragraphs = [p.replace(quotes[0], edited) for p in paragraphs]
        if kind in ("changed", "reworded"):
            pages.put(path, html(title, changed(paragraphs, language, rng), language),
                      content_type="text/html; charset=utf-8")  # fmt: skip
        else:
            pages.put(path, page, content_type="text/html; charset=utf-8",
                      etag='"v1"' if kind == "etag" else "")  # fmt: skip
        kinds[article.pk] = kind
    return kinds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        sys.exit(
            "articles.bench_refetch needs DATABASE_URL: run it under scripts/with-services.sh."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")
    os.environ["CLAIMTRACK_FETCH_ALLOW_LOOPBACK"] = "1"  # the fixture server is on loopback
    os.environ["CLAIMTRACK_REFETCH_HOST_INTERVAL"] = "0"  # one local host serves them all
    import logging

    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from django.core.management import call_command

    from articles.models import Article
    from articles.refetch import article_refetch
    from claims.models import Alert, Mention

    # The fixture server of the tests: a bench is a development tool run from the repository.
    from tests.fixtures.changing_pages import start_changing_pages

    call_command("migrate", verbosity=0)
    pages = start_changing_pages()
    seed = random.randrange(10**9)
    try:
        start = time.perf_counter()
        kinds = setup(args.articles, pages, seed)
        print(f"stored {len(kinds)} linked articles with 3 mentions each "
              f"({time.perf_counter() - start:.1f} s)")  # fmt: skip
        before = dict(Mention.objects.filter(article_id__in=kinds).values_list("id", "content"))
        statuses: dict[str, int] = {}
        start = time.perf_counter()
        for article in Article.objects.filter(pk__in=kinds).order_by("id"):
            result = article_refetch(article=article, extract="no")
            statuses[result.status] = statuses.get(result.status, 0) + 1
            assert not result.error, (article.pk, result.error)
        elapsed = time.perf_counter() - start
    finally:
        pages.stop()
    texts = dict(Article.objects.filter(pk__in=kinds).values_list("id", "text"))
    mentions = list(Mention.objects.filter(article_id__in=kinds))
    changed_ids = {pk for pk, kind in kinds.items() if kind == "changed"}
    reworded_ids = {pk for pk, kind in kinds.items() if kind == "reworded"}
    lost = set(before) - {m.pk for m in mentions}
    removed = [m.pk for m in mentions if m.removed_at is not None]
    # Quotes left alone (all but the reworded ones): at their old text, anchored exactly.
    kept = [m for m in mentions if not (m.article_id in reworded_ids and m.claim_id)]
    wrong = [m.pk for m in kept if texts[m.article_id][m.start : m.end] != before[m.pk]]
    moved = [m for m in kept if m.article_id in changed_ids | reworded_ids]
    not_exact = [m.pk for m in moved if m.anchored != "exact"]
    reworded = [m for m in mentions if m.article_id in reworded_ids and m.claim_id]
    fuzzy = [m for m in reworded if m.anchored == "fuzzy"]
    fuzzy_right = [m for m in fuzzy if texts[m.article_id][m.start : m.end] == m.content]
    alerts = Alert.objects.filter(article_id__in=kinds)
    print(f"re-fetch outcomes: {dict(sorted(statuses.items()))}")
    print(
        f"mentions: {len(before)} before, {len(mentions)} after, {len(lost)} lost, "
        f"{len(removed)} removed; unchanged quotes in changed articles: {len(moved)}, "
        f"{len(moved) - len(not_exact)} re-anchored exactly; {len(wrong)} not at their text"
    )
    print(
        f"quotes reworded by one word: {len(reworded)}, {len(fuzzy)} re-anchored fuzzily "
        f"({len(fuzzy_right)} on the new wording), "
        f"{alerts.filter(kind=Alert.Kind.QUOTE_CHANGED).count()} quote_changed alerts, "
        f"{alerts.exclude(kind=Alert.Kind.QUOTE_CHANGED).count()} other alerts"
    )
    print(
        f"re-fetch (guarded HTTP GET + trafilatura + version + re-anchoring, 1 process): "
        f"{len(kinds) / elapsed * 60:.0f} articles/min ({elapsed:.1f} s for {len(kinds)})"
    )
    assert statuses.get("changed") == len(changed_ids | reworded_ids), statuses
    assert not lost and not removed and not wrong and not not_exact
    assert len(fuzzy_right) == len(reworded) == alerts.count()
    print("OK: every unchanged quote re-anchored exactly, every reworded one fuzzily, none lost")


if __name__ == "__main__":
    main()
