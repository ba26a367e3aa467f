"""Tokens read once: a plain-Python copy of each spaCy ``Token`` the rules look at.

spaCy builds every string attribute anew on each access (``tok.pos_`` looks the symbol up
again, ``tok.morph.get`` parses the morphology string), and the rules read the same few
attributes of the same tokens many times. :class:`Tok` holds the common ones as plain
attributes, read for the whole document at once with ``Doc.to_array``; any other attribute
is read from spaCy on first use and kept. Navigation (``head``, ``children``, edges,
``subtree``) returns these tokens again, so a rule never mixes them with spaCy's own.
"""

from __future__ import annotations

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc, Span, Token

_STRING_COLUMNS = [ORTH, LOWER, POS, TAG, DEP, LEMMA, ENT_TYPE]
_COLUMNS = _STRING_COLUMNS + [IDX, IS_SPACE, IS_PUNCT, SPACY, HEAD, MORPH]


class _Strings(dict):
    """hash (or symbol id, as to_array gives them once made signed) -> string, shared by
    every document (the StringStore keeps them all for the life of the process anyway)."""

    store = None

    def __missing__(self, key: int) -> str:
        word = self[key] = self.store[key % (1 << 64)]
        return word


_STRINGS = _Strings()
# the key of a morphological analysis (the hash of its string) -> its Morph, shared by
# every document as well: a pipeline produces a few hundred distinct analyses
_MORPHS: dict[int, Morph] = {}


class Morph:
    """A morphological analysis whose ``get`` reads each field once."""

    __slots__ = ("_morph", "_fields")

    def __init__(self, morph):
        self._morph = morph
        self._fields: dict[str, list[str]] = {}

    def get(self, field: str) -> list[str]:
        """The values of ``field`` (callers must not change the list)."""
        values = self._fields.get(field)
        if values is None:
            values = self._fields[field] = self._morph.get(field)
        return values


# navigation: read from spaCy on first use, as tokens of the document again
_NAVIGATION = {
    "children": lambda tok: _wrap(tok, tok._token.children),
    "lefts": lambda tok: _wrap(tok, tok._token.lefts),
    "rights": lambda tok: _wrap(tok, tok._token.rights),
    "subtree": lambda tok: _wrap(tok, tok._token.subtree),
    "ancestors": lambda tok: _wrap(tok, tok._token.ancestors),
    "conjuncts": lambda tok: _wrap(tok, tok._token.conjuncts),
    "left_edge": lambda tok: tok._doc_tokens[tok._token.left_edge.i],
    "right_edge": lambda tok: tok._doc_tokens[tok._token.right_edge.i],
}
_NAVIGATION_NAMES = tuple(_NAVIGATION)
_EAGER = (
    "text", "lower_", "pos_", "tag_", "dep_", "lemma_", "ent_type_", "idx", "is_space",
    "is_punct", "whitespace_", "head", "morph", "i", "_doc", "_doc_tokens",
)  # fmt: skip


class Tok:
    """One token of the document, its attributes read once (see the module docstring)."""

    # the attributes read_tokens sets, then the navigation read on first use (tokens again:
    # release_tokens empties them), and a dict for any other attribute, read on first use
    __slots__ = _EAGER + _NAVIGATION_NAMES + ("__dict__",)

    @property
    def _token(self) -> Token:
        return self._doc[self.i]

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        navigation = _NAVIGATION.get(name)
        if navigation is not None:
            value = navigation(self)
            self._doc_tokens.navigated.append(self)
            setattr(self, name, value)
            return value
        value = getattr(self._token, name)
        if isinstance(value, (Token, Span, Doc)) or hasattr(value, "__next__"):
            raise TypeError(f"Tok.{name} would hand out spaCy objects")
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)


class TokenList(list):
    """The tokens of a document, and those whose navigation was read (see release_tokens)."""

    def __init__(self):
        super().__init__()
        self.navigated: list[Tok] = []


def _wrap(tok: Tok, tokens) -> tuple[Tok, ...]:
    doc_tokens = tok._doc_tokens
    return tuple(doc_tokens[t.i] for t in tokens)


def read_tokens(doc: Doc) -> TokenList:
    """The tokens of ``doc`` with their common attributes read in one pass."""
    tokens = TokenList()
    if not len(doc):
        return tokens
    strings = _STRINGS
    strings.store = doc.vocab.strings
    columns = doc.to_array(_COLUMNS).astype("int64").T.tolist()
    words = [list(map(strings.__getitem__, col)) for col in columns[: len(_STRING_COLUMNS)]]
    idxs, spaces, puncts, trailing, heads, morph_keys = columns[len(_STRING_COLUMNS) :]
    morphs = []
    for i, key in enumerate(morph_keys):
        morph = _MORPHS.get(key)
        if morph is None:
            morph = _MORPHS[key] = Morph(doc[i].morph)
        morphs.append(morph)
    new = object.__new__
    append = tokens.append
    for i, text, low, pos, tag, dep, lemma, ent, idx, space, punct, ws, head, morph in zip(
        range(len(idxs)), *words, idxs, spaces, puncts, trailing, heads, morphs, strict=True
    ):
        tok = new(Tok)
        tok.text = text
        tok.lower_ = low
        tok.pos_ = pos
        tok.tag_ = tag
        tok.dep_ = dep
        tok.lemma_ = lemma
        tok.ent_type_ = ent
        tok.idx = idx
        tok.is_space = space == 1
        tok.is_punct = punct == 1
        tok.whitespace_ = " " if ws else ""
        tok.head = i + head  # replaced by the token below, once every token exists
        tok.morph = morph
        tok.i = i
        tok._doc = doc
        tok._doc_tokens = tokens
        append(tok)
    for tok in tokens:
        tok.head = tokens[tok.head]
    return tokens


def release_tokens(tokens: TokenList) -> None:
    """Empty the tokens of a document that is done with, breaking the cycles they form
    (heads, navigation, the list every token points at)."""
    for tok in tokens:
        tok.head = None
    for tok in tokens.navigated:
        for name in _NAVIGATION_NAMES:
            setattr(tok, name, None)
    tokens.navigated.clear()
    tokens.clear()
