"""Issue 12, part 4: edit a mention by selecting its words; add a missed statement; make a
claim by hand; link a mention to any claim found by search."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from claims import services
from claims.models import Claim, Mention
from claims.spans import span_find, via_clean
from tests.factories import ArticleFactory, MentionFactory, UserFactory

HTMX = {"HTTP_HX_REQUEST": "true"}

FERRY = (
    "The harbour master said the ferry would resume on Monday. "
    "A union official denied that the ferry would resume on Monday, according to the Gazette."
)


def _ferry_mention():
    article = ArticleFactory(text=FERRY)
    content = "the ferry would resume on Monday"
    start = FERRY.index(content)
    return MentionFactory(
        article=article, speaker="The harbour master", content=content, start=start,
        end=start + len(content),
    )  # fmt: skip


# --- Services: the span ------------------------------------------------------------------


def test_selected_offsets_set_span_and_content(journalist):
    mention = _ferry_mention()
    start = FERRY.index("A union official")
    end = start + len("A union official denied")
    services.mention_correct(
        mention=mention, by=journalist, start=start, end=end, words="A union official denied"
    )
    mention.refresh_from_db()
    assert (mention.start, mention.end) == (start, end)
    assert mention.content == "A union official denied" == FERRY[start:end]
    assert mention.review_state == Mention.ReviewState.CORRECTED


@pytest.mark.parametrize(
    ("start", "end"),
    [(5, 5), (20, 3), (-1, 4), (0, len(FERRY) + 1), (len(FERRY) + 10, len(FERRY) + 20)],
)
def test_a_bad_span_or_one_outside_the_article_is_refused(journalist, start, end):
    mention = _ferry_mention()
    with pytest.raises(ValidationError, match="inside the article text"):
        services.mention_correct(mention=mention, by=journalist, start=start, end=end)
    mention.refresh_from_db()
    assert mention.content == "the ferry would resume on Monday"


def test_offsets_that_do_not_hold_the_shown_words_are_refused(journalist):
    mention = _ferry_mention()
    with pytest.raises(ValidationError, match="not at that place"):
        services.mention_correct(
            mention=mention, by=journalist, start=0, end=16, words="A union official"
        )


def test_half_a_span_is_refused(journalist):
    mention = _ferry_mention()
    with pytest.raises(ValidationError, match="incomplete"):
        services.mention_correct(mention=mention, by=journalist, start=4, end=None)


def test_typed_words_are_found_nearest_the_old_span(journalist):
    mention = _ferry_mention()  # the first "the ferry would resume on Monday"
    services.mention_correct(mention=mention, by=journalist, words="ferry would resume")
    mention.refresh_from_db()
    assert mention.start == FERRY.index("ferry would resume")
    assert mention.content == "ferry would resume"
    second = FERRY.rindex("the ferry would resume on Monday")
    later = MentionFactory(
        article=mention.article, content=FERRY[second:second + 9], start=second, end=second + 9
    )  # fmt: skip
    services.mention_correct(mention=later, by=journalist, words="ferry  would\nresume")
    later.refresh_from_db()
    assert later.start == FERRY.rindex("ferry would resume")  # the later one: nearest


def test_words_not_in_the_article_are_refused(journalist):
    mention = _ferry_mention()
    with pytest.raises(ValidationError, match="are not in the article text"):
        services.mention_correct(mention=mention, by=journalist, words="the ferry sank")


def test_span_find_matches_across_line_breaks():
    assert span_find(text="one two\nthree four", words="two three") == (4, 13)


# --- Services: the other fields ----------------------------------------------------------


def test_speaker_type_cue_quote_type_stance_and_via_are_stored(journalist):
    mention = _ferry_mention()
    services.mention_correct(
        mention=mention, by=journalist, speaker="Harbour  Authority", speaker_type="government",
        cue="announced", quote_type="direct", stance="denies",
        via="  Reuters \n\nThe Gazette\nReuters\n",
    )  # fmt: skip
    mention.refresh_from_db()
    assert mention.speaker == "Harbour Authority"
    assert mention.source.name == "Harbour Authority" and mention.source.kind == "government"
    assert (mention.speaker_type, mention.cue) == ("government", "announced")
    assert (mention.quote_type, mention.stance) == ("direct", "denies")
    assert mention.via == ["Reuters", "The Gazette"]
    assert mention.content == "the ferry would resume on Monday"  # span unchanged


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("stance", "shrugs", "Unknown stance"),
        ("quote_type", "sung", "Unknown quote type"),
        ("speaker_type", "robot", "Unknown speaker type"),
        ("via", "\n".join(f"Outlet {n}" for n in range(12)), "at most 10 outlets"),
    ],
)
def test_invalid_choices_are_refused_in_words(journalist, field, value, message):
    mention = _ferry_mention()
    with pytest.raises(ValidationError, match=message):
        services.mention_correct(mention=mention, by=journalist, **{field: value})


def test_via_clean_drops_blanks_and_repeats():
    assert via_clean(["AP", " ", "AP", "Le  Monde"]) == ["AP", "Le Monde"]


def test_a_reader_cannot_correct(roles):
    with pytest.raises(PermissionDenied):
        services.mention_correct(mention=_ferry_mention(), by=UserFactory(), cue="stated")


# --- Views -------------------------------------------------------------------------------


def test_the_correct_form_has_no_offset_fields_to_type(client, journalist):
    mention = _ferry_mention()
    client.force_login(journalist)
    form = client.get(reverse("review:mention-correct", args=[mention.pk]), **HTMX)
    html = form.content.decode()
    assert 'type="number"' not in html
    assert 'type="hidden" name="start"' in html and 'type="hidden" name="end"' in html
    assert 'name="words"' in html and "the ferry would resume on Monday</textarea>" in html
    for name in ("speaker", "speaker_type", "cue", "quote_type", "stance", "via"):
        assert f'name="{name}"' in html


def test_the_view_saves_a_selected_span_and_the_fields(client, journalist):
    mention = _ferry_mention()
    client.force_login(journalist)
    start = FERRY.index("A union official")
    data = {
        "start": start, "end": start + 16, "words": "A union official", "speaker": "Union",
        "speaker_type": "organization", "cue": "denied", "quote_type": "indirect",
        "stance": "denies", "via": "The Gazette", "number": "1",
    }  # fmt: skip
    response = client.post(reverse("review:mention-correct", args=[mention.pk]), data, **HTMX)
    assert response.status_code == 200
    mention.refresh_from_db()
    assert (mention.start, mention.end, mention.content) == (start, start + 16, "A union official")
    assert (mention.stance, mention.via, mention.speaker_type) == (
        "denies", ["The Gazette"], "organization"
    )  # fmt: skip


def test_the_view_without_javascript_finds_the_typed_words(client, journalist):
    mention = _ferry_mention()
    client.force_login(journalist)
    data = {"start": "", "end": "", "words": "resume on Monday", "stance": "asserts",
            "quote_type": "indirect", "number": "1"}  # fmt: skip
    client.post(reverse("review:mention-correct", args=[mention.pk]), data)
    mention.refresh_from_db()
    assert (mention.start, mention.content) == (FERRY.index("resume on Monday"), "resume on Monday")


def test_the_view_shows_a_bad_span_in_words_and_keeps_the_form(client, journalist):
    mention = _ferry_mention()
    client.force_login(journalist)
    data = {"start": 0, "end": 10_000, "words": "x", "stance": "asserts", "number": "1"}
    body = client.post(reverse("review:mention-correct", args=[mention.pk]), data, **HTMX)
    html = body.content.decode()
    assert "inside the article text" in html and 'name="words"' in html
    assert Mention.objects.get(pk=mention.pk).end == mention.end


def test_offsets_in_a_later_window_of_a_long_article_are_absolute(client, journalist, settings):
    settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS = 60
    filler = " ".join(f"Sentence {n} says nothing much at all." for n in range(12))
    text = filler + " " + FERRY
    article = ArticleFactory(text=text)
    start = text.index("A union official")
    mention = MentionFactory(
        article=article, content="A union official", start=start, end=start + 16
    )
    client.force_login(journalist)
    page = client.get(reverse("review:article", args=[article.pk]) + "?page=6").content.decode()
    assert 'data-start="0"' not in page  # a later window: its pieces start further on
    assert "select.js" in page and "defer" in page
    new_start = text.index("denied that the ferry")
    data = {"start": new_start, "end": new_start + 6, "words": "denied", "stance": "denies",
            "quote_type": "indirect", "number": "1"}  # fmt: skip
    client.post(reverse("review:mention-correct", args=[mention.pk]), data, **HTMX)
    mention.refresh_from_db()
    assert (mention.start, mention.end, mention.content) == (new_start, new_start + 6, "denied")


def test_the_review_page_marks_text_pieces_with_absolute_offsets(client, journalist, settings):
    settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS = 60
    text = " ".join(f"Sentence {n} says nothing much at all." for n in range(12))
    article = ArticleFactory(text=text)
    client.force_login(journalist)
    page = client.get(reverse("review:article", args=[article.pk]) + "?page=2").content.decode()
    starts = [int(n) for n in re.findall(r'class="seg" data-start="(\d+)"', page)]
    assert starts and starts[0] >= 60
    first = re.search(r'class="seg" data-start="\d+">([^<]*)<', page).group(1)
    assert text[starts[0] : starts[0] + len(first)] == first


def test_correcting_an_accepted_mention_stays_editor_only(client, journalist, editor):
    mention = _ferry_mention()
    services.claim_create_from_mention(mention=mention, statement="Ferry resumes", by=journalist)
    client.force_login(journalist)
    url = reverse("review:mention-correct", args=[mention.pk])
    page = client.get(reverse("review:article", args=[mention.article_id])).content.decode()
    assert url not in page  # no correct button on an accepted card for a journalist
    client.force_login(editor)
    client.post(url, {"cue": "insisted", "stance": "asserts", "quote_type": "indirect"}, **HTMX)
    assert Mention.objects.get(pk=mention.pk).cue == "insisted"


def test_correct_permissions(client, roles):
    mention = _ferry_mention()
    url = reverse("review:mention-correct", args=[mention.pk])
    data = {"cue": "claimed", "stance": "asserts", "quote_type": "indirect"}
    assert client.post(url, data).status_code == 302  # anonymous: to the login page
    client.force_login(UserFactory(username="plain-reader"))
    assert client.post(url, data).status_code == 403
    assert Mention.objects.get(pk=mention.pk).cue == "said"


# --- Adding a missed statement -----------------------------------------------------------


def test_mention_add_creates_a_manual_corrected_mention(journalist):
    article = ArticleFactory(text=FERRY)
    start = FERRY.index("A union official denied")
    mention = services.mention_add(
        article=article, by=journalist, start=start, end=start + 23,
        words="A union official denied", speaker="A union official", speaker_type="person",
        cue="denied", quote_type="indirect", stance="denies", via="The Gazette",
    )  # fmt: skip
    mention.refresh_from_db()
    assert (mention.start, mention.end, mention.content) == (
        start, start + 23, "A union official denied"
    )  # fmt: skip
    assert (mention.rule, mention.extractor_version, mention.confidence) == (
        "manual", "manual", 1.0
    )  # fmt: skip
    assert mention.review_state == Mention.ReviewState.CORRECTED
    assert mention.stance == "denies" and mention.via == ["The Gazette"]
    assert mention.source.name == "A union official"


def test_mention_add_refuses_a_span_outside_the_article_and_readers(journalist, roles):
    article = ArticleFactory(text=FERRY)
    with pytest.raises(ValidationError, match="inside the article text"):
        services.mention_add(article=article, by=journalist, start=0, end=len(FERRY) + 5)
    with pytest.raises(PermissionDenied):
        services.mention_add(article=article, by=UserFactory(), start=0, end=3)
    assert not article.mentions.exists()


def test_the_add_form_is_on_the_review_page_and_adds(client, journalist):
    article = ArticleFactory(text=FERRY)
    client.force_login(journalist)
    page = client.get(reverse("review:article", args=[article.pk])).content.decode()
    url = reverse("review:mention-add", args=[article.pk])
    assert f'action="{url}"' in page and "Add a statement" in page
    data = {"start": "", "end": "", "words": "A union official denied", "speaker": "Union",
            "quote_type": "indirect", "stance": "denies"}  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302
    mention = article.mentions.get()
    assert (mention.content, mention.rule) == ("A union official denied", "manual")


def test_the_add_view_keeps_the_form_and_says_what_is_wrong(client, journalist):
    article = ArticleFactory(text=FERRY)
    client.force_login(journalist)
    url = reverse("review:mention-add", args=[article.pk])
    data = {"words": "words that are not there", "speaker": "Union", "quote_type": "indirect",
            "stance": "asserts"}  # fmt: skip
    html = client.post(url, data, **HTMX).content.decode()
    assert "are not in the article text" in html and 'value="Union"' in html
    assert not article.mentions.exists()


def test_mention_add_permissions(client, journalist):
    article = ArticleFactory(text=FERRY)
    url = reverse("review:mention-add", args=[article.pk])
    data = {"words": "A union official", "quote_type": "indirect", "stance": "asserts"}
    assert client.post(url, data).status_code == 302
    assert "/login/" in client.post(url, data)["Location"]
    client.force_login(UserFactory(username="plain-reader"))
    assert client.post(url, data).status_code == 403
    assert not article.mentions.exists()
    client.force_login(journalist)
    assert client.get(url).status_code == 405


# --- A claim by hand ---------------------------------------------------------------------


def test_claim_create_makes_a_draft_with_claimant_and_language(journalist):
    claim = services.claim_create(
        statement="  The ferry  resumes on Monday ", claimant_name="Harbour master",
        language="fr", by=journalist,
    )  # fmt: skip
    claim.refresh_from_db()
    assert claim.statement == "The ferry resumes on Monday"
    assert claim.claimant.name == "Harbour master" and claim.language == "fr"
    assert claim.created_by == journalist and claim.status == "draft"


def test_claim_create_refuses_bad_input(journalist, roles):
    with pytest.raises(ValidationError, match="needs a statement"):
        services.claim_create(statement="   ", by=journalist)
    with pytest.raises(ValidationError, match="Unknown language"):
        services.claim_create(statement="Ferry resumes", language="xx", by=journalist)
    with pytest.raises(PermissionDenied):
        services.claim_create(statement="Ferry resumes", by=UserFactory())


def test_claim_create_view_and_permissions(client, journalist):
    url = reverse("review:claim-create")
    data = {"statement": "Ferries run again on Monday", "claimant": "", "language": "en"}
    assert client.post(url, data).status_code == 302  # anonymous: to the login page
    client.force_login(UserFactory(username="plain-reader"))
    assert client.post(url, data).status_code == 403
    assert not Claim.objects.exists()
    client.force_login(journalist)
    page = client.get(reverse("review:claims")).content.decode()
    assert f'action="{url}"' in page and "Create a claim by hand" in page
    response = client.post(url, data)
    claim = Claim.objects.get()
    assert response["Location"] == claim.get_workspace_url()
    assert claim.statement == "Ferries run again on Monday"


# --- Link a mention to any claim found by search -----------------------------------------


def test_claim_search_finds_by_statement_or_claimant_and_links(client, journalist):
    mention = _ferry_mention()
    wanted = services.claim_create(
        statement="Ferry service resumes next week", claimant_name="Port authority",
        by=journalist,
    )  # fmt: skip
    services.claim_create(statement="The bridge reopens in March", by=journalist)
    client.force_login(journalist)
    page = client.get(reverse("review:article", args=[mention.article_id])).content.decode()
    url = reverse("review:claim-search", args=[mention.pk])
    assert f'hx-get="{url}"' in page
    for query in ("service resumes", "PORT AUTH"):
        html = client.get(url, {"q": query, "number": "1"}, **HTMX).content.decode()
        assert f'name="claim" value="{wanted.pk}"' in html
        assert "bridge reopens" not in html
    assert "No claim matches" in client.get(url, {"q": "zeppelin"}, **HTMX).content.decode()
    accept = reverse("review:mention-accept", args=[mention.pk])
    assert f'action="{accept}"' in html
    client.post(accept, {"claim": wanted.pk, "number": "1"}, **HTMX)
    mention.refresh_from_db()
    assert mention.claim == wanted and mention.review_state == "accepted"


def test_claim_search_returns_at_most_ten(client, journalist):
    mention = _ferry_mention()
    for n in range(12):
        services.claim_create(statement=f"Ferry claim number {n}", by=journalist)
    client.force_login(journalist)
    url = reverse("review:claim-search", args=[mention.pk])
    html = client.get(url, {"q": "ferry claim"}, **HTMX).content.decode()
    assert html.count('name="claim"') == 10
    page = client.get(url, {"q": "ferry claim"}).content.decode()  # no htmx: a page
    assert "<html" in page and page.count('name="claim"') == 10


def test_claim_search_permissions(client, journalist):
    mention = _ferry_mention()
    url = reverse("review:claim-search", args=[mention.pk])
    response = client.get(url, {"q": "ferry"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(UserFactory(username="plain-reader"))
    assert client.get(url, {"q": "ferry"}).status_code == 403
    client.force_login(journalist)
    assert client.get(url, {"q": "ferry"}).status_code == 200
