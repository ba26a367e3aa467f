"""The extractor's live precision and recall from the newsroom's reviews (issue 14, part 4):
the dashboard's figures are the ones evaluate_extraction gives on export_gold's file."""

import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article
from claims import services
from claims.extraction.evaluation.scoring import format_tally_table
from claims.extractor_quality import extractor_quality
from claims.models import ArticleQuality, Mention
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.usefixtures("roles")

EN = (
    "Mayor Linda Okafor said that the bridge would reopen in March. "
    '"We have the money," she told reporters.\n\n'
    "The council denied that the contract had been signed. "
    "According to the Harbour Gazette, the works will cost 12 million pounds. "
    "Police declined to comment. Residents feel the plan is unfair."
)
FR = (
    "Le ministre Paul Martin a déclaré que la réforme entrerait en vigueur en janvier. "
    "« Nous tiendrons nos engagements », a-t-il ajouté.\n\n"
    "Selon le syndicat, la grève a été suivie par 40 % des agents. "
    "La préfecture a démenti ces informations. Les usagers, eux, trouvent la réforme injuste."
)
PENDING_TEXT = "The harbour master said that the ferry would run again in May."


def _mention(article, words):
    return article.mentions.get(content__startswith=words)


def _extracted(text, language, outlet):
    article = ArticleFactory(text=text, language=language, outlet=outlet, title=text[:30])
    services.article_extract_claims(article=article)
    assert article.mentions.exists()
    return article


@pytest.fixture
def reviewed(journalist):
    """Two articles extracted for real and reviewed through the services, one left pending."""
    gazette = OutletFactory(name="Harbour Gazette")
    courrier = OutletFactory(name="Le Courrier")
    en = _extracted(EN, "en", gazette)
    bridge = services.claim_create_from_mention(
        mention=_mention(en, "the bridge"), statement="The bridge reopens in March", by=journalist
    )
    money = _mention(en, "We have the money")
    services.mention_correct(mention=money, by=journalist, speaker="Tom Reed")  # speaker
    services.mention_accept(mention=money, by=journalist, claim=bridge)
    denial = _mention(en, "the contract")
    services.mention_correct(mention=denial, by=journalist, words="the contract")  # span
    services.mention_accept(mention=denial, by=journalist, claim=bridge)  # as a response
    services.mention_reject(mention=_mention(en, "the works"), by=journalist, reason="other")
    services.mention_reject(mention=_mention(en, "declined"), by=journalist)
    unfair = services.mention_add(
        article=en, by=journalist, words="the plan is unfair", speaker="Residents",
        speaker_type="group", cue="feel",
    )  # fmt: skip
    services.claim_create_from_mention(mention=unfair, statement="Unfair plan", by=journalist)

    fr = _extracted(FR, "fr", courrier)
    reform = services.claim_create_from_mention(
        mention=_mention(fr, "la réforme entrerait"), statement="La réforme en janvier",
        by=journalist,
    )  # fmt: skip
    services.mention_accept(mention=_mention(fr, "Nous tiendrons"), by=journalist, claim=reform)
    strike = _mention(fr, "la grève")
    services.mention_correct(mention=strike, by=journalist, stance="denies")  # stance
    services.mention_accept(mention=strike, by=journalist, claim=reform)
    services.mention_accept(mention=_mention(fr, "ces informations"), by=journalist, claim=reform)
    users = services.mention_add(
        article=fr, by=journalist, words="la réforme injuste", speaker="Les usagers",
        speaker_type="group", cue="trouvent",
    )  # fmt: skip
    services.mention_accept(mention=users, by=journalist, claim=reform)

    pending = _extracted(PENDING_TEXT, "en", gazette)
    services.mention_reject(mention=pending.mentions.first(), by=journalist)
    services.mention_add(article=pending, by=journalist, words="the ferry", speaker="x")
    return {"en": en, "fr": fr, "pending": pending}


def _row(output: str, name: str) -> list[str]:
    """The cells of one row (language or "all") of evaluate_extraction's table."""
    for line in output.splitlines():
        cells = line.split()
        if cells and cells[0] == name and len(cells) == 12:
            return cells
    raise AssertionError(f"no row {name!r} in:\n{output}")


def _evaluate(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("evaluate_extraction", *args, stdout=out)
    return out.getvalue()


def _same(cells: list[str], counts) -> None:
    d = counts.as_dict()
    assert cells[1:5] == [str(d["docs"]), str(d["gold"]), str(d["predicted"]), str(d["matched"])]
    keys = ("precision", "recall", "f1", "speaker_lenient", "speaker_strict", "stance")
    assert cells[5:11] == [f"{d[k]:.3f}" for k in keys]


def test_dashboard_figures_are_evaluate_extraction_on_the_exported_gold(reviewed, tmp_path):
    gold = tmp_path / "gold.jsonl"
    call_command("export_gold", "--out", str(gold))
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    assert {d["id"] for d in docs} == {f"claimtrack-{reviewed[k].pk}" for k in ("en", "fr")}

    predictions = tmp_path / "predictions.json"
    output = _evaluate(str(gold), "--by-construction", "--predictions", str(predictions))
    quality = extractor_quality()
    # The reviews are not all right nor all wrong: the test would see a wrong sum.
    assert 0 < quality.overall.precision < 1 and 0 < quality.overall.recall < 1
    assert quality.overall.speaker_lenient < quality.overall.matched  # Tom Reed
    assert quality.overall.stance < quality.overall.matched  # the strike, corrected
    assert quality.overall.docs == 2
    _same(_row(output, "all"), quality.overall)
    _same(_row(output, "en"), quality.by_language["en"])
    _same(_row(output, "fr"), quality.by_language["fr"])
    assert format_tally_table("rule", quality.by_rule.items(), "P") in output
    constructions = quality.by_construction.items()
    assert format_tally_table("gold construction", constructions, "R") in output
    # The predictions evaluate_extraction made now are the ones stored at extraction.
    made = json.loads(predictions.read_text(encoding="utf-8"))
    stored = {
        f"claimtrack-{a.pk}": sorted(
            (m.extracted["start"], m.extracted["end"]) for m in a.mentions.exclude(extracted=None)
        )
        for a in (reviewed["en"], reviewed["fr"])
    }
    assert {k: sorted((p["start"], p["end"]) for p in v) for k, v in made.items()} == stored
    # Per outlet, the same figures as the export of that outlet alone.
    one = tmp_path / "gazette.jsonl"
    call_command("export_gold", "--outlet", "Harbour Gazette", "--out", str(one))
    _same(_row(_evaluate(str(one)), "all"), quality.by_outlet["Harbour Gazette"])
    gazette = reviewed["en"].outlet
    assert extractor_quality(outlet=gazette).overall == quality.by_outlet["Harbour Gazette"]


def test_the_exported_gold_scored_against_itself_is_perfect(reviewed, tmp_path):
    gold = tmp_path / "gold.jsonl"
    call_command("export_gold", "--out", str(gold))
    cells = _row(_evaluate(str(gold), "--against", str(gold)), "all")
    assert cells[5:8] == ["1.000", "1.000", "1.000"]
    assert cells[10] == "1.000"  # stance
    # The predictions file evaluate_extraction writes is read back the same way.
    predictions = tmp_path / "p.json"
    _evaluate(str(gold), "--predictions", str(predictions))
    against = _row(_evaluate(str(gold), "--against", str(predictions)), "all")
    assert against[1:8] == _row(_evaluate(str(gold)), "all")[1:8]


def test_an_article_counts_only_once_every_statement_is_decided(reviewed, journalist):
    assert not ArticleQuality.objects.filter(article=reviewed["pending"]).exists()
    before = extractor_quality().overall.docs
    rejected = reviewed["en"].mentions.filter(review_state="rejected").first()
    services.mention_restore(mention=rejected, by=journalist)
    assert extractor_quality().overall.docs == before - 1
    services.mention_reject(mention=rejected, by=journalist)
    assert extractor_quality().overall.docs == before


def test_a_correction_made_before_originals_were_kept_leaves_the_article_out(reviewed):
    Mention.objects.filter(article=reviewed["fr"], stance="denies").update(extracted=None)
    from claims.extractor_quality import article_quality_refresh

    article_quality_refresh(article_id=reviewed["fr"].pk)
    quality = extractor_quality()
    assert quality.unscored == 1 and quality.overall.docs == 1
    assert set(quality.by_language) == {"en"}


def test_the_figures_follow_the_dates_of_the_articles(reviewed):
    import datetime

    from django.utils import timezone

    Article.objects.filter(pk=reviewed["fr"].pk).update(
        published_at=timezone.make_aware(datetime.datetime(2024, 3, 1, 12))
    )
    march = extractor_quality(since=datetime.date(2024, 3, 1), until=datetime.date(2024, 3, 31))
    assert set(march.by_language) == {"fr"}
    assert extractor_quality(until=datetime.date(2024, 2, 29)).overall.docs == 0


def test_the_quality_page_is_for_editors(client, journalist, editor, reviewed):
    url = reverse("review:quality")
    client.force_login(journalist)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    quality = extractor_quality()
    assert f"{quality.overall.precision:.3f}" in page
    assert f"{quality.overall.recall:.3f}" in page
    assert "Harbour Gazette" in page and "Le Courrier" in page
    assert re.search(r'<rect class="quality-bar-value" width="\d+"', page)
    bad = client.get(url, {"since": "2024-05-01", "until": "2024-04-01"})
    assert "The start date is after the end date." in bad.content.decode()


def test_the_quality_page_reads_a_bounded_number_of_queries(
    client, editor, reviewed, django_assert_max_num_queries
):
    client.force_login(editor)
    client.get(reverse("review:quality"))  # sessions, permissions cached
    with django_assert_max_num_queries(8):
        client.get(reverse("review:quality"))
    for _ in range(5):  # more reviewed articles, not more queries
        article = ArticleFactory(text=EN, language="en", outlet=reviewed["en"].outlet)
        services.article_extract_claims(article=article)
        for mention in article.mentions.all():
            services.mention_reject(mention=mention, by=editor)
    with django_assert_max_num_queries(8):
        client.get(reverse("review:quality"))
    assert extractor_quality().overall.docs == 7


def test_an_article_whose_text_changed_after_its_review_is_left_out_and_counted(reviewed):
    Article.objects.filter(pk=reviewed["en"].pk).update(version=2)  # re-fetched, new text
    quality = extractor_quality()
    assert quality.unscored == 1 and set(quality.by_language) == {"fr"}
