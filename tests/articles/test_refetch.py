"""Sources that change (issue 13 part 4): linked articles fetched again, versions kept,
mentions re-anchored, alerts on the claims whose quote changed. Real PostgreSQL, pages from
a local HTTP server whose pages change during the test."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, ArticleVersion
from articles.reanchor import FUZZY_MIN_SIMILARITY, TextDiff, anchor
from articles.refetch import (
    HostBusy,
    article_refetch,
    articles_due_for_refetch,
    host_slot_release,
    hosts_spread,
    refetch_interval,
)
from articles.services import article_process_now, article_submit_url
from articles.tasks import refetch_due_articles
from claims.models import Alert, Claim, Mention
from tests.factories import ArticleFactory
from tests.fixtures.changing_pages import start_changing_pages

TITLE = "Harbour council delays the ferry contract"
LEAD = "The harbour council postponed its vote on the new ferry contract on Wednesday evening."
QUOTE = "We need more time to study the tender from both companies"
QUOTED = f'"{QUOTE}," the council leader, Mary Collins, told reporters after the meeting.'
RESIDENTS = (
    "Local residents have complained for months about late and cancelled crossings to the island."
)
OPERATOR = (
    "The ferry operator said in a statement that it would respect the decision of the council."
)


def story(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


ARTICLE = story(TITLE, LEAD, QUOTED, RESIDENTS, OPERATOR)


@pytest.fixture
def pages(monkeypatch, settings):
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_LOOPBACK", "1")
    settings.CLAIMTRACK_FETCH_READ_TIMEOUT = 2.0
    settings.CLAIMTRACK_FETCH_TOTAL_TIMEOUT = 4.0
    settings.CLAIMTRACK_REFETCH_HOST_INTERVAL = 0
    server = start_changing_pages()
    yield server
    server.stop()


def stored(pages, path: str = "/harbour", body: str = ARTICLE, **options) -> Article:
    """An article submitted as a link, fetched and extracted here, as `ingest --sync` does."""
    pages.put(path, body, **options)
    article = article_submit_url(url=pages.url(path), enqueue=False).article
    article = article_process_now(article=article)
    assert article.status == Article.Status.READY, article.error
    return article


def quote_of(article: Article) -> Mention:
    return article.mentions.get(content__contains="more time")


def appearance(mention: Mention, claim: Claim) -> Mention:
    mention.claim, mention.review_state = claim, Mention.ReviewState.ACCEPTED
    mention.save(update_fields=["claim", "review_state"])
    return mention


# --- conditional GET ---------------------------------------------------------------------


@pytest.mark.django_db
def test_an_unchanged_page_is_asked_with_its_etag_and_a_304_changes_nothing(pages):
    article = stored(pages, etag='"v1"')
    assert article.etag == '"v1"'  # kept from the first fetch
    result = article_refetch(article=article)
    assert (result.status, result.changed, result.version) == ("not_modified", False, 1)
    assert pages.asked("/harbour")[-1]["if-none-match"] == '"v1"'
    article.refresh_from_db()
    assert article.refetch_count == 1 and article.version == 1 and article.text == ARTICLE
    assert article.last_refetched_at is not None and article.next_refetch_at > timezone.now()
    # Version 1 is the text as first stored, kept from the first re-fetch on.
    assert list(article.versions.values_list("number", "text")) == [(1, ARTICLE)]


@pytest.mark.django_db
def test_a_page_sent_again_with_the_same_text_is_unchanged_and_its_new_etag_kept(pages):
    article = stored(pages, etag='"v1"')
    pages.put("/harbour", ARTICLE, etag='"v1-bis"')  # a site that changes tags for nothing
    result = article_refetch(article=article)
    assert (result.status, result.changed) == ("unchanged", False)
    article.refresh_from_db()
    assert article.etag == '"v1-bis"' and article.version == 1


@pytest.mark.django_db
def test_a_site_without_etag_is_asked_if_modified_since_its_last_modified_date(pages):
    stamp = "Tue, 01 Dec 2026 08:00:00 GMT"
    article = stored(pages, last_modified=stamp)
    assert article.last_modified == stamp
    assert article_refetch(article=article).status == "not_modified"
    assert pages.asked("/harbour")[-1]["if-modified-since"] == stamp
    assert "if-none-match" not in pages.asked("/harbour")[-1]


# --- versions and re-anchoring -----------------------------------------------------------


@pytest.mark.django_db
def test_a_changed_text_becomes_version_2_and_the_first_is_kept(pages):
    article = stored(pages)
    changed = story(TITLE, LEAD, QUOTED, RESIDENTS)  # the operator's paragraph was cut
    pages.put("/harbour", changed)
    result = article_refetch(article=article, extract="now")
    assert (result.changed, result.version, result.status) == (True, 2, "changed")
    article.refresh_from_db()
    assert article.text == changed and article.version == 2
    assert article.status == Article.Status.READY  # extracted again
    versions = list(ArticleVersion.objects.filter(article=article).order_by("number"))
    assert [(v.number, v.text) for v in versions] == [(1, ARTICLE), (2, changed)]
    assert versions[1].http_status == 200


@pytest.mark.django_db
def test_text_inserted_before_a_quote_moves_its_reviewed_mention_exactly_without_a_duplicate(
    pages, publish
):
    article = stored(pages)
    mention = appearance(quote_of(article), publish(statement="The council needs more time."))
    before = mention.start
    inserted = "Update: the vote is now expected next month, the council's website says."
    pages.put("/harbour", story(TITLE, inserted, LEAD, QUOTED, RESIDENTS, OPERATOR))
    result = article_refetch(article=article, extract="now")
    assert result.reanchored >= 1 and result.removed == 0 and result.fuzzy == 0
    mention.refresh_from_db()
    article.refresh_from_db()
    assert mention.start == before + len(inserted) + 2
    assert article.text[mention.start : mention.end] == QUOTE
    assert (mention.anchored, mention.removed_at) == ("exact", None)
    # Extraction ran again on the new text: the reviewed mention is kept, not duplicated.
    same = article.mentions.filter(content__contains="more time")
    assert list(same.values_list("id", flat=True)) == [mention.pk]
    assert not Alert.objects.filter(claim=mention.claim).exists()


@pytest.mark.django_db
def test_a_word_changed_in_a_quote_anchors_it_fuzzily_and_alerts_its_published_claim(
    pages, publish
):
    article = stored(pages)
    claim = publish(statement="The council needs more time.")
    mention = appearance(quote_of(article), claim)
    reworded = QUOTED.replace("study the tender", "examine the tender")
    pages.put("/harbour", story(TITLE, LEAD, reworded, RESIDENTS, OPERATOR))
    result = article_refetch(article=article, extract="now")
    assert (result.fuzzy, result.removed, result.alerts) == (1, 0, 1)
    mention.refresh_from_db()
    article.refresh_from_db()
    new_quote = QUOTE.replace("study", "examine")
    assert mention.anchored == "fuzzy"
    assert article.text[mention.start : mention.end] == new_quote
    assert mention.content == QUOTE  # readers of the published claim keep what they saw
    alert = Alert.objects.get(claim=claim)
    assert alert.kind == Alert.Kind.QUOTE_CHANGED and alert.state == Alert.State.OPEN
    assert (alert.earlier_id, alert.later_id, alert.article_id) == (
        mention.pk,
        mention.pk,
        article.pk,
    )
    assert (alert.data["old"], alert.data["new"], alert.data["version"]) == (QUOTE, new_quote, 2)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PUBLISHED
    reason = claim.history.order_by("-history_id").first().history_change_reason
    assert reason.startswith(f"Source article changed: version 2 of article {article.pk}")
    assert "quote changed" in reason
    assert article.mentions.filter(content__contains="examine").count() == 0  # no duplicate


@pytest.mark.django_db
def test_a_reworded_quote_of_an_unpublished_claim_records_its_new_wording(pages):
    article = stored(pages)
    claim = Claim.objects.create(statement="The council needs more time.", slug="more-time")
    mention = appearance(quote_of(article), claim)
    pages.put("/harbour", story(TITLE, LEAD, QUOTED.replace("both", "the two"), RESIDENTS))
    article_refetch(article=article, extract="now")
    mention.refresh_from_db()
    assert mention.content == QUOTE.replace("both", "the two")
    assert Alert.objects.get(claim=claim).kind == Alert.Kind.QUOTE_CHANGED


@pytest.mark.django_db
def test_a_deleted_quote_marks_its_mention_removed_and_alerts_quote_removed(pages, publish):
    article = stored(pages)
    claim = publish(statement="The council needs more time.")
    mention = appearance(quote_of(article), claim)
    pages.put("/harbour", story(TITLE, LEAD, RESIDENTS, OPERATOR))
    result = article_refetch(article=article, extract="now")
    assert result.removed == 1
    mention.refresh_from_db()
    assert mention.removed_at is not None and mention.content == QUOTE
    assert mention.claim_id == claim.pk  # the appearance is kept, marked removed
    alert = Alert.objects.get(claim=claim, kind=Alert.Kind.QUOTE_REMOVED)
    assert alert.data == {"old": QUOTE, "version": 2}
    assert "quote removed" in claim.history.order_by("-history_id").first().history_change_reason


@pytest.mark.django_db
def test_a_correction_notice_added_alerts_every_claim_appearing_in_the_article(pages, publish):
    article = stored(pages)
    quoted = appearance(quote_of(article), publish(statement="The council needs more time."))
    other = appearance(
        article.mentions.get(content__contains="respect"),
        publish(statement="The operator will respect the decision."),
    )
    notice = "Correction: An earlier version of this article gave the wrong day for the vote."
    pages.put("/harbour", story(TITLE, LEAD, QUOTED, RESIDENTS, OPERATOR, notice))
    result = article_refetch(article=article, extract="now")
    assert result.notices == [notice]
    alerts = Alert.objects.filter(kind=Alert.Kind.ARTICLE_CORRECTED, article=article)
    assert sorted(alerts.values_list("claim_id", flat=True)) == sorted(
        [quoted.claim_id, other.claim_id]
    )
    assert all(a.data["notice"] == notice and a.data["version"] == 2 for a in alerts)
    # Fetched again unchanged: the notice is not new any more, no second alert.
    assert article_refetch(article=Article.objects.get(pk=article.pk)).changed is False
    assert alerts.count() == 2


@pytest.mark.django_db
def test_a_french_rectificatif_is_a_correction_notice(pages, publish):
    body = story(
        "Le conseil portuaire reporte le contrat des ferries",
        "Le conseil portuaire a reporté mercredi soir son vote sur le nouveau contrat.",
        "« Nous avons besoin de plus de temps pour étudier les offres », a déclaré Marie "
        "Collin, la présidente du conseil, à l'issue de la réunion.",
        "Les habitants se plaignent depuis des mois des traversées annulées vers l'île.",
    )
    article = stored(pages, path="/port", body=body)
    mention = appearance(article.mentions.get(content__contains="temps"), publish(statement="x"))
    notice = "Rectificatif : une première version de cet article indiquait un vote jeudi."
    pages.put("/port", story(body, notice))
    article_refetch(article=article, extract="now")
    alert = Alert.objects.get(claim=mention.claim, kind=Alert.Kind.ARTICLE_CORRECTED)
    assert alert.data["notice"] == notice


# --- failures, rate limit, schedule ------------------------------------------------------


@pytest.mark.django_db
def test_a_failed_refetch_is_recorded_in_words_and_leaves_the_article_as_it_was(pages):
    article = stored(pages)
    mentions = list(article.mentions.values_list("id", "start", "end"))
    pages.put("/harbour", "oops", status=503)
    result = article_refetch(article=article)
    assert result.status == "failed" and "HTTP 503" in result.error
    article.refresh_from_db()
    assert "HTTP 503" in article.refetch_error
    assert article.text == ARTICLE and article.status == Article.Status.READY
    assert article.next_refetch_at > timezone.now()  # tried again at its next time
    assert list(article.mentions.values_list("id", "start", "end")) == mentions
    pages.put("/harbour", ARTICLE)
    assert article_refetch(article=article).status == "unchanged"
    article.refresh_from_db()
    assert article.refetch_error == ""


@pytest.mark.django_db
def test_one_host_is_asked_at_most_once_per_interval_and_a_busy_article_waits(pages, settings):
    settings.CLAIMTRACK_REFETCH_HOST_INTERVAL = 30
    host_slot_release("127.0.0.1")
    first = stored(pages, path="/one")
    second = stored(pages, path="/two", body=story(TITLE, LEAD, QUOTED))
    try:
        assert article_refetch(article=first).status == "unchanged"
        with pytest.raises(HostBusy):
            article_refetch(article=second)
        assert pages.asked("/two") and len(pages.asked("/two")) == 1  # only its first fetch
        second.refresh_from_db()
        assert second.last_refetched_at is None  # not marked done: it is still due
    finally:
        host_slot_release("127.0.0.1")
    assert article_refetch(article=second).status == "unchanged"


@pytest.mark.django_db
def test_beat_spreads_the_due_articles_of_one_host_and_leaves_the_rest_due(
    pages, settings, django_capture_on_commit_callbacks
):
    settings.CLAIMTRACK_REFETCH_HOST_INTERVAL = 20
    settings.CLAIMTRACK_REFETCH_BEAT_INTERVAL = 60
    long_ago = timezone.now() - timedelta(hours=3)
    articles = [
        ArticleFactory(url=pages.url(f"/a{n}"), status="ready", text=f"Text {n}.") for n in range(4)
    ]
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(created_at=long_ago)
    due = list(articles_due_for_refetch())
    assert [(a.pk, c) for a, c in hosts_spread(due, per_host=3)] == [
        (articles[0].pk, 0),
        (articles[1].pk, 20),
        (articles[2].pk, 40),
    ]
    with django_capture_on_commit_callbacks(execute=False) as sent:
        assert refetch_due_articles() == 3
    assert len(sent) == 3
    # The three sent are leased (not sent again by the next beat); the fourth is still due.
    assert list(articles_due_for_refetch().values_list("id", flat=True)) == [articles[3].pk]


@pytest.mark.parametrize(
    ("age", "interval"),
    [
        (timedelta(hours=2), timedelta(hours=1)),
        (timedelta(days=3), timedelta(hours=6)),
        (timedelta(days=12), timedelta(days=1)),
        (timedelta(days=90), timedelta(weeks=1)),
        (timedelta(days=181), None),
    ],
)
def test_new_articles_are_fetched_again_sooner_than_old_ones(age, interval, settings):
    settings.CLAIMTRACK_REFETCH_STOP_AFTER_DAYS = 180
    assert refetch_interval(age) == interval


@pytest.mark.django_db
def test_which_articles_are_due(settings):
    now = timezone.now()

    def article(**fields) -> Article:
        created = fields.pop("created", now - timedelta(hours=2))
        fields.setdefault("status", "ready")
        made = ArticleFactory(url=f"https://news.example/{Article.objects.count()}", **fields)
        Article.objects.filter(pk=made.pk).update(created_at=created)
        return made

    due = [
        article(),  # never re-fetched, two hours old
        article(next_refetch_at=now - timedelta(minutes=1)),
    ]
    article(created=now - timedelta(minutes=10))  # too new: first re-fetch after an hour
    article(next_refetch_at=now + timedelta(hours=1))
    article(created=now - timedelta(days=200))  # too old, never re-fetched
    article(last_refetched_at=now - timedelta(days=9), next_refetch_at=None)  # stopped
    article(status="extracting", next_refetch_at=now - timedelta(hours=1))
    ArticleFactory(url="", status="ready", next_refetch_at=now - timedelta(hours=1))
    assert sorted(articles_due_for_refetch().values_list("id", flat=True)) == sorted(
        a.pk for a in due
    )


def test_reanchoring_rules_exact_fuzzy_removed():
    old = story(LEAD, QUOTED, RESIDENTS, QUOTED)  # the same quote twice
    second = old.rindex(QUOTE)
    moved = story("A new paragraph on top.", old)
    found = anchor(QUOTE, second, second + len(QUOTE), TextDiff(old, moved))
    assert (found.kind, found.start) == ("exact", moved.rindex(QUOTE))  # the second copy
    edited = old.replace("from both companies", "from both bidders")
    found = anchor(QUOTE, second, second + len(QUOTE), TextDiff(old, edited))
    assert found.kind == "fuzzy" and found.similarity >= FUZZY_MIN_SIMILARITY
    assert edited[found.start : found.end] == QUOTE.replace("companies", "bidders")
    rewritten = old.replace(QUOTE, "The council will decide in its own time")
    found = anchor(QUOTE, second, second + len(QUOTE), TextDiff(old, rewritten))
    assert found.kind == "removed"


# --- the command -------------------------------------------------------------------------


@pytest.mark.django_db
def test_refetch_articles_sync_prints_one_json_line_per_article(pages):
    article = stored(pages)
    pasted = ArticleFactory(url="", status="ready", text="Pasted, without a link.")
    mentions = article.mentions.count()
    pages.put("/harbour", story(TITLE, "A new paragraph.", LEAD, QUOTED, RESIDENTS, OPERATOR))
    out = StringIO()
    call_command(
        "refetch_articles", "--sync", str(article.pk), str(pasted.pk), "999999", stdout=out
    )
    lines = {line["id"]: line for line in map(json.loads, out.getvalue().splitlines())}
    assert set(lines) == {article.pk, pasted.pk, 999999}
    assert {k: lines[article.pk][k] for k in ("changed", "version", "removed")} == {
        "changed": True,
        "version": 2,
        "removed": 0,
    }
    assert lines[article.pk]["reanchored"] == mentions == 2
    assert "error" not in lines[article.pk]
    assert lines[pasted.pk]["changed"] is False and "link" in lines[pasted.pk]["error"]
    assert "No article" in lines[999999]["error"]
    assert "Traceback" not in out.getvalue()


@pytest.mark.django_db
def test_refetch_articles_without_sync_queues_every_linked_article(
    pages, django_capture_on_commit_callbacks
):
    article = stored(pages)
    ArticleFactory(url="", status="ready", text="Pasted.")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=False) as sent:
        call_command("refetch_articles", "--all", stdout=out)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"id": article.pk, "queued": True, "countdown": 0}
    ]
    assert len(sent) == 1


# --- the article page --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_article_page_lists_its_versions_and_marks_a_removed_mention(
    pages, publish, journalist_client
):
    article = stored(pages)
    mention = appearance(quote_of(article), publish(statement="The council needs more time."))
    pages.put("/harbour", story(TITLE, LEAD, RESIDENTS, OPERATOR))
    article_refetch(article=article, extract="now")
    html = journalist_client.get(article.get_absolute_url()).content.decode()
    assert "Versions of this page" in html
    assert "Version 1" in html and "Version 2" in html and "text changed" in html
    assert "Removed from the article" in html
    # Its old offsets point into version 1: only the operator's statement is marked.
    assert mention.pk and html.count('<mark class="mention stance-') == 1
