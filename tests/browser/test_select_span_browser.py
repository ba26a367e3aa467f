"""Issue 12, part 4, in a real browser: a journalist corrects a statement's span by
dragging the mouse over the words in the article text (static/js/select.js), in a later
window of a long article; the stored offsets are the article's."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.text_windows import article_window_query
from claims import services
from claims.models import Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FILLER = " ".join(f"Paragraph {n} is about the weather and nothing else." for n in range(6))
STORY = (
    "The harbour master said the ferry would resume on Monday, weather permitting. "
    "A union official denied it."
)

# Measure (not select) a word on the page: the box of its characters in the article text.
WORD_BOX = """([word, nth]) => {
  let seen = 0;
  for (const seg of document.querySelectorAll('.article-text .seg')) {
    const node = seg.firstChild;
    let at = node ? node.data.indexOf(word) : -1;
    while (at >= 0) {
      if (seen === nth) {
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + word.length);
        const r = range.getBoundingClientRect();
        return {x: r.x, y: r.y, width: r.width, height: r.height};
      }
      seen += 1; at = node.data.indexOf(word, at + 1);
    }
  }
  return null;
}"""


def word_box(page, word: str, nth: int = 0) -> dict:
    box = page.evaluate(WORD_BOX, [word, nth])
    assert box, f"{word!r} is not in the article text on the page"
    return box


def drag_select(page, first: str, last: str, *, first_at: float = 0.5, last_at: float = 0.5):
    """Press the mouse inside `first` (at that fraction of its width), drag to inside
    `last`, release: the way a person selects words."""
    a, b = word_box(page, first), word_box(page, last)
    page.mouse.move(a["x"] + a["width"] * first_at, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] * last_at, b["y"] + b["height"] / 2, steps=8)
    page.mouse.up()


@pytest.fixture
def long_article(roles, settings):
    settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS = 200  # the story falls in a later window
    text = FILLER + "\n\n" + STORY
    article = ArticleFactory(title="Ferry story", text=text)
    start = text.index("the ferry would resume")
    mention = MentionFactory(
        article=article, speaker="The harbour master", content="the ferry would resume",
        start=start, end=start + len("the ferry would resume"),
    )  # fmt: skip
    return article, mention


def test_journalist_corrects_a_span_by_selecting_words(new_page, journalist, long_article):
    article, mention = long_article
    query = article_window_query(mention)
    assert query, "the story must be in a later window for this test to mean something"
    page = new_page()
    log_in(page, journalist.username)
    page.goto(reverse("review:article", args=[article.pk]) + query)
    page.wait_for_load_state("load")  # select.js is deferred
    card = page.locator(f".mention-card[data-mention='{mention.pk}']")
    card.get_by_role("link", name="Correct").click()
    form_card = page.locator(".mention-card.editing")
    expect(form_card.get_by_label("The exact words")).to_have_value("the ferry would resume")

    # From the middle of "ferry" to the middle of "Monday": snapped to whole words.
    drag_select(page, "ferry", "Monday", first_at=0.4, last_at=0.6)
    words = form_card.get_by_label("The exact words")
    expect(words).to_have_value("ferry would resume on Monday")
    expect(form_card.locator("[data-select-status]")).to_contain_text("characters")
    form_card.get_by_label("Relayed by").fill("The Gazette")
    form_card.get_by_role("button", name="Save correction").click()
    expect(page.locator(f".mention-card[data-mention='{mention.pk}']")).to_contain_text(
        "ferry would resume on Monday"
    )

    mention.refresh_from_db()
    start = article.text.index("ferry would resume on Monday")
    assert (mention.start, mention.end) == (start, start + len("ferry would resume on Monday"))
    assert mention.content == "ferry would resume on Monday"
    assert mention.via == ["The Gazette"]
    assert mention.review_state == Mention.ReviewState.CORRECTED


def test_journalist_adds_a_missed_statement_by_selecting_it(new_page, journalist, roles):
    # An emoji first: one character for Python, two UTF-16 units for JavaScript.
    text = "Update 🚢 from the port. " + STORY
    article = ArticleFactory(title="Ferry story", text=text)
    page = new_page()
    log_in(page, journalist.username)
    page.goto(reverse("review:article", args=[article.pk]))
    page.wait_for_load_state("load")
    add = page.locator(".mention-add")
    # From the middle of "union" to the end of "denied": "A" is outside the drag, on purpose.
    drag_select(page, "union", "denied", first_at=0.3, last_at=0.95)
    expect(add.get_by_label("The exact words")).to_have_value("union official denied")
    add.get_by_label("Speaker", exact=True).fill("A union official")
    add.get_by_label("Stance").select_option("denies")
    add.get_by_role("button", name="Add the statement").click()
    expect(page.locator(".messages")).to_contain_text("Statement added.")
    expect(page.locator(".mention-card")).to_have_count(1)
    expect(page.locator(".article-text mark")).to_contain_text("union official denied")

    mention = article.mentions.get()
    start = text.index("union official denied")
    assert (mention.start, mention.end) == (start, start + len("union official denied"))
    assert mention.content == "union official denied"
    assert (mention.rule, mention.confidence, mention.stance) == ("manual", 1.0, "denies")

    # Link it to a claim found by search on its card: a denial answers the claim.
    claim = services.claim_create(statement="The ferry resumes on Monday", by=journalist)
    card = page.locator(".mention-card")
    card.get_by_label("Link to another claim: search").fill("ferry resumes")
    card.get_by_role("button", name="Link to “The ferry resumes on Monday”").click()
    expect(page.locator(".mention-card")).to_contain_text("Accepted")
    expect(page.locator(".mention-card")).to_contain_text("a response to")
    mention.refresh_from_db()
    assert mention.responds_to_id == claim.pk and mention.claim_id is None
