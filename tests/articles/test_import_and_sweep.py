"""ingest with links, bulk import (summary, resume), the sweeper and re-extraction."""

import csv
import json
import uuid
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article
from articles.services import article_requeue, article_submit_text, articles_sweep_stuck
from claims.extraction import EXTRACTOR_VERSION
from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db

ENGLISH = (
    "The council met on Monday.\n\n"
    '"We will open three new schools in September," said Mayor Tom Reed.\n\n'
    "According to the education board, enrolment is rising."
)


def test_ingest_takes_a_link_and_keeps_its_json_keys(page_server, capsys, settings):
    call_command("ingest", page_server.url("/en/article.html"), "--sync", "--json")
    [result] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert set(result) == {
        "id", "status", "error", "language", "title", "claims", "file", "matches", "alerts"
    }  # fmt: skip
    assert result["status"] == "ready" and result["language"] == "en"
    assert result["claims"] == Article.objects.get(pk=result["id"]).mentions.count() >= 1


def test_ingest_says_when_a_link_is_already_there(page_server, capsys):
    call_command("ingest", page_server.url("/en/article.html"), "--sync", "--json")
    first = json.loads(capsys.readouterr().out)
    call_command("ingest", page_server.url("/en/article.html"), "--sync", "--json")
    out, err = capsys.readouterr()
    assert json.loads(out)["id"] == first["id"]
    assert "already submitted" in err
    assert page_server.hits("/en/article.html") == 1


def test_ingest_reports_a_bad_link_and_exits_with_an_error(page_server, capsys, settings):
    settings.CLAIMTRACK_FETCH_RETRIES = 0
    with pytest.raises(CommandError):
        call_command("ingest", page_server.url("/missing"), "--sync")
    assert "could not be found (HTTP 404)" in capsys.readouterr().out


def test_import_jsonl_reports_new_duplicates_and_failures_then_resumes(
    page_server, tmp_path, capsys, settings
):
    settings.CLAIMTRACK_FETCH_RETRIES = 0
    lines = [
        json.dumps({"url": page_server.url("/en/article.html")}),
        json.dumps({"text": ENGLISH, "title": "Schools"}),
        json.dumps({"url": page_server.url("/missing")}),
        "{not json",
        json.dumps({"title": "nothing else"}),
        json.dumps(page_server.url("/en/article.html?utm_source=x")),  # the same link again
        json.dumps({"url": "ftp://files.example/a"}),
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("import_articles", str(path), "--sync")
    out = capsys.readouterr().out
    assert "7 record(s): 2 new, 1 duplicate(s) already imported, 4 failed." in out
    assert "could not be found (HTTP 404)" in out
    assert "line 4: not valid JSON" in out
    assert "line 5: neither a url nor a text" in out
    assert "line 7: Only web addresses starting with http:// or https://" in out
    assert Article.objects.filter(status="ready").count() == 2
    hits = page_server.hits("/en/article.html")

    # A second run repeats nothing: everything stored is a duplicate, failures stay failures.
    call_command("import_articles", str(path), "--sync")
    out = capsys.readouterr().out
    assert "7 record(s): 0 new, 4 duplicate(s) already imported, 3 failed." in out
    assert page_server.hits("/en/article.html") == hits
    assert page_server.hits("/missing") == 1
    assert Article.objects.count() == 3


def test_import_csv_with_a_header_and_without(page_server, tmp_path, capsys):
    with_header = tmp_path / "links.csv"
    with_header.write_text(
        f"url,title\n{page_server.url('/fr/article.html')},Ligne\n", encoding="utf-8"
    )
    call_command("import_articles", str(with_header), "--sync")
    assert "1 record(s): 1 new" in capsys.readouterr().out
    bare = tmp_path / "bare.csv"
    bare.write_text(f"{page_server.url('/en/article.html')}\n{ENGLISH!r}\n", encoding="utf-8")
    call_command("import_articles", str(bare), "--sync")
    assert "2 record(s): 2 new" in capsys.readouterr().out
    assert Article.objects.get(title="Ligne").status == "ready"


def test_import_without_sync_queues_and_says_so(page_server, tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8")
    call_command("import_articles", str(path))
    assert "queued for the workers" in capsys.readouterr().out


def make_stuck(status: str, *, age: timedelta, enqueued: bool = True, **kwargs) -> Article:
    article = ArticleFactory(status=status, text=ENGLISH, **kwargs)
    old = timezone.now() - age
    Article.objects.filter(pk=article.pk).update(
        updated_at=old, enqueued_at=old if enqueued else None
    )
    return article


SWEEP = {
    "unsent_after": timedelta(minutes=1),
    "queued_after": timedelta(hours=1),
    "running_after": timedelta(minutes=10),
}


def test_the_sweeper_sends_again_only_articles_that_are_stuck(django_capture_on_commit_callbacks):
    never_sent = make_stuck("queued", age=timedelta(minutes=2), enqueued=False)
    lost = make_stuck("queued", age=timedelta(hours=2))
    dead_worker = make_stuck("extracting", age=timedelta(minutes=20))
    waiting = make_stuck("queued", age=timedelta(minutes=30))  # a long queue, not stuck
    running = make_stuck("extracting", age=timedelta(minutes=2))
    done = make_stuck("ready", age=timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert articles_sweep_stuck(**SWEEP) == 3
    for article in (never_sent, lost, dead_worker):
        article.refresh_from_db()
        assert article.status == "ready", article.error
        assert article.mentions.exists()
    for article, status in ((waiting, "queued"), (running, "extracting"), (done, "ready")):
        article.refresh_from_db()
        assert article.status == status
    dead_worker.refresh_from_db()
    assert dead_worker.sweep_count == 1 and never_sent.sweep_count == 0


def test_the_sweeper_fetches_a_link_stuck_in_fetching(
    page_server, django_capture_on_commit_callbacks
):
    article = ArticleFactory(
        status="fetching", text="", language="", url=page_server.url("/fr/article.html")
    )
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert articles_sweep_stuck(**SWEEP) == 1
    article.refresh_from_db()
    assert article.status == "ready" and article.language == "fr"


def test_an_article_that_keeps_killing_workers_is_stopped():
    article = make_stuck("extracting", age=timedelta(hours=1), sweep_count=3)
    assert articles_sweep_stuck(**SWEEP) == 0
    article.refresh_from_db()
    assert article.status == "failed"
    assert "interrupted 4 times" in article.error


def test_sweep_articles_command(capsys):
    make_stuck("queued", age=timedelta(minutes=5), enqueued=False)
    call_command("sweep_articles")
    assert "1 stuck article(s) sent again." in capsys.readouterr().out


def test_reextract_replaces_unreviewed_mentions_of_outdated_articles_only(
    django_capture_on_commit_callbacks, capsys
):
    outdated = ArticleFactory(text=ENGLISH, pipeline_version="0")
    current = ArticleFactory(text=ENGLISH + " ", pipeline_version=EXTRACTOR_VERSION)
    stale = MentionFactory(article=outdated, content="three new schools", speaker="x")
    reviewed = MentionFactory(
        article=outdated,
        content="enrolment is rising",
        speaker="the board",
        review_state="accepted",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("reextract_articles")
    assert "1 article(s) processed by an older extractor were queued" in capsys.readouterr().out
    outdated.refresh_from_db()
    assert outdated.pipeline_version == EXTRACTOR_VERSION and outdated.status == "ready"
    assert not outdated.mentions.filter(pk=stale.pk).exists()
    assert outdated.mentions.filter(pk=reviewed.pk).exists()
    assert outdated.mentions.filter(speaker__icontains="Reed").count() == 1
    assert current.mentions.count() == 0  # untouched


def test_the_same_pasted_text_returns_the_existing_article():
    first = article_submit_text(text=ENGLISH, enqueue=False)
    again = article_submit_text(text=ENGLISH.upper().replace("\n\n", "\n  \n"), enqueue=False)
    assert again.duplicate and again.article == first.article
    assert f"article {first.article.pk}" in again.message
    assert Article.objects.count() == 1


def test_pasted_text_in_another_language_is_stored_as_unsupported():
    german = (
        "Der Bürgermeister sagte am Dienstag, dass die neue Brücke erst im Herbst eröffnet "
        "werden kann. Die Bauarbeiten wurden im Winter unterbrochen, wie die Stadt mitteilte."
    )
    article = article_submit_text(text=german).article
    assert article.status == Article.Status.UNSUPPORTED
    assert article.error == (
        "The article seems to be in German: claimtrack handles French and English."
    )


def test_import_goes_on_past_records_with_nul_bytes_and_lone_surrogates(tmp_path, capsys):
    lines = [
        json.dumps({"text": ENGLISH.replace("Monday", "Mon\x00day"), "title": "Nul\x00"}),
        json.dumps({"text": "\ud800" + ENGLISH.replace("Monday", "Tuesday")}),
        json.dumps({"url": "http://example.org/story\x00"}),
        json.dumps({"text": ENGLISH.replace("Monday", "Friday")}),
    ]
    assert "\\u0000" in lines[0] and "\\ud800" in lines[1]  # as a JSON exporter writes them
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("import_articles", str(path))
    out = capsys.readouterr().out
    assert "4 record(s): 3 new, 0 duplicate(s) already imported, 1 failed." in out
    assert "line 3: This is not a valid web address" in out
    # The cleaned records are named, so a journalist can check them against the original.
    assert "2 record(s) imported after cleaning:" in out
    assert "line 1: imported, without characters no article can hold" in out
    assert "line 2: imported, without characters no article can hold" in out
    assert "line 4: imported" not in out
    texts = list(Article.objects.order_by("id").values_list("title", "text"))
    assert texts[0] == ("Nul", ENGLISH)  # the NUL dropped, nothing else
    assert texts[1][1] == ENGLISH.replace("Monday", "Tuesday")
    assert "Friday" in texts[2][1]


def test_import_ignores_a_utf8_bom_in_csv_and_jsonl(tmp_path, capsys):
    csv_path = tmp_path / "excel.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:  # as Excel saves it
        csv.writer(handle).writerows([["text", "title"], [ENGLISH, "Schools"]])
    call_command("import_articles", str(csv_path))
    assert "1 record(s): 1 new, 0 duplicate(s) already imported, 0 failed." in (
        capsys.readouterr().out
    )
    assert Article.objects.get().title == "Schools"

    jsonl_path = tmp_path / "export.jsonl"
    record = {"text": ENGLISH.replace("Monday", "Sunday"), "title": "Sunday"}
    jsonl_path.write_text(json.dumps(record) + "\n", encoding="utf-8-sig")
    call_command("import_articles", str(jsonl_path))
    assert "1 record(s): 1 new, 0 duplicate(s) already imported, 0 failed." in (
        capsys.readouterr().out
    )
    assert Article.objects.filter(title="Sunday").exists()


def test_the_sweeper_waits_for_the_heartbeat_of_an_extraction_not_its_age(
    django_capture_on_commit_callbacks, settings
):
    settings.CLAIMTRACK_EXTRACT_HEARTBEAT_TIMEOUT = 120
    # Both started 20 minutes ago: one still beats, the other's worker was killed.
    beating = make_stuck("extracting", age=timedelta(minutes=20))
    killed = make_stuck("extracting", age=timedelta(minutes=20))
    now = timezone.now()
    Article.objects.filter(pk=beating.pk).update(extraction_run=uuid.uuid4(), heartbeat_at=now)
    Article.objects.filter(pk=killed.pk).update(
        extraction_run=uuid.uuid4(), heartbeat_at=now - timedelta(minutes=3)
    )
    # …and one started 3 minutes ago whose worker died at once: noticed before 10 minutes.
    recent = make_stuck("extracting", age=timedelta(minutes=3))
    Article.objects.filter(pk=recent.pk).update(
        extraction_run=uuid.uuid4(), heartbeat_at=now - timedelta(minutes=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert articles_sweep_stuck(**SWEEP) == 2
    beating.refresh_from_db()
    assert beating.status == "extracting" and not beating.mentions.exists()
    for article in (killed, recent):
        article.refresh_from_db()
        assert article.status == "ready", article.error
        assert article.sweep_count == 1 and article.mentions.exists()


def test_extract_again_is_refused_while_a_live_run_extracts(admin_client):
    article = make_stuck("extracting", age=timedelta(minutes=1))
    Article.objects.filter(pk=article.pk).update(
        extraction_run=uuid.uuid4(), heartbeat_at=timezone.now()
    )
    done = make_stuck("ready", age=timedelta(days=1))
    response = admin_client.post(
        "/admin/articles/article/",
        {"action": "extract_again", "_selected_action": [article.pk, done.pk]},
        follow=True,
    )
    assert "1 article queued for extraction." in response.text
    assert "1 left alone: its claims are being extracted right now." in response.text
    article.refresh_from_db()
    assert article.status == "extracting"
    assert article_requeue(article=article).status == "extracting"


def test_import_goes_on_past_lines_json_cannot_read_and_bytes_that_are_not_utf8(
    tmp_path, capsys
):
    good = [json.dumps({"text": ENGLISH.replace("Monday", day)}) for day in ("Tuesday", "Friday")]
    path = tmp_path / "export.jsonl"
    path.write_bytes(
        b"\n".join([
            good[0].encode(),
            b"[" * 100_000,
            b'{"text": ' + b"1" * 5_000 + b"}",
            good[0].replace("Tuesday", "Caf\\u00e9").encode().replace(b"Caf\\u00e9", b"Caf\xe9"),
            good[1].encode(),
        ]) + b"\n"
    )  # fmt: skip
    call_command("import_articles", str(path))
    out = capsys.readouterr().out
    assert "5 record(s): 2 new, 0 duplicate(s) already imported, 3 failed." in out
    assert "line 2: not valid JSON (nested too deeply)" in out
    assert "line 3: not valid JSON" in out
    assert "line 4: not UTF-8 text (byte 0xE9)" in out
    assert Article.objects.filter(text__contains="Friday").exists()


def test_import_reads_csv_cells_as_long_as_an_article(tmp_path, capsys):
    long_text = ENGLISH + "\n\n" + "The port handled more ships this year. " * 4_000
    assert len(long_text) > 131_072  # the csv module's default cell limit
    path = tmp_path / "long.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(
            [["text", "title"], [long_text, "Long read"], [ENGLISH, "Short one"]]
        )
    call_command("import_articles", str(path))
    out = capsys.readouterr().out
    assert "2 record(s): 2 new, 0 duplicate(s) already imported, 0 failed." in out
    assert Article.objects.get(title="Long read").text == long_text
