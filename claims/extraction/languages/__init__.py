"""Language packs: the data the extractor reads for each language it supports."""

from __future__ import annotations

from . import en, fr
from .base import LanguagePack

PACKS: dict[str, LanguagePack] = {pack.code: pack for pack in (fr.PACK, en.PACK)}

__all__ = ["PACKS", "LanguagePack", "pack_for"]


def pack_for(language: str) -> LanguagePack:
    """The pack of ``language`` ("fr", "en"); KeyError for a language without one."""
    return PACKS[language]
