"""Suggest existing claims that look like the statement in a mention, in either language.

Cheap and explainable: the words that carry meaning across languages (names, numbers, long
words) are compared with a Jaccard score, and a shared claimant counts for a lot. Candidate
claims come from two indexed queries, whatever the number of mentions on the page.
"""

import re
import unicodedata
from collections.abc import Sequence

from django.db.models import Q

from claims.models import Claim, Mention

STOPWORDS = set(
    """
    a an and are as at be been but by for from had has have he her his i in is it its not of on
    or she that the their them they this to was were will with would said says after before
    about over into than then there these those which who whom what when where while also
    le la les un une des du de d l et est sont a ont au aux en dans par pour sur que qui ne pas
    plus ce cet cette ces son sa ses leur leurs il elle ils elles on se s qu y été être avoir
    selon ainsi mais ou donc car avec sans sous entre vers chez
    """.split()
)
WORD = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def keywords(text: str) -> set[str]:
    """Words that carry the statement: no stop words, no accents; numbers kept whole."""
    words = (_fold(w) for w in WORD.findall(text))
    return {w for w in words if w not in STOPWORDS and (len(w) > 2 or w.isdigit())}


def similarity(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def suggest_claims(
    mentions: Sequence[Mention], *, limit: int = 3, candidates: int = 200
) -> dict[int, list[tuple[Claim, float]]]:
    """For each mention, up to `limit` existing claims that may be the same statement."""
    if not mentions:
        return {}
    source_ids = {m.source_id for m in mentions if m.source_id}
    words: set[str] = set()
    per_mention = {m.pk: keywords(m.content) for m in mentions}
    for kw in per_mention.values():
        # The longest words are the rarest: good to find candidates by text.
        words.update(sorted(kw, key=len, reverse=True)[:2])
    text_match = Q()
    for word in sorted(words)[:20]:
        text_match |= Q(statement__icontains=word)
    pool = list(
        Claim.objects.filter(Q(claimant_id__in=source_ids) | text_match)
        .select_related("claimant", "verdict")
        .order_by("-updated_at")[:candidates]
    )
    pool_words = {c.pk: keywords(c.statement) for c in pool}
    result = {}
    for mention in mentions:
        scored = []
        for claim in pool:
            score = similarity(per_mention[mention.pk], pool_words[claim.pk])
            if mention.source_id and claim.claimant_id == mention.source_id:
                score += 0.25
            if score >= 0.15 and claim.pk != mention.claim_id:
                scored.append((claim, round(min(score, 1.0), 2)))
        scored.sort(key=lambda item: item[1], reverse=True)
        result[mention.pk] = scored[:limit]
    return result
