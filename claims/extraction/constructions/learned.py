"""An opt-in learned fallback: a verb outside the lexicon whose complement reports something.

The rules know the reporting verbs of the lexicon and the shapes around them. This
construction runs last in a sentence: every finite verb outside the lexicon (and outside
``non_claim_verbs``: requests, questions, hopes, intentions) whose complement (clause,
object, prepositional phrase, open clause, or object and predicate together) no rule
claimed is a candidate, and a logistic model over features of the parse (the verb's lemma,
the complement's relation and first word, the subject's kind, tense, negation, …) scores
it. A candidate at or above the model's threshold becomes a claim when the parse also names
its speaker, resolved like every other speaker; its confidence is the model's probability.

It is silent unless ``$CLAIMTRACK_COMPLEMENT_MODEL_EN`` (or ``_FR``) names a model file,
written by ``python -m claims.extraction.evaluation.train_learned`` from annotated articles
in the format of ``../shared/eval``. Trained on PolNeAR's train split it adds what PolNeAR
calls attributions and the house conventions mostly do not ("spoke about X", "unveiled a
plan"), which is why no model ships: the intended data is the newsroom's own reviews.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.symbols import VERB

from ..text import QUOTE_CHARS
from . import syntactic

if TYPE_CHECKING:  # pragma: no cover
    from ..runner import DocExtractor

NAME = "learned"
RULES = ("learned",)
RULE = "learned"
# what may carry a statement, in both label schemes (ClearNLP for English, UD for French)
COMPLEMENTS = frozenset(
    {"ccomp", "xcomp", "dobj", "obj", "prep", "obl", "advcl", "acomp", "oprd", "attr"}
)
OBJECTS = frozenset({"dobj", "obj"})
PREDICATES = frozenset({"oprd", "ccomp", "xcomp", "acomp", "advcl"})  # "called X a farce"
AUXILIARIES = frozenset({"aux", "auxpass", "aux:pass"})
MIN_CHARS = 10  # a shorter complement states nothing ("said so", "asked him")
MIN_PREPOSITION_TOKENS = 3  # "talked about it": no statement
ENVIRONMENT = "CLAIMTRACK_COMPLEMENT_MODEL_"


@dataclass(frozen=True)
class Candidate:
    verb: int  # token index of the verb
    start: int  # token range of the complement
    end: int
    chars: tuple[int, int]  # its character span in the chunk
    features: tuple[str, ...]


class Model:
    """A logistic model: feature name -> weight, and the threshold a claim needs."""

    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

    def probability(self, features: tuple[str, ...]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model_for(ex: DocExtractor) -> Model | None:
    """The model of the document's language, named by ``$CLAIMTRACK_COMPLEMENT_MODEL_<CODE>``
    (``_EN``, ``_FR``); None (the construction stays silent) when it is not set."""
    return load(os.environ.get(ENVIRONMENT + ex.m.code.upper(), ""))


@lru_cache(maxsize=4)
def load(path: str) -> Model | None:
    """The model in the JSON file ``path``; None for "" (no model)."""
    if not path:
        return None
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return Model(data["weights"], data["threshold"])


def find(ex: DocExtractor, si: int, s: int, e: int, sink: list | None = None) -> None:
    """Add the claims the model finds in sentence ``si`` (tokens [s, e)). With ``sink``,
    record every candidate there instead (training) and add nothing."""
    if sink is not None:
        sink.extend(candidates(ex, s, e))
        return
    model = model_for(ex)
    if model is None:
        return
    best: dict[int, tuple[float, Candidate]] = {}
    for cand in candidates(ex, s, e):
        p = model.probability(cand.features)
        if p >= model.threshold and (cand.verb not in best or p > best[cand.verb][0]):
            best[cand.verb] = (p, cand)
    for p, cand in sorted(best.values(), key=lambda pc: -pc[0]):
        _claim(ex, si, s, e, cand, p)


def candidates(ex: DocExtractor, s: int, e: int) -> list[Candidate]:
    """Every (verb, complement) pair of the sentence that no claim covers yet; and, for a
    verb with an object and a predicate ("called the plan a farce"), the two together."""
    toks = ex.toks
    out = []
    taken = [(c.start, c.end) for c in ex.claims]
    anchors = {c.anchor for c in ex.claims}
    m = ex.m
    for i in range(s, e):
        tok = toks[i]
        if tok.pos != VERB or i in ex.consumed or i in anchors:
            continue
        lemma = tok.lemma_.lower()
        if lemma in m.speech_verbs or lemma in m.non_claim_verbs:
            # the lexicon's verbs (its request verbs among them: "called for talks") are the
            # rules' to read; the verbs it leaves out on purpose report no claim
            continue
        if not _finite_group(ex, tok):
            continue  # "signalling that …", "to be named": the writer's words, or an aim
        children = list(tok.children)
        spans = []
        for child in children:
            if child.dep_ not in COMPLEMENTS:
                continue
            a, b = max(child.left_edge.i, s), min(child.right_edge.i + 1, e)
            if a <= i < b or (child.pos_ == "ADP" and b - a < MIN_PREPOSITION_TOKENS):
                continue
            spans.append((child, a, b, child.dep_))
        objects = [x for x in spans if x[3] in OBJECTS and x[1] > i]
        predicates = [x for x in spans if x[3] in PREDICATES and x[1] > i]
        if objects and predicates and predicates[0][1] >= objects[0][2]:
            obj, pred = objects[0], predicates[0]
            spans.append((pred[0], obj[1], pred[2], obj[3] + "+" + pred[3]))
        for child, a, b, dep in spans:
            span = ex.char_span(a, b)
            if span is None or span[1] - span[0] < MIN_CHARS:
                continue
            if any(x < span[1] and span[0] < y for x, y in taken):
                continue
            out.append(Candidate(i, a, b, span, features(ex, tok, child, children, a, b, dep)))
    return out


def features(ex: DocExtractor, tok, child, children, a: int, b: int, dep: str) -> tuple[str, ...]:
    """What the model reads of a (verb, complement) pair."""
    lemma = tok.lemma_.lower()
    before = ex.toks[tok.i - 1].lower_ if tok.i > 0 else ""
    subjects = [c for c in children if c.dep_ in syntactic.SUBJECT | syntactic.PASSIVE_SUBJECT]
    n = b - a
    first = ex.toks[a]
    f = [
        "bias",
        "lemma=" + lemma,
        "dep=" + dep,
        "lemma,dep=" + lemma + "," + dep,
        "tag=" + tok.tag_,
        "vdep=" + tok.dep_,
        "ctag=" + child.tag_,
        "cpos=" + child.pos_,
        "after=" + str(a > tok.i),
        "first=" + first.lower_,
        "dep,first=" + dep + "," + first.lower_,
        "quoted=" + str(any(ex.toks[k].text in QUOTE_CHARS for k in range(a, b))),
        "negated=" + str(any(c.dep_ == "neg" for c in children)),
        f"size={min(6, int(math.log2(1 + n)))}",
        f"subjects={len(subjects)}",
        "lexicon=" + str(lemma in ex.m.speech_verbs),
        "clemma=" + child.lemma_.lower(),
        "dep,clemma=" + dep + "," + child.lemma_.lower(),
        "finite=" + str(ex._has_finite(a, b)),
        "before=" + before,
        "in_quote=" + str(ex.in_quote(tok.i)),
        "head=" + (tok.head.lemma_.lower() if tok.head.i != tok.i else "ROOT"),
        "vdep,head=" + tok.dep_ + "," + tok.head.pos_,
        "lemma,first=" + lemma + "," + first.lower_,
        "lemma,tag=" + lemma + "," + tok.tag_,
    ]
    if child.pos_ == "ADP":
        f.append("lemma,prep=" + lemma + "," + child.lower_)
    for c in children:
        if c.dep_ in AUXILIARIES:
            f.append("aux=" + c.lemma_.lower())
        elif c.dep_ in ("dobj", "obj", "dative", "iobj") and c is not child:
            f.append("lemma,object=" + lemma + "," + c.lemma_.lower())
            f.append("object_pos=" + c.pos_)
    for m in child.children:
        if m.dep_ == "mark":
            f.append("mark=" + m.lower_)
    for subj in subjects:
        f += ["subject_pos=" + subj.pos_, "subject_tag=" + subj.tag_]
        f.append("subject=" + subj.lemma_.lower())
        kinds = {t.ent_type_ for t in subj.subtree if t.ent_type_}
        head = subj.lower_
        if head in ex.m.person_role_heads or head in ex.m.generic_person_heads:
            kinds.add("role")
        elif head in ex.m.organisation_heads:
            kinds.add("organisation")
        f += ["subject_entity=" + k for k in sorted(kinds)]
    return tuple(f)


def _finite_group(ex: DocExtractor, tok) -> bool:
    """The verb or one of its auxiliaries is finite ("said", "has said", "did not say")."""
    return ex.is_finite(tok.i) or any(
        c.dep_ in AUXILIARIES and ex.is_finite(c.i) for c in tok.children
    )


def _claim(ex: DocExtractor, si: int, s: int, e: int, cand: Candidate, p: float) -> None:
    tok = ex.toks[cand.verb]
    span = cand.chars
    if syntactic._overlaps(ex, span) or syntactic._negated(ex, tok):
        return
    found = syntactic.speaker_of(ex, tok, s, e)
    if found is None:
        return
    speaker = found[0]
    if speaker[0] < cand.end and cand.start < speaker[1]:
        return
    frame = ex.make_frame(speaker, at=speaker[0])
    if frame is None or frame.is_pronoun:
        return
    if syntactic._unresolved_pronoun(ex, speaker, frame.text):
        return
    stance = ex.m.speech_verbs.get(tok.lemma_.lower(), "asserts")
    cue = ex.cue_text(ex.verb_group_start(tok.i), ex.verb_group_end(tok.i))
    ex.add_claim(span, frame, cue, "indirect", stance, round(p, 2), RULE, si, anchor=tok.i)
    ex.consumed.add(tok.i)
