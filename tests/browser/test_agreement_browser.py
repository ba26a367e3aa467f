"""Issue 14, part 5, in a real browser: an editor sends an article to two journalists, who
annotate it on their own by selecting words in the text (one on a phone, one at a desk),
and the editor reads their agreement."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from claims.models import AnnotationAssignment, AnnotationRound, Mention
from tests.browser.helpers import log_in
from tests.browser.test_select_span_browser import drag_select
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TEXT = (
    "The harbour master said the ferry would resume on Monday, weather permitting. "
    "A union official denied it. The council will vote on the new timetable in May."
)
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def assert_png(path) -> None:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def annotate(page, *, first, last, speaker, stance="asserts", quote_type=None):
    """Select the words from `first` to `last` in the article text, fill in who said it."""
    page.locator(".article-text").scroll_into_view_if_needed()
    drag_select(page, first, last, first_at=0.3, last_at=0.7)
    add = page.locator(".annotation-add")
    expect(add.get_by_label("The exact words")).not_to_have_value("")
    add.get_by_label("Speaker", exact=True).fill(speaker)
    add.get_by_label("Stance").select_option(stance)
    if quote_type:
        add.get_by_label("Quote type").select_option(quote_type)
    add.get_by_role("button", name="Add the statement").click()
    expect(page.locator(".messages")).to_contain_text("Statement added.")


def test_two_journalists_annotate_and_the_editor_sees_their_agreement(
    new_page, editor, journalist, other_journalist, tmp_path
):
    article = ArticleFactory(title="Ferry story", text=TEXT)
    # The extractor's statement is never shown to annotators.
    MentionFactory(article=article, speaker="Extracted", content="The council will vote")

    # The editor sends the article to both journalists.
    desk = new_page(DESKTOP)
    log_in(desk, editor.username)
    desk.goto(reverse("review:agreement"))
    desk.get_by_label("Name of the round").fill("Ferry check")
    desk.get_by_label("First annotator").select_option(label=journalist.username)
    desk.get_by_label("Second annotator").select_option(label=journalist.username)
    desk.get_by_label("Number of articles").fill("1")
    desk.get_by_role("button", name="Send the articles").click()
    expect(desk.locator("[role=alert]")).to_contain_text("two different annotators")
    desk.get_by_label("Second annotator").select_option(label=other_journalist.username)
    desk.get_by_role("button", name="Send the articles").click()
    expect(desk.locator(".messages")).to_contain_text("Round created: 1 article sent")
    round_ = AnnotationRound.objects.get()

    # The first journalist, on a phone.
    phone = new_page(PHONE)
    log_in(phone, journalist.username)
    phone.goto(reverse("review:annotate-list"))
    phone.get_by_role("link", name="Ferry story").click()
    expect(phone.locator("h1")).to_have_text("Ferry story")
    expect(phone.locator(".article-text mark")).to_have_count(0)
    annotate(phone, first="ferry", last="Monday", speaker="The harbour master")
    annotate(phone, first="union", last="denied", speaker="A union official", stance="denies")
    expect(phone.locator(".article-text mark")).to_have_count(2)
    assert "Extracted" not in phone.content()
    assert phone.evaluate(NO_SIDEWAYS_SCROLL)
    phone.screenshot(path=tmp_path / "annotate-phone.png", full_page=True)
    assert_png(tmp_path / "annotate-phone.png")
    phone.get_by_role("button", name="Mark this article done").click()
    expect(phone.locator(".messages")).to_contain_text("Article marked done")

    # The second journalist, at a desk: the same first statement with a direct quote, the
    # denial missed, the vote marked.
    other = new_page(DESKTOP)
    log_in(other, other_journalist.username)
    mine = AnnotationAssignment.objects.get(round=round_, annotator=other_journalist)
    other.goto(mine.get_absolute_url())
    expect(other.locator(".article-text mark")).to_have_count(0)  # not the first one's work
    annotate(other, first="the", last="permitting", speaker="Harbour master", quote_type="direct")
    annotate(other, first="council", last="May", speaker="The council")
    other.screenshot(path=tmp_path / "annotate-desktop.png", full_page=True)
    assert_png(tmp_path / "annotate-desktop.png")
    other.get_by_role("button", name="Mark this article done").click()
    expect(other.locator(".messages")).to_contain_text("Article marked done")

    a = AnnotationAssignment.objects.get(round=round_, annotator=journalist).annotations
    assert sorted(a.values_list("content", flat=True)) == [
        "ferry would resume on Monday",
        "union official denied",
    ]
    assert Mention.objects.filter(article=article).count() == 1  # the newsroom's data as it was

    # The editor reads the agreement: 1 statement in common of 2 + 2.
    desk.goto(round_.get_absolute_url())
    expect(desk.locator(".agreement-score strong")).to_have_text("0.50")
    fields = desk.locator("table.agreement-fields")
    expect(fields.locator("tr[data-field=speaker]")).to_contain_text("1 of 1")
    expect(fields.locator("tr[data-field=quote_type]")).to_contain_text("0 of 1")
    expect(desk.locator(".disagreement")).to_have_count(3)
    expect(desk.locator(".side-a mark").first).to_be_visible()
    desk.screenshot(path=tmp_path / "agreement-desktop.png", full_page=True)
    assert_png(tmp_path / "agreement-desktop.png")

    # And on a phone: readable without sideways scrolling.
    editor_phone = new_page(PHONE)
    log_in(editor_phone, editor.username)
    editor_phone.goto(round_.get_absolute_url())
    expect(editor_phone.locator(".agreement-score strong")).to_have_text("0.50")
    assert editor_phone.evaluate(NO_SIDEWAYS_SCROLL)
    editor_phone.screenshot(path=tmp_path / "agreement-phone.png", full_page=True)
    assert_png(tmp_path / "agreement-phone.png")
