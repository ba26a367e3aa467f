"""Outlets: the name of a publication, relays ("citing X", "selon X"), and the public
:class:`ExtractedClaim` built from internal claims (``to_public``).
"""

from __future__ import annotations

import functools

from .. import lexicon_common
from ..types import ExtractedClaim
from .common import Frame, _Claim, _is_word, lexicon


def _strip_article(name: str, articles: set[str]) -> str:
    words = name.split()
    while len(words) > 1 and words[0].lower() in articles:
        words = words[1:]
    out = " ".join(words)
    for ap in ("l'", "l’", "L'", "L’"):
        if out.startswith(ap) and len(out) > 2:
            out = out[2:]
    return out

@functools.cache
def _outlets_longest_first() -> tuple[str, ...]:
    """The known outlets, longest first (sorted once, not on every call)."""
    return tuple(sorted(lexicon_common.KNOWN_OUTLETS, key=len, reverse=True))


def _outlet_name(text: str) -> str:
    """ "Le quotidien Le Monde" -> "Le Monde"; "The Nyasa Times newspaper" -> "Nyasa Times"."""
    words = text.split()
    generic = {
        "le",
        "la",
        "les",
        "l'",
        "the",
        "quotidien",
        "journal",
        "hebdomadaire",
        "newspaper",
        "daily",
        "magazine",
        "site",
        "agence",
        "agency",
        "weekly",
        "américain",
        "britannique",
        "français",
    }
    lowered = [w.lower() for w in words]
    low_text = text.lower()
    for outlet in _outlets_longest_first():
        if outlet in low_text:
            start = low_text.index(outlet)
            return text[start : start + len(outlet)]
    k = 0
    while k < len(words) - 1 and lowered[k] in generic:
        k += 1
    e = len(words)
    while e > k + 1 and lowered[e - 1] in generic:
        e -= 1
    return " ".join(words[k:e])

_OUTLET_MAX_WORDS = max(len(o.split()) for o in lexicon_common.KNOWN_OUTLETS)

def _names_outlet(words: list[str]) -> bool:
    """True when some run of ``words`` is a known outlet name."""
    for n in range(1, _OUTLET_MAX_WORDS + 1):
        for k in range(len(words) - n + 1):
            if " ".join(words[k : k + n]) in lexicon_common.KNOWN_OUTLETS:
                return True
    return False

def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())

def to_public(claims: list[_Claim], original: str, offset: int, lang: str) -> list[ExtractedClaim]:
    """Turn internal claims into ``ExtractedClaim`` with offsets into the original text."""
    out: list[ExtractedClaim] = []
    seen: set[tuple[int, int, str]] = set()
    articles = lexicon(lang).pack.articles
    for c in sorted(claims, key=lambda c: (c.start, c.anchor)):
        speaker = (c.frame.text or None) if c.frame is not None else None
        key = (c.start, c.end, (speaker or "").lower())
        if key in seen:
            continue
        seen.add(key)
        via = []
        for v in list(c.frame.via) + list(c.extra_via):
            v = _strip_article(_outlet_name(v), articles) if v else v
            if v and v not in via and (speaker is None or v.lower() != speaker.lower()):
                via.append(v)
        content = original[c.start : c.end]
        out.append(
            ExtractedClaim(
                content=content,
                start=c.start + offset,
                end=c.end + offset,
                speaker=speaker,
                speaker_type=c.frame.kind if c.frame is not None else "anonymous",
                cue=c.cue,
                quote_type=c.quote_type,
                stance=c.stance,
                via=via,
                confidence=round(c.confidence, 2),
                rule=c.rule,
                hedges=list(c.hedges),
            )
        )
    return out


class Outlets:
    """Relayed sources ("Le Monde, citant deux diplomates")."""

    def _relay(
        self, asides: list[tuple[int, int]], frame: Frame | None
    ) -> tuple[Frame | None, str | None]:
        """A "citant X"/"citing X" aside turns X into the speaker and the subject into a relay."""
        for a, b in asides:
            first = a
            while first < b and not _is_word(self.toks[first]):
                first += 1
            if first < b and self.toks[first].lower_ in self.m.relay_verbs:
                if first + 1 < b and self.toks[first + 1].lower_ in self.m.agent_prepositions:
                    # passive "X, quoted by the FT, said": X speaks, the agent relays
                    agent = self.make_frame((first + 2, b), None, first + 2)
                    if frame is None or agent is None:
                        continue
                    frame.via = list(frame.via) + [
                        _strip_article(_outlet_name(agent.text), self.m.articles)
                    ]
                    return frame, None
                src = self.make_frame((first + 1, b), None, first + 1)
                if src is None:
                    continue
                via = []
                if frame is not None:
                    via = list(frame.via) + [
                        _strip_article(_outlet_name(frame.text), self.m.articles)
                    ]
                if src.kind not in ("person",):
                    src.kind = (
                        "anonymous"
                        if src.kind in ("organization", "group", "anonymous")
                        and not any(t.pos_ == "PROPN" for t in self.toks[first + 1 : b])
                        else src.kind
                    )
                src.via = via
                return src, self.toks[first].text
        return frame, None
