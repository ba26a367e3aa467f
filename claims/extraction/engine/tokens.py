"""Tokens read once: a plain-Python copy of each spaCy ``Token`` the rules look at.

spaCy builds every string attribute anew on each access (``tok.pos_`` looks the symbol up
again, ``tok.morph.get`` parses the morphology string), and the rules read the same few
attributes of the same tokens many times. The document's columns are read at once with
``Doc.to_array``; :class:`Tok` holds the attributes most tokens are read for as plain
attributes, reads the few others from the columns, and any other one from spaCy on first
use, kept. Navigation (``head``, ``children``, edges,
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

# the columns read_tokens takes from Doc.to_array: (attribute, spaCy attribute, kind), kind
# "str" for a string (a hash or symbol id), "bool", "int", "space" (the trailing space),
# "head" (the head's offset) and "morph" (the key of the analysis)
_COLUMN_SPECS = (
    ("text", ORTH, "str"),
    ("lower_", LOWER, "str"),
    ("pos_", POS, "str"),
    ("tag_", TAG, "str"),
    ("dep_", DEP, "str"),
    ("lemma_", LEMMA, "str"),
    ("ent_type_", ENT_TYPE, "str"),
    ("idx", IDX, "int"),
    ("is_space", IS_SPACE, "bool"),
    ("is_punct", IS_PUNCT, "bool"),
    ("whitespace_", SPACY, "space"),
    ("head", HEAD, "head"),
    ("morph", MORPH, "morph"),
)
_COLUMNS = [attr for _, attr, _ in _COLUMN_SPECS]
_COLUMN_OF = {name: (n, kind) for n, (name, _, kind) in enumerate(_COLUMN_SPECS)}
_HEAD = _COLUMN_OF["head"][0]
_MORPH = _COLUMN_OF["morph"][0]


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
# set by read_tokens for every token (the rules read them many times a token); the other
# attributes of _COLUMN_SPECS are read from the document's columns on each use (a few
# tokens in ten read them at all)
_EAGER = ("text", "lower_", "pos_", "is_space", "is_punct", "idx", "whitespace_", "i")


def _string_column(name: str) -> property:
    n = _COLUMN_OF[name][0]

    def read(tok: Tok) -> str:
        return _STRINGS[tok._doc_tokens.columns[n][tok.i]]

    return property(read, doc=f"The token's {name} (read from its column).")


class Tok:
    """One token of the document, its attributes read once (see the module docstring)."""

    # the attributes read_tokens sets, the navigation read on first use (release_tokens
    # empties it: tokens pointing at tokens), and a dict for any other attribute, read from
    # spaCy on first use
    __slots__ = _EAGER + ("_doc_tokens",) + _NAVIGATION_NAMES + ("__dict__",)

    tag_ = _string_column("tag_")
    dep_ = _string_column("dep_")
    lemma_ = _string_column("lemma_")
    ent_type_ = _string_column("ent_type_")

    @property
    def head(self) -> Tok:
        tokens = self._doc_tokens
        return tokens[self.i + tokens.columns[_HEAD][self.i]]

    @property
    def morph(self) -> Morph:
        key = self._doc_tokens.columns[_MORPH][self.i]
        morph = _MORPHS.get(key)
        if morph is None:
            morph = _MORPHS[key] = Morph(self._token.morph)
        return morph

    @property
    def _token(self) -> Token:
        return self._doc_tokens.doc[self.i]

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
    """The tokens of a document, its columns (one list per entry of _COLUMN_SPECS, raw
    values), and the tokens that point at others (see release_tokens)."""

    def __init__(self, doc: Doc, columns: list[list[int]]):
        super().__init__()
        self.doc = doc
        self.columns = columns
        self.navigated: list[Tok] = []

    def column(self, name: str) -> list:
        """The values of attribute ``name`` for every token, as Tok gives them."""
        n, kind = _COLUMN_OF[name]
        raw = self.columns[n]
        if kind == "str":
            return list(map(_STRINGS.__getitem__, raw))
        if kind == "bool":
            return [v == 1 for v in raw]
        if kind == "space":
            return [" " if v else "" for v in raw]
        if kind == "int":
            return raw
        raise ValueError(name)


def _wrap(tok: Tok, tokens) -> tuple[Tok, ...]:
    doc_tokens = tok._doc_tokens
    return tuple(doc_tokens[t.i] for t in tokens)


def read_tokens(doc: Doc) -> TokenList:
    """The tokens of ``doc``, their columns read in one pass."""
    if not len(doc):
        return TokenList(doc, [[] for _ in _COLUMN_SPECS])
    _STRINGS.store = doc.vocab.strings
    tokens = TokenList(doc, doc.to_array(_COLUMNS).astype("int64").T.tolist())
    texts, lowers, poses, trailing = (
        tokens.column(name) for name in ("text", "lower_", "pos_", "whitespace_")
    )
    spaces, puncts, idxs = (
        tokens.columns[_COLUMN_OF[name][0]] for name in ("is_space", "is_punct", "idx")
    )
    new = object.__new__
    append = tokens.append
    for i, text, low, pos, space, punct, idx, ws in zip(
        range(len(texts)), texts, lowers, poses, spaces, puncts, idxs, trailing, strict=True
    ):
        tok = new(Tok)
        tok.text = text
        tok.lower_ = low
        tok.pos_ = pos
        tok.is_space = space == 1
        tok.is_punct = punct == 1
        tok.idx = idx
        tok.whitespace_ = ws
        tok.i = i
        tok._doc_tokens = tokens
        append(tok)
    return tokens


def release_tokens(tokens: TokenList) -> None:
    """Empty the tokens of a document that is done with, breaking the cycles they form
    (navigation, the list every token points at)."""
    for tok in tokens.navigated:
        for name in _NAVIGATION_NAMES:
            setattr(tok, name, None)
    tokens.navigated.clear()
    tokens.clear()
