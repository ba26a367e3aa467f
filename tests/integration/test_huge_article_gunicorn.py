"""A 50,000-mention article through the whole stack: gunicorn, PostgreSQL, Redis."""

import pytest

from tests.articles.huge_article import make_huge_article
from tests.live_gunicorn import gunicorn, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 30  # gunicorn's default worker timeout, which the Dockerfile keeps


def test_both_pages_of_a_50000_mention_article_answer_well_within_gunicorns_timeout(
    journalist, tmp_path
):
    article = make_huge_article(50_000)
    cookies = session_cookie(journalist)
    with gunicorn(tmp_path, workers=1, timeout=TIMEOUT) as server:
        for path in (f"/articles/{article.pk}/", f"/review/articles/{article.pk}/"):
            response = server.get(path, cookies=cookies, timeout=TIMEOUT + 10)
            print(
                f"{path}: {response.status} {len(response.body):,} bytes {response.seconds:.2f} s"
            )
            assert response.status == 200, server.log()
            assert "50,000 attributed statements" in response.text
            assert response.seconds < TIMEOUT / 3
            assert len(response.body) < 400_000
