"""claims.matching: the score of two statements, candidate retrieval in PostgreSQL, the
match services and their permissions, the API and `ingest --json`."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from articles.models import Article
from claims import matching, services
from claims.models import Mention, MentionMatch
from tests.factories import ArticleFactory, OutletFactory, UserFactory

# --- Scoring (no database) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("cent moteurs", "fr", "q100"),
        ("a hundred engines", "en", "q100"),
        ("1,5 million de doses", "fr", "q1500000"),
        ("1.5 million doses", "en", "q1500000"),
        ("un million et demi de doses", "fr", "q1500000"),
        ("1 500 emplois", "fr", "q1500"),
        ("1,500 jobs", "en", "q1500"),
        ("a $4.2bn deal", "en", "q4200000000"),
        ("a quarter of a million homes", "en", "q250000"),
        ("deux cents soldats", "fr", "q200"),
        ("two hundred and twenty soldiers", "en", "q220"),
    ],
)
def test_numbers_are_normalised_across_languages_and_formats(text, lang, value):
    assert matching.features(text, lang).numbers == {value}


def test_two_quantities_in_a_list_stay_two():
    found = matching.features("trois millions, un milliard", "fr").numbers
    assert found == {"q3000000", "q1000000000"}


def test_names_fold_accents_and_meet_across_languages():
    fr = matching.features("l'armée a quitté l'Égypte et la Russie", "fr")
    en = matching.features("the army left Egypt and Russia", "en")
    assert fr.names == en.names == {"egypt", "russia"}


def test_months_count_only_as_months():
    assert matching.features("elle partira en mars", "fr").dates == {"m3"}
    assert matching.features("protesters may march", "en").dates == set()
    assert matching.features("in May", "en").dates == {"m5"}


def test_a_translation_scores_above_the_threshold():
    fr = "le Parlement a voté la restitution de 120 moteurs d'hélicoptères à la Pologne"
    en = "parliament voted to return 120 helicopter engines to Poland"
    assert matching.score(fr, "fr", en, "en") >= matching.THRESHOLD


def test_same_speaker_and_places_but_another_claim_scores_below_the_threshold():
    a = "the minister said Poland would buy 120 tanks from Korea"
    b = "the minister said Poland would close its border with Belarus"
    assert matching.score(a, "en", b, "en", "Defence minister Nowak", "Nowak") < matching.THRESHOLD


def test_different_numbers_of_the_same_statement_are_not_a_match():
    a = "le chômage est tombé à 7,1 % au troisième trimestre"
    b = "unemployment fell to 7.4% in the third quarter"
    assert matching.score(a, "fr", b, "en") < matching.THRESHOLD
    assert matching.score(a, "fr", b.replace("7.4", "7.1"), "en") >= matching.THRESHOLD


def test_signature_holds_names_numbers_dates_and_english_stems():
    signature = matching.features("la Russie livrera 100 moteurs en mars", "fr").signature()
    assert set(signature.split()) >= {"russia", "q100", "m3", "engin"}


# --- In the database ----------------------------------------------------------------------

FR_TEXT = (
    "Le ministre polonais de la Défense a déclaré mardi que Varsovie achèterait 120 chars "
    "à la Corée du Sud. Il a ajouté que le pays fermerait sa frontière avec la Biélorussie."
)
EN_TEXT = (
    "Poland will buy 120 tanks from South Korea, the Polish defence minister said on "
    "Tuesday. The minister also said that the country would hold a referendum on the euro "
    "in May."
)


def _extracted(text: str, language: str, outlet: str):
    article = ArticleFactory(
        text=text, language=language, outlet=OutletFactory(name=outlet),
        status=Article.Status.EXTRACTING,
    )  # fmt: skip
    return services.article_extract_claims(article=article)


def _mention(article, words: str) -> Mention:
    return article.mentions.get(content__contains=words)


@pytest.fixture
def two_articles(db):
    french = _extracted(FR_TEXT, "fr", "Le Quotidien")
    english = _extracted(EN_TEXT, "en", "The Courier")
    return french, english


def test_extraction_proposes_the_same_claim_in_the_other_language(two_articles):
    french, english = two_articles
    tanks_en, tanks_fr = _mention(english, "tanks"), _mention(french, "chars")
    [match] = MentionMatch.objects.filter(mention__article=english)
    assert (match.mention, match.candidate_mention) == (tanks_en, tanks_fr)
    assert match.state == MentionMatch.State.PROPOSED
    assert matching.THRESHOLD <= match.score <= 1
    # The referendum and the border are other claims by the same minister: no match.
    assert not MentionMatch.objects.filter(mention=_mention(english, "referendum")).exists()
    # Signatures are stored for the index.
    assert "southkorea" in tanks_fr.match_signature.split()


def test_no_match_inside_the_same_article_and_none_twice(two_articles):
    french, english = two_articles
    article = _extracted(EN_TEXT.replace("Tuesday", "Wednesday"), "en", "The Courier")
    matching.article_propose_matches(article=article)
    matching.article_propose_matches(article=article)
    for match in MentionMatch.objects.select_related("mention", "candidate_mention"):
        assert match.mention.article_id != match.candidate_mention.article_id
    pairs = list(MentionMatch.objects.values_list("mention", "candidate_mention"))
    assert len(pairs) == len(set(pairs))
    assert MentionMatch.objects.filter(mention__article=article).count() >= 1


def test_postgresql_finds_candidates_through_the_full_text_index(two_articles):
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    french, english = two_articles
    mention = _mention(english, "tanks")
    rare, terms = matching._query_terms(matching.mention_features(mention))
    found = matching.candidate_ids(mention=mention, found=matching.mention_features(mention))
    assert found == [_mention(french, "chars").pk]
    sql, params = matching.candidate_sql(mention=mention, rare=rare, terms=terms)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET enable_seqscan = on")
    assert "mention_match_signature_fts" in plan


def test_accepting_a_match_makes_one_claim_of_both_appearances(two_articles, journalist):
    french, english = two_articles
    match = MentionMatch.objects.get(mention__article=english)
    mention = matching.match_accept(match=match, by=journalist)
    candidate = Mention.objects.get(pk=match.candidate_mention_id)
    mention.refresh_from_db()
    assert candidate.claim_id is not None and mention.claim_id == candidate.claim_id
    assert {mention.review_state, candidate.review_state} == {Mention.ReviewState.ACCEPTED}
    match.refresh_from_db()
    assert match.state == MentionMatch.State.ACCEPTED
    assert (match.decided_by, match.candidate_claim_id) == (journalist, candidate.claim_id)
    assert match.decided_at is not None
    with pytest.raises(ValidationError):
        matching.match_accept(match=match, by=journalist)


def test_accepting_into_a_published_claim_needs_an_editor_and_a_note(
    two_articles, journalist, editor, publish
):
    french, english = two_articles
    claim = publish(statement="Poland buys 120 tanks from South Korea")
    candidate = _mention(french, "chars")
    Mention.objects.filter(pk=candidate.pk).update(
        claim=claim, review_state=Mention.ReviewState.ACCEPTED
    )
    match = MentionMatch.objects.get(mention__article=english)
    with pytest.raises(PermissionDenied):
        matching.match_accept(match=match, by=journalist)
    with pytest.raises(ValidationError):
        matching.match_accept(match=match, by=editor)
    match.refresh_from_db()
    assert match.state == MentionMatch.State.PROPOSED
    matching.match_accept(match=match, by=editor, correction="A new English appearance.")
    assert claim.mentions.count() == 2
    assert claim.corrections.filter(text="A new English appearance.").exists()


def test_only_newsroom_members_decide_matches(two_articles, journalist):
    french, english = two_articles
    match = MentionMatch.objects.get(mention__article=english)
    outsider = UserFactory(username="reader")
    with pytest.raises(PermissionDenied):
        matching.match_accept(match=match, by=outsider)
    with pytest.raises(PermissionDenied):
        matching.match_reject(match=match, by=outsider)
    matching.match_reject(match=match, by=journalist)
    match.refresh_from_db()
    assert match.state == MentionMatch.State.REJECTED and match.decided_by == journalist
    assert _mention(english, "tanks").claim_id is None
    with pytest.raises(ValidationError):
        matching.match_reject(match=match, by=journalist)
    # A rejected match stays rejected when the article is matched again.
    matching.article_propose_matches(article=english)
    match.refresh_from_db()
    assert match.state == MentionMatch.State.REJECTED


def test_api_lists_matches_strongest_first_without_a_query_per_mention(two_articles, journalist):
    french, english = two_articles
    client = APIClient()
    client.force_authenticate(journalist)
    url = f"/api/articles/{english.pk}/claims/"
    client.get(url)  # the first request of a client also loads its permissions
    with CaptureQueriesContext(connection) as queries:
        items = client.get(url).json()
    items = items.get("results", items)
    tanks = next(item for item in items if "tanks" in item["content"])
    match = MentionMatch.objects.get(mention__article=english)
    assert tanks["matches"] == [
        {"mention": match.candidate_mention_id, "claim": None, "score": match.score}
    ]
    assert all(item["matches"] == [] for item in items if item is not tanks)
    # One more mention with a match costs no more queries.
    extra = _extracted(EN_TEXT.replace("120", "120 new"), "en", "The Herald")
    assert MentionMatch.objects.filter(mention__article=extra).count() >= 2
    with CaptureQueriesContext(connection) as more:
        client.get(f"/api/articles/{extra.pk}/claims/")
    assert len(more) == len(queries)


def test_ingest_json_reports_matches_and_alerts(db, tmp_path, capsys):
    (tmp_path / "fr.txt").write_text(FR_TEXT, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN_TEXT, encoding="utf-8")
    call_command("ingest", str(tmp_path / "fr.txt"), "--sync", "--json", "--language", "fr")
    call_command("ingest", str(tmp_path / "en.txt"), "--sync", "--json", "--language", "en")
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert first["matches"] == [] and first["alerts"] == []
    tanks_fr = Mention.objects.get(article_id=first["id"], content__contains="chars")
    [found] = second["matches"]
    assert found == {
        "mention": Mention.objects.get(article_id=second["id"], content__contains="tanks").pk,
        "claim": None,
        "matched_mention": tanks_fr.pk,
        "article": first["id"],
        "score": found["score"],
        "state": "proposed",
    }
    assert matching.THRESHOLD <= found["score"] <= 1
    assert second["alerts"] == []


# --- Review card and claim workspace ------------------------------------------------------


def test_review_card_shows_where_else_and_when(two_articles, journalist_client):
    french, english = two_articles
    Article.objects.filter(pk=french.pk).update(published_at=timezone.now() - timedelta(days=2))
    Article.objects.filter(pk=english.pk).update(published_at=timezone.now())
    page = journalist_client.get(f"/review/articles/{english.pk}/").content.decode()
    assert "Also reported by Le Quotidien, 2 days earlier" in page
    assert "Varsovie achèterait 120 chars" in page
    match = MentionMatch.objects.get(mention__article=english)
    assert f'action="/review/matches/{match.pk}/accept/"' in page


def test_match_views_accept_and_reject_with_permissions(two_articles, journalist_client):
    french, english = two_articles
    match = MentionMatch.objects.get(mention__article=english)
    assert journalist_client.get(f"/review/matches/{match.pk}/accept/").status_code == 405
    outsider = Client()
    outsider.force_login(UserFactory(username="reader"))
    assert outsider.post(f"/review/matches/{match.pk}/accept/").status_code == 403
    match.refresh_from_db()
    assert match.state == MentionMatch.State.PROPOSED
    response = journalist_client.post(f"/review/matches/{match.pk}/accept/")
    assert response.status_code == 302 and f"/review/articles/{english.pk}/" in response.url
    match.refresh_from_db()
    assert match.state == MentionMatch.State.ACCEPTED
    claim = Mention.objects.get(pk=match.candidate_mention_id).claim
    page = journalist_client.get(claim.get_workspace_url()).content.decode()
    assert "Appearances (2)" in page


def test_workspace_proposes_mentions_of_other_articles_and_rejects_them(
    two_articles, journalist_client, journalist
):
    french, english = two_articles
    candidate = _mention(french, "chars")
    claim = services.claim_create_from_mention(
        mention=candidate, statement="Poland buys 120 tanks", by=journalist
    )
    url = claim.get_workspace_url()
    page = journalist_client.get(url).content.decode()
    assert "Proposed appearances (1)" in page
    assert "Also reported by The Courier, the same day" in page
    match = MentionMatch.objects.get(mention__article=english)
    response = journalist_client.post(f"/review/matches/{match.pk}/reject/", {"next": url})
    assert response.status_code == 302 and response.url == url
    assert "Proposed appearances (0)" in journalist_client.get(url).content.decode()
    # Not back to another site.
    other = MentionMatch.objects.create(
        mention=_mention(english, "referendum"), candidate_mention=candidate, score=0.9
    )
    response = journalist_client.post(
        f"/review/matches/{other.pk}/reject/", {"next": "https://evil.example/"}
    )
    assert response.url.startswith(f"/review/articles/{english.pk}/")
