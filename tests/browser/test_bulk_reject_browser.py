"""A busy desk in a real browser: select two statements, reject them with a reason, undo."""

import pytest
from playwright.sync_api import expect

from claims.models import Mention
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = (
    "The harbour master said that the quay would close for a week.\n\n"
    "A fisherman said that the nets were torn by the storm.\n\n"
    "The ferry company said that crossings would resume on Friday."
)


def test_bulk_reject_two_statements_with_a_reason_then_undo(new_page, journalist, roles):
    article = ArticleFactory(title="Storm on the quay", text=TEXT)
    quay = MentionFactory(article=article, content="the quay would close for a week")
    nets = MentionFactory(article=article, content="the nets were torn by the storm")
    ferry = MentionFactory(article=article, content="crossings would resume on Friday")
    page = new_page()
    log_in(page, journalist.username)
    page.goto(f"/review/articles/{article.pk}/")
    cards = page.locator(".mention-card")
    expect(cards).to_have_count(3)
    cards.nth(0).get_by_label("Select").check()
    cards.nth(1).get_by_label("Select").check()
    bar = page.locator(".bulk-bar")
    bar.get_by_label("With the selected statements").select_option("reject")
    bar.get_by_label("Reason", exact=True).select_option("not_checkable")
    bar.get_by_role("button", name="Apply").click()

    expect(page.locator(".messages")).to_contain_text("2 statements rejected.")
    expect(cards.nth(0)).to_contain_text("Not checkable")
    states = dict(Mention.objects.values_list("pk", "review_state"))
    assert [states[quay.pk], states[nets.pk], states[ferry.pk]] == [
        "rejected", "rejected", "unreviewed",
    ]  # fmt: skip

    page.locator(".undo-bar").get_by_role("button", name="Undo").click()
    expect(page.locator(".messages")).to_contain_text("2 statements restored.")
    expect(page.locator(".undo-bar")).to_have_count(0)
    assert set(Mention.objects.values_list("review_state", flat=True)) == {"unreviewed"}
    assert not Mention.objects.exclude(rejection_reason="").exists()


def test_article_text_folds_on_a_phone_and_stays_beside_the_cards_on_desktop(
    new_page, journalist, roles
):
    article = ArticleFactory(title="Storm on the quay", text=TEXT)
    MentionFactory(article=article, content="the quay would close for a week")
    phone = new_page({"width": 390, "height": 800})
    log_in(phone, journalist.username)
    phone.goto(f"/review/articles/{article.pk}/")
    phone.wait_for_load_state("load")
    expect(phone.locator(".article-fold")).not_to_have_attribute("open", "")
    expect(phone.locator(".article-text")).to_be_hidden()
    desk = new_page({"width": 1280, "height": 900})
    log_in(desk, journalist.username)
    desk.goto(f"/review/articles/{article.pk}/")
    desk.wait_for_load_state("load")
    expect(desk.locator(".article-text")).to_be_visible()
    assert desk.locator(".article-fold").evaluate("e => getComputedStyle(e).position") == "sticky"
