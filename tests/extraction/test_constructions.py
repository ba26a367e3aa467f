"""The construction modules: each names the rules it emits and has one entry point."""

import importlib
import pkgutil

import claims.extraction.constructions as constructions
from claims.extraction import extract


def _modules():
    return [
        importlib.import_module(f"{constructions.__name__}.{info.name}")
        for info in pkgutil.iter_modules(constructions.__path__)
    ]


def test_every_construction_has_a_name_its_rules_and_a_find():
    modules = _modules()
    assert len(modules) >= 6
    for module in modules:
        assert module.NAME == module.__name__.rsplit(".", 1)[1]
        assert isinstance(module.RULES, tuple) and module.RULES
        assert callable(module.find)


def test_no_two_constructions_emit_the_same_rule():
    rules = [rule for module in _modules() for rule in module.RULES]
    assert len(rules) == len(set(rules))


def test_claims_carry_a_rule_some_construction_declares():
    declared = {rule for module in _modules() for rule in module.RULES}
    text = (
        '"The ferry will run again next week," harbour master Lena Ortiz said. '
        "The council said that the fares would not change. "
        "According to the operator, two boats are ready. "
        "The mayor declined to comment."
    )
    found = extract(text, "en")
    assert {c.rule for c in found} >= {"direct", "complement", "according_to"}
    assert {c.rule for c in found} <= declared
