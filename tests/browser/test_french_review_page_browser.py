"""A journalist who switches the site to French reviews an article in French, in a real browser."""

import pytest
from playwright.sync_api import expect

from claims.models import Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

N = "\u00a0"
TEXT = (
    "Le maire a dit que le quai fermerait une semaine.\n\n"
    "Un pêcheur a dit que les filets étaient déchirés.\n\n"
    "La compagnie a démenti que les traversées reprendraient vendredi."
)
ENGLISH = [
    "Review queue", "statements to review", "attributed statements", "Speaker", "Stance",
    "Confidence", "Relay chain", "Accept as a new claim", "New claim, in one sentence",
    "Reject", "Correct", "Reason", "Undo", "With the selected statements", "Apply",
    "Add a statement", "Not checkable", "Asserts", "Denies", "Keyboard",
]


def assert_no_english(page) -> None:
    text = page.locator("main").inner_text()
    left = [word for word in ENGLISH if word in text]
    assert not left, f"still in English: {left}"


def test_a_french_journalist_reviews_and_rejects_in_french(new_page, journalist, roles):
    article = ArticleFactory(title="Tempête sur le quai", text=TEXT, language="fr")
    quay = MentionFactory(
        article=article, speaker="Le maire", content="le quai fermerait une semaine"
    )
    nets = MentionFactory(
        article=article, speaker="Un pêcheur", content="les filets étaient déchirés"
    )
    MentionFactory(
        article=article, speaker="La compagnie", content="les traversées reprendraient vendredi",
        cue="démenti", stance=Mention.Stance.DENIES,
    )  # fmt: skip
    page = new_page()
    log_in(page, journalist.username)
    page.locator(".language-switch").get_by_role("button", name="français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    page.goto("/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("File de relecture")
    expect(page.locator("main")).to_contain_text("Toutes les positions")
    assert_no_english(page)
    page.get_by_role("link", name="Tempête sur le quai").click()

    expect(page.locator("#mentions-heading")).to_have_text("3 énoncés attribués")
    expect(page.locator("main")).to_contain_text("3 énoncés à relire")
    cards = page.locator(".mention-card")
    expect(cards).to_have_count(3)
    first = cards.nth(0)
    expect(first).to_contain_text("Auteur des propos")
    expect(first).to_contain_text("Affirme")
    expect(cards.nth(2)).to_contain_text("Dément")
    expect(cards.nth(2)).to_contain_text("Une réponse (dément)")
    expect(first.get_by_role("button", name="Accepter comme nouvelle affirmation")).to_be_visible()
    expect(first.get_by_role("button", name="Rejeter")).to_be_visible()
    expect(first.get_by_role("link", name="Corriger")).to_be_visible()
    assert_no_english(page)

    # One card: reject with a reason; the card says so in French and offers to undo.
    first.get_by_label("Motif", exact=True).select_option("not_checkable")
    first.get_by_role("button", name="Rejeter").click()
    rejected = page.locator("#mention-1")
    expect(rejected).to_contain_text("Rejeté")
    expect(rejected).to_contain_text("(Invérifiable)")
    undo = rejected.get_by_role("button", name=f"Annuler{N}: remettre en relecture")
    expect(undo).to_be_visible()
    quay.refresh_from_db()
    assert quay.review_state == "rejected" and quay.rejection_reason == "not_checkable"

    # The bulk bar: reject another, the French confirmation, then Undo.
    cards.nth(1).get_by_label("Sélectionner").check()
    bar = page.locator(".bulk-bar")
    bar.get_by_label("Avec les énoncés sélectionnés").select_option("reject")
    bar.get_by_label("Motif", exact=True).select_option("duplicate")
    bar.get_by_role("button", name="Appliquer").click()
    expect(page.locator(".messages")).to_contain_text("1 énoncé rejeté.")
    expect(cards.nth(1)).to_contain_text("(Doublon)")
    assert_no_english(page)
    page.locator(".undo-bar").get_by_role("button", name="Annuler").click()
    expect(page.locator(".messages")).to_contain_text("1 énoncé rétabli.")
    nets.refresh_from_db()
    assert nets.review_state == "unreviewed"
    assert_no_english(page)
