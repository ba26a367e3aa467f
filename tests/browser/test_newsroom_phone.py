"""The newsroom on a phone (390 px wide, headless Chromium): the menu and every newsroom page
fit the screen; tables fit or scroll inside their own box, never the page."""

import pytest

from claims import services
from claims.models import Task
from tests.browser.helpers import log_in
from tests.factories import ArticleFactory, MentionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}

LAYOUT = """() => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1)
    problems.push(`page is ${root.scrollWidth}px wide in ${root.clientWidth}px`);
  for (const link of document.querySelectorAll(".site-header a, .site-header button")) {
    const box = link.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < 0 || box.right > root.clientWidth + 1)
      problems.push(`menu item "${link.textContent.trim()}" is off screen`);
    if (box.height < 24)
      problems.push(`menu item "${link.textContent.trim()}" is ${box.height}px tall`);
  }
  for (const table of document.querySelectorAll("table")) {
    const box = table.parentElement.getBoundingClientRect();
    if (box.right > root.clientWidth + 1)
      problems.push(`a table's box runs ${Math.round(box.right - root.clientWidth)}px off screen`);
    const first = table.querySelector("tbody tr td, tbody tr th");
    if (first && first.getBoundingClientRect().width < 80)
      problems.push(`a table's first column is ${first.getBoundingClientRect().width}px wide`);
  }
  return problems;
}"""


@pytest.fixture
def newsroom(editor, journalist, ratings):
    article = ArticleFactory(
        title="Extraordinarily long headline about the harbour authority's reconstruction plans",
        text="The harbour master said that the northern quay would reopen in the spring.",
    )
    mention = MentionFactory(
        article=article, content="the northern quay would reopen in the spring",
        speaker="The harbour master",
    )  # fmt: skip
    MentionFactory(article=ArticleFactory(title="Second story"))
    claim = services.claim_create_from_mention(
        mention=mention, statement="The northern quay reopens in the spring", by=journalist
    )
    Task.objects.create(claim=claim, title="Call the harbour office", assignee=journalist,
                        created_by=editor)  # fmt: skip
    return {"article": article, "claim": claim}


PAGES = [
    "/review/",
    "/review/claims/",
    "/review/tasks/",
    "/review/board/",
    "/articles/",
    "/articles/new/",
]


def test_newsroom_pages_fit_a_phone(new_page, editor, newsroom):
    page = new_page(viewport=PHONE)
    log_in(page, editor.username)
    urls = [
        *PAGES,
        f"/review/articles/{newsroom['article'].pk}/",
        f"/review/claims/{newsroom['claim'].pk}/",
        newsroom["article"].get_absolute_url(),
    ]
    found = {}
    for url in urls:
        page.goto(url)
        problems = page.evaluate(LAYOUT)
        if problems:
            found[url] = problems
    assert not found, "\n".join(f"{url}: {p}" for url, ps in found.items() for p in ps)
