"""The dataclass the extractor returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SPEAKER_TYPES = ("person", "organization", "government", "publication", "group", "anonymous")
QUOTE_TYPES = ("direct", "indirect")
STANCES = ("asserts", "denies", "declines_comment", "cannot_verify")
# How the article hedges a statement (issue 13): the reportative conditional ("la Russie
# aurait…"), "allegedly"/"prétendument", "could not independently verify", an anonymous
# source, an attribution kept in the relay ("selon", "according to"). Empty: reported bare.
HEDGES = ("conditional", "allegedly", "unverified", "anonymous", "attributed")


@dataclass
class ExtractedClaim:
    """One attributed statement found in an article.

    ``start``/``end`` are character offsets into the original text and
    ``text[start:end] == content`` always holds.
    """

    content: str
    start: int
    end: int
    speaker: str | None
    speaker_type: str
    cue: str
    quote_type: str
    stance: str
    via: list[str] = field(default_factory=list)
    confidence: float = 0.5
    rule: str = ""
    hedges: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
