"""The extractor's tokens (engine/tokens.py) read the same values as spaCy's own."""

import pytest

from claims.extraction import nlp_for
from claims.extraction.engine.tokens import Tok, read_tokens

SENTENCES = {
    "fr": "« Les essais reprendront lundi », a déclaré mardi la directrice, Inès Morvan.\n\n"
    "Selon  l'agence, 2 300 colis n'ont pas été livrés.",
    "en": '"Trials will resume on Monday," director Ines Morvan said on Tuesday.\n\n'
    "According to the agency, 2,300 parcels weren't delivered.",
}
ATTRIBUTES = (
    "text", "lower_", "pos_", "tag_", "dep_", "lemma_", "ent_type_", "idx", "i", "is_space",
    "is_punct", "whitespace_", "like_num", "is_alpha", "ent_iob_",
)  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_tokens_hold_spacy_attributes_and_navigation(lang):
    doc = nlp_for(lang)(SENTENCES[lang])
    toks = read_tokens(doc)
    assert len(toks) == len(doc)
    for tok, ref in zip(toks, doc, strict=True):
        for name in ATTRIBUTES:
            assert getattr(tok, name) == getattr(ref, name), (ref.text, name)
        assert tok.head is toks[ref.head.i]
        assert [c.i for c in tok.children] == [c.i for c in ref.children]
        assert all(isinstance(c, Tok) for c in tok.children)
        assert tok.left_edge is toks[ref.left_edge.i]
        assert tok.right_edge is toks[ref.right_edge.i]
        assert [t.i for t in tok.subtree] == [t.i for t in ref.subtree]
        for field in ("VerbForm", "Gender", "Number", "Poss"):
            assert tok.morph.get(field) == ref.morph.get(field)
            assert tok.morph.get(field) == ref.morph.get(field)  # read again: the kept value
        assert str(tok) == ref.text and len(tok) == len(ref)


def test_tokens_never_hand_out_spacy_objects():
    toks = read_tokens(nlp_for("en")("The agency said so."))
    with pytest.raises(TypeError):
        toks[1].sent  # noqa: B018 - a spaCy Span: the rules must not mix it with Toks
    with pytest.raises(AttributeError):
        toks[1].no_such_attribute  # noqa: B018
    assert read_tokens(nlp_for("en")("")) == []


def test_a_caseless_screen_finds_every_span_its_ignorecase_literal_finds():
    import re

    from claims.extraction.engine.common import caseless_screen

    screen = re.compile(re.escape("refusé"), re.IGNORECASE)
    fast = caseless_screen(screen)
    assert not fast.flags & re.IGNORECASE
    # "ſ" (long s) matches "s" under IGNORECASE: the classes keep it
    for text in ("A REFUSÉ", "a Refusé de", "refuse", "reſusé", "refu sé", "xrefuséx", "RÉFUSÉ"):
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                assert bool(fast.search(text, a, b)) == bool(screen.search(text, a, b)), text
    assert caseless_screen(None) is None
    plain = re.compile("pas")  # without IGNORECASE: kept as it is
    assert caseless_screen(plain) is plain


def test_a_caseless_screen_prefilter_names_the_characters_that_need_re():
    import re

    from claims.extraction.engine.common import caseless_screen, screen_prefilter

    fast = caseless_screen(re.compile(re.escape("joint"), re.IGNORECASE))
    literal, exotic = screen_prefilter(fast)
    assert literal == "joint"
    # "İ" lowers to two characters and "ı" to itself: a text holding them goes to re
    assert {"İ", "ı"} <= exotic and "I" not in exotic
    assert fast.search("JOİNT") and "joint" not in "JOİNT".lower()


def test_sentences_holding_a_literal_count_overlapping_occurrences():
    import re

    from claims.extraction.runner import DocExtractor

    class View:  # what _holds_literal reads of a document
        text = "Paa aab ab"  # the second "sentence" starts inside the first "aa"
        _literal_sentences: dict = {}
        _sent_chars = ([0, 2, 8], [2, 7, 10])
        _lower_text = None
        _text_chars: set = set()
        _may_hold = DocExtractor._may_hold
        _sentence_chars = DocExtractor._sentence_chars

    view = View()
    screen = re.compile("[Aa][Aa]")  # "aaa" holds it twice, overlapping
    held = [DocExtractor._holds_literal(view, screen, si) for si in range(3)]
    spans = zip(*View._sent_chars, strict=True)
    assert held == [bool(screen.search(View.text, a, b)) for a, b in spans]
    assert held == [False, True, False]
