"""Long articles are shown one window of text and statements at a time (articles.text_windows).

An article with 50,000 mentions used to be rendered whole, each of its ~100,000 text
segments checked against every mention: its pages ran past gunicorn's timeout.
"""

import re

import pytest

from tests.articles.huge_article import make_huge_article
from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
MAX_BYTES = 400_000


@pytest.fixture
def huge(db):
    return make_huge_article(50_000)


def numbers(html: str, pattern: str) -> list[int]:
    return [int(n) for n in re.findall(pattern, html)]


@pytest.mark.parametrize("url", ["/articles/{pk}/", "/review/articles/{pk}/"])
def test_a_50000_mention_article_shows_one_bounded_window(
    journalist_client, huge, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = journalist_client.get(url.format(pk=huge.pk))
    assert response.status_code == 200
    assert len(response.content) < MAX_BYTES
    html = response.content.decode()
    assert "50,000 attributed statements" in html
    shown = numbers(html, r'<li id="mention-(\d+)"')
    assert 0 < len(shown) <= 100 and shown == list(range(1, len(shown) + 1))
    assert "Witness 0 said that" in html and "Witness 49999 said" not in html
    assert 'rel="next"' in html and 'rel="prev"' not in html


@pytest.mark.parametrize("url", ["/articles/{pk}/", "/review/articles/{pk}/"])
def test_the_last_window_of_a_50000_mention_article_ends_the_text(
    journalist_client, huge, url, django_assert_max_num_queries
):
    first = journalist_client.get(url.format(pk=huge.pk)).content.decode()
    last = int(re.search(r'data-last-page="(\d+)"', first).group(1))
    with django_assert_max_num_queries(MAX_QUERIES):
        response = journalist_client.get(url.format(pk=huge.pk) + f"?page={last}&part=last")
    html = response.content.decode()
    assert len(response.content) < MAX_BYTES
    assert numbers(html, r'<li id="mention-(\d+)"')[-1] == 50_000
    assert "Witness 49999 said that" in html
    assert 'rel="prev"' in html and 'rel="next"' not in html


def walk(client, url: str) -> list[tuple[str, str]]:
    """Every page reached by following the Next links: (address, HTML)."""
    pages, path = [], url
    while path:
        html = client.get(path).content.decode()
        pages.append((path, html))
        found = re.search(r'<a rel="next" href="([^"]+)"', html)
        path = url + found.group(1).replace("&amp;", "&") if found else None
    return pages


@pytest.mark.parametrize("url", ["/articles/{pk}/", "/review/articles/{pk}/"])
def test_windows_show_the_whole_text_and_every_statement_once(journalist_client, settings, url):
    settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS = 60
    settings.CLAIMTRACK_ARTICLE_WINDOW_MENTIONS = 2
    sentences = [f"Speaker {i} said that the ferry {i} runs." for i in range(7)]
    text = " ".join(sentences + ["Unattributed words go on and on."] * 8)
    article = ArticleFactory(text=text)
    for i in range(7):
        MentionFactory(article=article, speaker=f"Speaker {i}", content=f"the ferry {i} runs")
    # Two statements over the same span: they cannot both fit a window of two after a third.
    MentionFactory(article=article, speaker="Echo", content="the ferry 3 runs")
    pages = walk(journalist_client, url.format(pk=article.pk))
    assert len(pages) > 4
    shown = [n for _, html in pages for n in numbers(html, r'<li id="mention-(\d+)"')]
    assert shown == list(range(1, 9))
    assert any("part=2" in path for path, _ in pages)  # the window of three, in two parts
    texts = [
        re.sub(r"<[^>]+>|\d+(?=</a></sup>)", "", re.search(
            r'<section class="article-text"[^>]*>(.*?)</section>', html, re.S
        ).group(1))
        for path, html in pages
        if "part=" not in path  # the later parts of a window show its text again
    ]  # fmt: skip
    assert "".join(texts).replace("\n", "") == text
    assert all(len(t) <= 60 + 40 for t in texts)


def test_a_short_article_is_one_page_without_navigation(journalist_client):
    article = ArticleFactory(text="The mayor said that the bridge would reopen in March.")
    MentionFactory(article=article)
    html = journalist_client.get(f"/review/articles/{article.pk}/").content.decode()
    assert 'id="mention-1"' in html
    assert 'rel="next"' not in html and 'rel="prev"' not in html


def test_an_action_without_htmx_returns_to_the_window_of_the_statement(
    journalist_client, settings
):
    settings.CLAIMTRACK_ARTICLE_WINDOW_CHARS = 100
    text = "Nothing attributed here at all. " * 8 + "The mayor said that the bridge would reopen."
    mention = MentionFactory(article=ArticleFactory(text=text), content="the bridge would reopen")
    response = journalist_client.post(f"/review/mentions/{mention.pk}/reject/")
    assert response.status_code == 302
    assert response["Location"] == f"/review/articles/{mention.article_id}/?page=3"
    html = journalist_client.get(response["Location"]).content.decode()
    assert 'id="mention-1"' in html and "Rejected" in html


@pytest.mark.parametrize("url", ["/articles/{pk}/", "/review/articles/{pk}/"])
@pytest.mark.parametrize("page", ["107376", "99999999999", "9" * 5000, "-3", "x"])
def test_any_window_number_answers_with_a_window(journalist_client, url, page):
    article = ArticleFactory(text="The mayor said that the bridge would reopen in March.")
    MentionFactory(article=article)
    response = journalist_client.get(url.format(pk=article.pk), {"page": page})
    assert response.status_code == 200
    assert "the bridge would reopen in March" in response.content.decode()
