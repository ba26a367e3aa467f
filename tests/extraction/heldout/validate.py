"""Check the held-out corpus: shape, allowed values, and that every content is in the text.

Run: .venv/bin/python tests/extraction/heldout/validate.py [path.jsonl]
"""

import json
import sys
from pathlib import Path

SPEAKER_TYPES = {"person", "organization", "publication", "anonymous", "government", "group"}
QUOTE_TYPES = {"direct", "indirect"}
STANCES = {"asserts", "denies", "declines_comment", "cannot_verify"}
ARTICLE_KEYS = {"id", "language", "title", "outlet", "published", "text", "claims"}
CLAIM_KEYS = {"speaker", "speaker_type", "cue", "content", "quote_type", "stance", "via"}


def problems(path: Path) -> list[str]:
    found: list[str] = []
    ids: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        art = json.loads(line)
        where = art.get("id", f"line {n}")
        if set(art) != ARTICLE_KEYS:
            found.append(f"{where}: keys {sorted(set(art) ^ ARTICLE_KEYS)}")
        if where in ids:
            found.append(f"{where}: duplicate id")
        ids.add(where)
        if art["language"] not in {"fr", "en"}:
            found.append(f"{where}: language {art['language']!r}")
        text = art["text"]
        for i, claim in enumerate(art["claims"]):
            tag = f"{where} claim {i}"
            if set(claim) != CLAIM_KEYS:
                found.append(f"{tag}: keys {sorted(set(claim) ^ CLAIM_KEYS)}")
            if not claim["speaker"] or not all(isinstance(s, str) and s for s in claim["speaker"]):
                found.append(f"{tag}: empty speaker")
            if claim["speaker_type"] not in SPEAKER_TYPES:
                found.append(f"{tag}: speaker_type {claim['speaker_type']!r}")
            if claim["quote_type"] not in QUOTE_TYPES:
                found.append(f"{tag}: quote_type {claim['quote_type']!r}")
            if claim["stance"] not in STANCES:
                found.append(f"{tag}: stance {claim['stance']!r}")
            if not isinstance(claim["via"], list):
                found.append(f"{tag}: via is not a list")
            content = claim["content"]
            if content not in text:
                found.append(f"{tag}: content not in text: {content[:60]!r}")
            elif content != content.strip() or content.endswith((".", ",")):
                found.append(f"{tag}: content has stray edges: {content[-20:]!r}")
    return found


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("heldout.jsonl")
    issues = problems(target)
    print("\n".join(issues) or f"{target}: ok")
    sys.exit(1 if issues else 0)
