"""Claim pages are cached, and every public change through the services shows at once."""

import pytest

from claims import published_changes, services
from claims.models import Claim, Mention, PendingChange
from tests.factories import EvidenceFactory, MentionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(publish, editor):
    claim = publish(statement="The ferry runs all winter", created_by=editor)
    EvidenceFactory(claim=claim, title="Timetable", is_approved=True)
    return claim


def page(client, claim) -> str:
    response = client.get(f"/claims/{claim.slug}/")
    return response.content.decode() if response.status_code == 200 else str(response.status_code)


def test_second_view_of_a_claim_page_is_served_from_the_cache(
    client, claim, django_assert_num_queries
):
    first = page(client, claim)
    with django_assert_num_queries(0):
        second = page(client, claim)
    assert "The ferry runs all winter" in second
    assert first == second


def test_cached_anonymous_page_is_the_same_for_every_reader_and_sets_no_cookie(client, claim):
    from django.test import Client

    first = client.get(f"/claims/{claim.slug}/?utm_source=feed")
    other = Client(enforce_csrf_checks=True)
    second = other.get(f"/claims/{claim.slug}/")
    assert "csrfmiddlewaretoken" not in second.content.decode()
    assert not second.cookies and "Set-Cookie" not in second.headers
    assert first.content == second.content
    # The language switch returns to the claim's own address.
    assert f'name="next" value="/claims/{claim.slug}/"' in first.content.decode()


def test_anonymous_page_is_sent_compressed_to_browsers_that_accept_gzip(client, claim):
    import gzip

    plain = client.get(f"/claims/{claim.slug}/")
    compressed = client.get(f"/claims/{claim.slug}/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain.headers
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 2
    for response in (plain, compressed):
        vary = {v.strip() for v in response["Vary"].split(",")}
        assert {"Accept-Encoding", "Accept-Language", "Cookie"} <= vary


def test_language_switch_needs_no_csrf_token_but_signed_in_forms_still_do(client, claim, editor):
    from django.test import Client

    reader = Client(enforce_csrf_checks=True)
    reader.get(f"/claims/{claim.slug}/")
    response = reader.post("/i18n/setlang/", {"language": "fr", "next": "/claims/"})
    assert response.status_code == 302 and response["Location"] == "/claims/"
    assert reader.cookies["django_language"].value == "fr"
    signed_in = Client(enforce_csrf_checks=True)
    signed_in.force_login(editor)
    assert signed_in.post("/accounts/logout/").status_code == 403  # no token, refused
    html = signed_in.get(f"/claims/{claim.slug}/").content.decode()
    assert "csrfmiddlewaretoken" in html  # the log-out form carries the user's token


def test_unpublishing_takes_the_page_down_at_once(client, claim, editor):
    assert "The ferry runs all winter" in page(client, claim)
    services.claim_unpublish(claim=claim, by=editor, reason="Timetable misread")
    assert page(client, claim) == "410"


def test_verdict_change_with_correction_shows_at_once_when_approved(
    client, claim, editor, editor2, ratings
):
    page(client, claim)
    services.claim_set_verdict(
        claim=claim,
        verdict=ratings["mostly-true"],
        conclusion="It runs, with fewer crossings.",
        by=editor,
        correction="We changed the verdict after the new timetable.",
    )
    assert "Mostly true" not in page(client, claim)  # a second editor approves first
    published_changes.pending_change_approve(
        change=PendingChange.objects.get(claim=claim), by=editor2
    )
    html = page(client, claim)
    assert "Mostly true" in html and "It runs, with fewer crossings." in html
    assert "We changed the verdict after the new timetable." in html


def test_approved_evidence_and_accepted_appearance_show_at_once(client, claim, editor):
    draft = EvidenceFactory(claim=claim, title="Harbour notice", is_approved=False)
    mention = MentionFactory(review_state=Mention.ReviewState.UNREVIEWED, speaker="Captain Ives")
    assert "Harbour notice" not in page(client, claim)
    services.evidence_approve(evidence=draft, by=editor, correction="We added a notice.")
    services.mention_accept(mention=mention, by=editor, claim=claim, correction="Also in the Post.")
    html = page(client, claim)
    assert "Harbour notice" in html and "Captain Ives" in html
    services.mention_reject(mention=mention, by=editor, correction="Not the same claim.")
    assert "Captain Ives" not in page(client, claim)


def test_publication_makes_a_claim_reachable_at_once(client, editor, editor2, ratings, settings):
    settings.CLAIMTRACK_SECOND_EDITOR_APPROVAL = True
    claim = Claim.objects.create(
        statement="Tolls go up in May", slug="tolls-go-up", verdict=ratings["true"],
        conclusion="The decree says so.", created_by=editor,
    )  # fmt: skip
    EvidenceFactory(claim=claim, is_approved=True)
    assert page(client, claim) == "404"
    services.claim_request_publication(claim=claim, by=editor)
    assert page(client, claim) == "404"
    services.claim_approve_publication(claim=claim, by=editor2)
    assert "Tolls go up in May" in page(client, claim)


def test_invalidation_happens_again_when_the_transaction_commits(
    claim, django_capture_on_commit_callbacks
):
    from claims.public.cache import public_cache_generation, public_cache_invalidate

    before = public_cache_generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        public_cache_invalidate()
        during = public_cache_generation()
    assert len(callbacks) == 1
    assert before != during != public_cache_generation()


def test_signed_in_user_gets_their_own_header_on_a_cached_page(client, claim, editor):
    assert "Log in</a>" in page(client, claim)  # now cached for anonymous readers
    client.force_login(editor)
    html = page(client, claim)
    assert f"Log out {editor.username}" in html and "Log in</a>" not in html
    assert "The ferry runs all winter" in html
    client.logout()
    html = page(client, claim)
    assert "Log in</a>" in html and "Log out" not in html


def test_invalidation_by_another_web_process_is_seen_after_the_check_delay(client, claim, settings):
    from claims.public.cache import _token_set

    settings.CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS = 60
    assert "The ferry runs all winter" in page(client, claim)
    # Another process unpublishes the claim and changes the shared token.
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.DRAFT)
    _token_set("set-by-another-process")
    assert "The ferry runs all winter" in page(client, claim)  # within the check delay
    settings.CLAIMTRACK_PUBLIC_CACHE_CHECK_SECONDS = 0
    assert page(client, claim) == "404"


@pytest.fixture
def shared_redis(settings):
    """The real Redis of REDIS_URL, through which web processes share the token."""
    import os

    import redis

    from claims.public import cache as public_cache

    url = os.environ.get("REDIS_URL", "")
    if not url:
        pytest.fail("REDIS_URL is not set: run the tests through `make test`.")
    settings.REDIS_URL = url
    public_cache._redis.cache_clear()
    public_cache.public_cache_reset()
    yield redis.Redis.from_url(url)
    public_cache._redis.cache_clear()


def test_redis_not_answering_serves_pages_from_the_database_and_never_a_withdrawn_one(
    client, claim, editor, shared_redis, caplog
):
    """Redis stops answering (CLIENT PAUSE), an editor unpublishes meanwhile, then Redis
    comes back still holding the token of before: the old page must not come back."""
    import time

    from claims.public.cache import GENERATION_KEY

    assert "The ferry runs all winter" in page(client, claim)  # cached under the token
    token_before = shared_redis.get(GENERATION_KEY)
    shared_redis.execute_command("CLIENT", "PAUSE", 4000, "ALL")
    paused_until = time.monotonic() + 4.0
    assert "The ferry runs all winter" in page(client, claim)  # from the database, still 200
    services.claim_unpublish(claim=claim, by=editor, reason="Timetable misread")  # no error
    assert page(client, claim) == "410"
    assert "could not change the shared generation in Redis" in caplog.text
    time.sleep(max(0.0, paused_until - time.monotonic()) + 0.2)
    assert shared_redis.get(GENERATION_KEY) == token_before  # the change never reached Redis
    assert page(client, claim) == "410"


def _from_every_worker(server, path: str, workers: int) -> dict[str, set[int]]:
    """Ask for `path` in parallel until each of the `workers` processes answered it at least
    twice (a sync worker serves one request at a time, so parallel ones spread); returns the
    statuses each worker gave."""
    import time
    from concurrent.futures import ThreadPoolExecutor

    seen = len(server.served())
    deadline = time.monotonic() + 30
    with ThreadPoolExecutor(max_workers=2 * workers) as pool:
        while True:
            list(pool.map(lambda _: server.get(path), range(4 * workers)))
            statuses: dict[str, list[int]] = {}
            for pid, served_path, status in server.served()[seen:]:
                if served_path == path:
                    statuses.setdefault(pid, []).append(status)
            if len(statuses) == workers and all(len(s) >= 2 for s in statuses.values()):
                return {pid: set(each) for pid, each in statuses.items()}
            if time.monotonic() > deadline:
                pytest.fail(f"not every gunicorn worker answered {path}: {statuses}")


@pytest.mark.django_db(transaction=True)
def test_claim_withdrawn_during_a_redis_outage_leaves_three_idle_web_processes_at_once(
    claim, editor, shared_redis, tmp_path, caplog
):
    """Three gunicorn workers have the page cached; Redis stops answering (CLIENT PAUSE)
    while no reader comes, an editor unpublishes meanwhile, then Redis comes back still
    holding the token of before. No worker may serve the withdrawn page again."""
    import time

    from claims.public.cache import GENERATION_KEY
    from tests.live_gunicorn import gunicorn

    path = f"/claims/{claim.slug}/"
    with gunicorn(tmp_path, workers=3) as server:
        assert set().union(*_from_every_worker(server, path, 3).values()) == {200}
        token_before = shared_redis.get(GENERATION_KEY)
        shared_redis.execute_command("CLIENT", "PAUSE", 3000, "ALL")
        paused_until = time.monotonic() + 3.0
        services.claim_unpublish(claim=claim, by=editor, reason="Timetable misread")
        assert "could not change the shared generation in Redis" in caplog.text
        time.sleep(max(0.0, paused_until - time.monotonic()) + 0.2)
        assert shared_redis.get(GENERATION_KEY) == token_before  # the change never reached Redis
        statuses = _from_every_worker(server, path, 3)
    assert statuses and all(each == {410} for each in statuses.values()), statuses


def test_change_counted_in_the_database_only_is_seen_after_the_verify_delay(
    client, claim, settings
):
    """A busy process keeps reading the old token from Redis when another process's token
    change failed; the count of changes in the database still reaches it."""
    from pagecache.models import generation_bump

    settings.CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS = 60
    assert "The ferry runs all winter" in page(client, claim)
    # Another process unpublishes the claim; its token change never reaches Redis.
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.DRAFT)
    generation_bump()
    assert "The ferry runs all winter" in page(client, claim)  # within the verify delay
    settings.CLAIMTRACK_PUBLIC_CACHE_VERIFY_SECONDS = 0
    assert page(client, claim) == "404"
