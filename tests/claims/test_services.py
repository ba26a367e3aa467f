import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article
from claims.models import Claim, Mention, Rating, Source
from claims.services import (
    article_extract_claims,
    claim_create_from_mention,
    claim_publish,
    extraction_time_limits,
    source_get_or_create,
    sources_for_speakers,
)
from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.usefixtures("roles")

TEXT = (
    "The council met on Tuesday.\n\n"
    '"The bridge will reopen in March," said Mayor Linda Okafor.\n\n'
    "The contractor denied that any cracks had been found."
)


def test_extraction_stores_mentions_with_valid_spans_and_sources():
    article = article_extract_claims(article=ArticleFactory(text=TEXT, status="queued"))
    assert article.status == Article.Status.READY
    mentions = list(article.mentions.all())
    assert mentions, "expected at least the direct quote"
    for mention in mentions:
        assert TEXT[mention.start : mention.end] == mention.content
        assert 0 <= mention.confidence <= 1
        assert mention.extractor_version
    quote = next(m for m in mentions if m.quote_type == Mention.QuoteType.DIRECT)
    assert quote.content == "The bridge will reopen in March"
    assert quote.source is not None and "Okafor" in quote.source.name


def test_running_extraction_twice_does_not_duplicate_mentions():
    article = ArticleFactory(text=TEXT, status="queued")
    article_extract_claims(article=article)
    first = sorted(article.mentions.values_list("start", "end", "speaker"))
    article_extract_claims(article=article)
    assert sorted(article.mentions.values_list("start", "end", "speaker")) == first


def test_extraction_again_keeps_reviewed_mentions_untouched():
    article = ArticleFactory(text=TEXT, status="queued")
    article_extract_claims(article=article)
    reviewed = article.mentions.order_by("start").first()
    claim = claim_create_from_mention(mention=reviewed, statement="The bridge reopens in March")
    count = article.mentions.count()
    article_extract_claims(article=article)
    reviewed.refresh_from_db()
    assert reviewed.claim == claim
    assert reviewed.review_state == Mention.ReviewState.ACCEPTED
    assert article.mentions.count() == count


def test_extraction_failure_is_stored_with_a_readable_reason():
    # A language the extractor has no pipeline for makes extraction itself fail.
    article = ArticleFactory(text=TEXT, language="de", status="queued")
    article = article_extract_claims(article=article)
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert "The article is kept" in article.error
    assert not article.mentions.exists()


def test_named_sources_are_shared_and_anonymous_ones_are_not():
    a = source_get_or_create(name="Linda  Okafor", kind="person")
    b = source_get_or_create(name="linda okafor", kind="person")
    assert a == b
    x = source_get_or_create(name="a senior official", kind="anonymous")
    y = source_get_or_create(name="a senior official", kind="anonymous")
    assert x != y
    assert Source.objects.count() == 3


def test_unknown_source_kind_falls_back_to_person():
    assert source_get_or_create(name="Someone", kind="alien").kind == Source.Kind.PERSON


def test_accepting_a_mention_creates_a_claim_with_a_unique_slug():
    one = claim_create_from_mention(mention=MentionFactory(), statement="Bridge reopens")
    two = claim_create_from_mention(mention=MentionFactory(), statement="Bridge reopens")
    assert one.slug == "bridge-reopens" and two.slug == "bridge-reopens-2"
    assert one.mentions.get().review_state == Mention.ReviewState.ACCEPTED


def test_a_claim_needs_a_statement():
    with pytest.raises(ValidationError):
        claim_create_from_mention(mention=MentionFactory(), statement="   ")


def test_direct_publishing_needs_a_conclusion():
    claim = claim_create_from_mention(mention=MentionFactory(), statement="Bridge reopens")
    true = Rating.objects.get(slug="true")
    with pytest.raises(ValidationError):
        claim_publish(claim=claim, verdict=true, conclusion=" ")
    claim_publish(claim=claim, verdict=true, conclusion="Confirmed by the city.")
    assert list(Claim.objects.published()) == [claim]


def test_sources_for_many_speakers_share_named_ones_and_keep_order():
    existing = source_get_or_create(name="Linda Okafor", kind="person")
    sources = sources_for_speakers(
        [
            ("linda  okafor", "person"),
            ("Harlow Construction", "organization"),
            ("two engineers", "anonymous"),
            ("Harlow Construction", "organization"),
            ("two engineers", "anonymous"),
            ("Someone", "not-a-kind"),
        ]
    )
    assert sources[0] == existing
    assert sources[1] == sources[3] and sources[1].kind == "organization"
    assert sources[2] != sources[4] and sources[2].kind == "anonymous"
    assert sources[5].kind == Source.Kind.PERSON
    assert Source.objects.count() == 5


def test_claim_slugs_never_take_the_feed_url():
    claim = claim_create_from_mention(mention=MentionFactory(), statement="Feed")
    assert claim.slug == "feed-2"


def test_admin_saves_and_deletes_drop_cached_public_pages(rf, editor):
    from django.contrib import admin

    from claims.public.cache import public_cache_generation

    claim = claim_create_from_mention(mention=MentionFactory(), statement="Cached statement")
    model_admin = admin.site._registry[Claim]
    request = rf.post("/admin/")
    request.user = editor
    before = public_cache_generation()
    model_admin.save_model(request, claim, form=None, change=True)
    after_save = public_cache_generation()
    model_admin.delete_model(request, claim)
    assert before != after_save != public_cache_generation()


def live_run(article: Article, *, beat_age: timedelta = timedelta(0), attempts: int = 1):
    """Make the article look taken by an extraction run whose last heartbeat is that old."""
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.EXTRACTING,
        extraction_run=uuid.uuid4(),
        heartbeat_at=timezone.now() - beat_age,
        extraction_attempts=attempts,
    )
    article.refresh_from_db()
    return article


def test_extraction_leaves_alone_an_article_another_live_run_extracts():
    article = live_run(ArticleFactory(text=TEXT, status="queued"))
    run = article.extraction_run
    article = article_extract_claims(article=article)
    assert article.status == Article.Status.EXTRACTING
    assert article.extraction_run == run  # still the other run's
    assert not article.mentions.exists()


def test_extraction_takes_over_an_article_whose_run_stopped_beating(settings):
    settings.CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT = 120
    article = live_run(ArticleFactory(text=TEXT, status="queued"), beat_age=timedelta(minutes=3))
    article = article_extract_claims(article=article)
    assert article.status == Article.Status.READY
    assert article.extraction_run is None and article.extraction_attempts == 0
    assert article.mentions.filter(speaker__icontains="Okafor").count() == 1


def test_an_article_whose_extraction_keeps_being_interrupted_fails_with_a_reason(settings):
    settings.CLAIMTRACK_EXTRACT_MAX_ATTEMPTS = 3
    article = live_run(
        ArticleFactory(text=TEXT, status="queued"), beat_age=timedelta(hours=1), attempts=3
    )
    article = article_extract_claims(article=article)
    assert article.status == Article.Status.FAILED
    assert "started 3 times without finishing" in article.error
    assert "Split it, or paste the main text only" in article.error
    assert not article.mentions.exists()


def test_extraction_time_limits_grow_with_the_text_up_to_a_ceiling(settings):
    settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_BASE = 120
    settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_PER_KCHAR = 1
    settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_MAX = 1800
    settings.CLAIMTRACK_EXTRACT_TIME_LIMIT_GRACE = 60
    assert extraction_time_limits(3_000) == (123, 183)
    assert extraction_time_limits(400_000) == (520, 580)
    assert extraction_time_limits(5_000_000) == (1800, 1860)


def test_claim_slugs_are_cut_between_words():
    from claims.services import SLUG_MAX, _slug_base

    statement = (
        "The regional council will extend the tramway to the railway station before the "
        "summer of 2027 according to its president"
    )
    slug = _slug_base(statement)
    assert len(slug) <= SLUG_MAX
    assert statement.lower().replace(" ", "-").startswith(slug)
    assert statement.lower().split()[len(slug.split("-")) - 1] == slug.split("-")[-1]  # whole
    assert _slug_base("x" * 300) == "x" * SLUG_MAX  # one endless word: cut where it must be
    assert _slug_base("Le ministre a dit « non »") == "le-ministre-a-dit-non"
