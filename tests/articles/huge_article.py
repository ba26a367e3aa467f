"""An article with tens of thousands of attributed statements, stored fast (bulk_create)."""

from articles.models import Article, content_hash
from claims.models import Mention
from tests.factories import ArticleFactory

SENTENCE = "Witness {i} said that the bridge number {i} would reopen. "


def make_huge_article(mentions: int = 50_000) -> Article:
    """One article whose text holds `mentions` sentences, each an extracted mention."""
    parts, spans, offset = [], [], 0
    for i in range(mentions):
        sentence = SENTENCE.format(i=i)
        content = f"the bridge number {i} would reopen"
        start = offset + sentence.index(content)
        spans.append((start, start + len(content), content, f"Witness {i}"))
        parts.append(sentence)
        offset += len(sentence)
    text = "".join(parts)
    article = ArticleFactory(title="The longest story", text=text, content_hash=content_hash(text))
    Mention.objects.bulk_create(
        (
            Mention(
                article=article, start=start, end=end, content=content, speaker=speaker,
                cue="said", review_state=Mention.ReviewState.UNREVIEWED,
            )
            for start, end, content, speaker in spans
        ),
        batch_size=5_000,
    )  # fmt: skip
    return article
