"""The newsroom's exports (claims.exports): the same CSV and JSON from the command, the
Exports page and the API, streamed, formula-safe, for journalists and editors only."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import StreamingHttpResponse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import exports, services
from claims.models import Claim, Mention
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    CorrectionFactory,
    MentionFactory,
    OutletFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(publish, ratings):
    """A published claim, a draft with a formula-like statement, mentions in every state."""
    lund = SourceFactory(name="Ada Lund")
    published = publish(statement="The bridge reopens in March", claimant=lund)
    CorrectionFactory(claim=published)
    CorrectionFactory(claim=published)
    draft = ClaimFactory(statement='=HYPERLINK("http://evil.example","click")', claimant=lund)
    article = ArticleFactory(title="Pont: réouverture", outlet=OutletFactory(name="Le Soleil"))
    accepted = MentionFactory(
        article=article, claim=published, source=lund, via=["AFP", "Reuters"],
        hedges=["conditional"], review_state=Mention.ReviewState.ACCEPTED,
    )  # fmt: skip
    unreviewed = MentionFactory(
        article=article, claim=draft, speaker="@mayor", source=lund,
        review_state=Mention.ReviewState.UNREVIEWED,
    )  # fmt: skip
    return {"published": published, "draft": draft, "mentions": [accepted, unreviewed]}


def _csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def _body(response) -> str:
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


# --- The module ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12", "'+33 6 12"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Fine = ok", "Fine = ok"),
        (-2, -2),  # a number stays a number
        (0.5, 0.5),
        (True, "true"),
        (None, ""),
        (["AFP", "=cmd"], "AFP; =cmd"),
        (["=cmd", "AFP"], "'=cmd; AFP"),
    ],
)
def test_csv_cells_cannot_start_a_formula(value, cell):
    assert exports.csv_cell(value) == cell


def test_claims_csv_has_a_header_and_every_claim(data):
    kind = exports.export_kind("claims")
    text = "".join(exports.export_stream(kind, "csv"))
    assert text.splitlines()[0] == ",".join(column for column, _ in kind.columns)
    rows = {row["id"]: row for row in _csv(text)}
    published, draft = data["published"], data["draft"]
    assert rows[str(published.pk)]["status"] == "published"
    assert rows[str(published.pk)]["verdict"] == "false"
    assert rows[str(published.pk)]["claimant"] == "Ada Lund"
    # The draft (staff data) is there, its formula neutralised.
    assert rows[str(draft.pk)]["statement"] == "'" + draft.statement
    assert rows[str(draft.pk)]["verdict"] == ""


def test_mentions_json_is_one_array_with_lists_kept(data):
    text = "".join(exports.export_stream(exports.export_kind("mentions"), "json"))
    rows = json.loads(text)
    assert [row["id"] for row in rows] == [m.pk for m in data["mentions"]]
    accepted, unreviewed = rows
    assert accepted["via"] == ["AFP", "Reuters"] and accepted["hedges"] == ["conditional"]
    assert accepted["outlet"] == "Le Soleil" and accepted["article_title"] == "Pont: réouverture"
    assert accepted["claim_slug"] == data["published"].slug
    assert unreviewed["review_state"] == "unreviewed" and unreviewed["speaker"] == "@mayor"
    assert "T" in accepted["created_at"]  # ISO 8601


def test_sources_count_their_claims_and_mentions(data):
    rows = json.loads("".join(exports.export_stream(exports.export_kind("sources"), "json")))
    lund = next(row for row in rows if row["name"] == "Ada Lund")
    assert lund["claims"] == 2 and lund["mentions"] == 2 and lund["kind"] == "person"


def test_reviews_are_the_verdicts_with_who_published_and_corrections(
    data, editor, editor2, ratings
):
    claim = services.claim_create_from_mention(
        mention=MentionFactory(), statement="The tunnel opens in June", by=editor
    )
    services.claim_set_verdict(
        claim=claim, verdict=ratings["mostly-false"], conclusion="Late.", by=editor
    )
    services.evidence_add(claim=claim, by=editor, title="Works schedule", url="https://e.org/w")
    services.claim_request_publication(claim=claim, by=editor)
    services.claim_approve_publication(claim=claim, by=editor2)
    rows = {r["claim_id"]: r for r in exports.export_rows(exports.export_kind("reviews"))}
    assert data["draft"].pk not in rows  # no verdict: not a review
    review = rows[claim.pk]
    assert review["verdict"] == "mostly-false" and review["verdict_label"] == "Mostly false"
    assert review["rating_value"] == ratings["mostly-false"].score
    assert review["publication_requested_by"] == "eddie" and review["published_by"] == "edna"
    assert review["status"] == "published" and review["published_at"] is not None
    assert review["corrections"] == 0 and review["change_waiting"] is False
    assert rows[data["published"].pk]["corrections"] == 2


def test_the_date_filter_keeps_the_rows_of_those_days(data):
    kind = exports.export_kind("claims")
    Claim.objects.filter(pk=data["draft"].pk).update(updated_at="2020-01-15T12:00:00Z")
    ids = [r["id"] for r in exports.export_rows(kind, since=None, until=_day("2020-01-31"))]
    assert ids == [data["draft"].pk]
    ids = [r["id"] for r in exports.export_rows(kind, since=_day("2021-01-01"))]
    assert ids == [data["published"].pk]


def _day(text):
    import datetime

    return datetime.date.fromisoformat(text)


def test_rows_are_read_through_a_cursor_a_chunk_at_a_time(data, monkeypatch):
    """values() rows with .iterator(chunk_size=...): never the whole table at once."""
    from django.db.models.query import QuerySet

    seen = []
    original = QuerySet.iterator

    def spy(self, chunk_size=None):
        seen.append((self._iterable_class.__name__, chunk_size))
        return original(self, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spy)
    list(exports.export_rows(exports.export_kind("mentions")))
    assert seen == [("ValuesIterable", exports.CHUNK_ROWS)]


# --- The command ---------------------------------------------------------------------------


def test_the_command_writes_the_file(data, tmp_path, capsys):
    out = tmp_path / "claims.csv"
    call_command("export_claims", "--format", "csv", "--out", str(out))
    rows = _csv(out.read_text(encoding="utf-8"))
    assert {row["slug"] for row in rows} == {data["published"].slug, data["draft"].slug}
    assert "Wrote 2 claims (csv) to" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]  # no partial file left


def test_the_command_writes_any_kind_to_stdout(data, capsys):
    call_command("export_claims", "--kind", "mentions", "--format", "json", "--out", "-")
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 2
    assert "Wrote 2 mentions (json) to stdout." in captured.err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "xml", "--out", "x"], "“xml” is not an export format: choose csv or json."),
        (
            ["--format", "csv", "--kind", "users", "--out", "x"],
            "There is no export of “users”: choose one of claims, mentions, sources, reviews.",
        ),
        (["--format", "csv", "--since", "March", "--out", "x"], "“March” is not a date"),
        (["--format", "csv", "--out", "/nonexistent-dir/claims.csv"], "Cannot write"),
    ],
)
def test_the_command_says_what_is_wrong(roles, tmp_path, args, words, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match=words.replace("(", r"\(")):
        call_command("export_claims", *args)
    assert not (tmp_path / "x").exists()


def test_a_failed_write_keeps_the_previous_file(data, tmp_path):
    out = tmp_path / "claims.csv"
    out.write_text("the good export of yesterday", encoding="utf-8")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_claims", "--format", "csv", "--out", str(tmp_path / "folder.csv"))
    assert out.read_text(encoding="utf-8") == "the good export of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv", "folder.csv"]


# --- The Exports page -----------------------------------------------------------------------


def test_the_exports_page_links_every_kind_and_format(journalist_client):
    response = journalist_client.get("/review/exports/", {"since": "2026-01-01"})
    assert response.status_code == 200
    html = response.content.decode()
    for kind in exports.KINDS:
        for fmt in exports.FORMATS:
            assert f'href="/review/exports/{kind}.{fmt}?since=2026-01-01"' in html


def test_the_page_downloads_a_streamed_csv_with_a_filename(journalist_client, data):
    response = journalist_client.get("/review/exports/mentions.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="claimtrack-mentions-')
    assert disposition.endswith('.csv"')
    assert response["Cache-Control"] == "private, no-store"
    rows = _csv(_body(response))
    assert [row["speaker"] for row in rows] == ["The mayor", "'@mayor"]


def test_the_page_refuses_a_bad_date_in_words(journalist_client, roles):
    response = journalist_client.get("/review/exports/claims.json", {"since": "soon"})
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    assert journalist_client.get("/review/exports/users.json").status_code == 404


def test_readers_never_reach_the_exports(client, data):
    for url in ["/review/exports/", "/review/exports/claims.csv"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory(username="reader"))
    for url in ["/review/exports/", "/review/exports/claims.csv"]:
        response = client.get(url)
        assert response.status_code == 403
        assert data["draft"].statement not in response.content.decode()


# --- The API -------------------------------------------------------------------------------


def test_the_api_streams_the_same_export_with_a_token(journalist, data):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=journalist).key}")
    response = api.get("/api/exports/reviews.json", HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    from_api = json.loads(_body(response))
    from_module = json.loads("".join(exports.export_stream(exports.export_kind("reviews"), "json")))
    assert from_api == from_module and len(from_api) == 1
    csv_rows = _csv(_body(api.get("/api/exports/sources.csv", {"since": "2000-01-01"})))
    assert any(row["name"] == "Ada Lund" for row in csv_rows)


def test_the_api_refuses_readers_and_bad_requests(journalist, data):
    anonymous = APIClient()
    assert anonymous.get("/api/exports/claims.csv").status_code == 401
    outsider = APIClient()
    outsider.force_login(UserFactory(username="reader"))
    response = outsider.get("/api/exports/claims.csv")
    assert response.status_code == 403
    assert data["draft"].statement not in response.content.decode()
    member = APIClient()
    member.force_login(journalist)
    response = member.get("/api/exports/users.csv")
    assert (
        response.status_code == 404 and "There is no export of “users”" in response.json()["detail"]
    )
    response = member.get("/api/exports/claims.xml")
    assert response.status_code == 404 and "not an export format" in response.json()["detail"]
    response = member.get("/api/exports/claims.csv", {"until": "31/12/2026"})
    assert response.status_code == 400 and "YYYY-MM-DD" in response.json()["date"][0]


def test_the_schema_lists_the_export_endpoint(journalist_client):
    schema = journalist_client.get("/api/schema/", {"format": "json"}).json()
    assert "/api/exports/{kind}.{fmt}" in schema["paths"]


def test_a_browser_download_comes_compressed_and_whole(journalist_client, data):
    import gzip

    response = journalist_client.get("/review/exports/mentions.json", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    rows = json.loads(gzip.decompress(b"".join(response.streaming_content)))
    assert [row["id"] for row in rows] == [m.pk for m in data["mentions"]]
