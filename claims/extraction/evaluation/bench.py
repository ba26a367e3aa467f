"""Throughput of extract_batch against raw ``nlp.pipe`` on the same texts.

    python -m claims.extraction.evaluation.bench [--language fr|en] [--repeat N] [FILE ...]

Without files it uses synthetic wire copy written for this benchmark.
"""

from __future__ import annotations

import argparse
import time

from .. import extract_batch, model_name, nlp_for
from ..text import normalize

BATCH_SIZE = 32  # extract_batch's default

SYNTHETIC = {
    "fr": [
        "« Nous ne céderons pas sur ce point », a déclaré jeudi le ministre de l'Agriculture, "
        "Paul Verdier, devant les éleveurs réunis à Rennes. « Les contrôles seront renforcés », "
        "a-t-il ajouté.",
        "Selon la préfecture, plus de 3 000 personnes ont manifesté samedi dans le centre-ville.",
        "Le quotidien La Voix du Nord, citant deux sources syndicales, rapporte que l'usine "
        "pourrait fermer d'ici la fin de l'année. La direction a démenti ces informations.",
        "La société n'a pas souhaité faire de commentaire. L'AFP n'a pas pu vérifier ces "
        "chiffres de manière indépendante.",
        "Une source proche du dossier a indiqué que les négociations reprendraient lundi, "
        "affirmant que les deux parties étaient « proches d'un accord ».",
    ],
    "en": [
        '"We will not back down on this," Agriculture Minister Paul Verdin told farmers in '
        'Leeds on Thursday. "Inspections will be stepped up," he added.',
        "According to the police, more than 3,000 people marched in the city centre on Saturday.",
        "The Northern Echo, citing two union sources, reported that the plant could close by "
        "the end of the year. The management denied the reports.",
        "The company declined to comment. Reuters could not independently verify the figures.",
        "A source close to the talks said negotiations would resume on Monday, adding that both "
        'sides were "close to a deal".',
    ],
}


def _texts(language: str, files: list[str], repeat: int) -> list[str]:
    if files:
        base = []
        for path in files:
            with open(path, encoding="utf-8") as fh:
                base.append(fh.read())
    else:
        paragraphs = SYNTHETIC[language]
        # articles of ~10 paragraphs each, rotated so that they differ
        base = [
            "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(10))
            for i in range(len(paragraphs))
        ]
    return [t for _ in range(repeat) for t in base]


def run(language: str, texts: list[str], rounds: int = 3) -> dict[str, float]:
    nlp = nlp_for(language)
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(normalize(t) for t in texts[:2]))  # warm-up
    extract_batch(texts[:2], language)
    # The texts go by slices of one batch: each slice is parsed raw, then extracted right
    # after, so that the load of other processes falls on both alike; per round the times
    # add up, and the best of the rounds is kept. Wall-clock seconds make the figures, and
    # the seconds of CPU this process used are given too (steadier on a shared machine).
    slices = [texts[k : k + BATCH_SIZE] for k in range(0, len(texts), BATCH_SIZE)]
    raw = ours = raw_cpu = ours_cpu = float("inf")
    for _ in range(rounds):
        wall = [0.0, 0.0]
        cpu = [0.0, 0.0]
        for part in slices:
            start, start_cpu = time.perf_counter(), time.process_time()
            for _doc in nlp.pipe(part, batch_size=BATCH_SIZE):
                pass
            mid, mid_cpu = time.perf_counter(), time.process_time()
            extract_batch(part, language, batch_size=BATCH_SIZE)
            end, end_cpu = time.perf_counter(), time.process_time()
            wall[0] += mid - start
            wall[1] += end - mid
            cpu[0] += mid_cpu - start_cpu
            cpu[1] += end_cpu - mid_cpu
        raw, ours = min(raw, wall[0]), min(ours, wall[1])
        raw_cpu, ours_cpu = min(raw_cpu, cpu[0]), min(ours_cpu, cpu[1])
    return {
        "words": words,
        "raw_wps": words / raw,
        "extract_wps": words / ours,
        "ratio": raw / ours,
        "raw_cpu_wps": words / raw_cpu,
        "extract_cpu_wps": words / ours_cpu,
        "cpu_ratio": raw_cpu / ours_cpu,
    }


def pathological(kilobytes: int = 100) -> dict[str, float]:
    """Seconds to extract lines of 10,000 « then 10,000 ” (no space), about `kilobytes` KB."""
    line = "«" * 10_000 + "”" * 10_000
    text = "\n".join([line] * max(1, round(kilobytes * 1000 / len(line.encode()))))
    nlp_for("fr")
    start = time.perf_counter()
    extract_batch([text], "fr")
    return {"kilobytes": len(text.encode()) / 1000, "seconds": time.perf_counter() - start}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--language", choices=("fr", "en"), action="append")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    for language in args.language or ["fr", "en"]:
        result = run(language, _texts(language, args.files, args.repeat))
        print(
            f"{language} ({model_name(language)}): {result['words']:.0f} words  "
            f"raw nlp.pipe {result['raw_wps']:.0f} w/s  "
            f"extract_batch {result['extract_wps']:.0f} w/s  ratio {result['ratio']:.2f}  "
            f"(CPU time: raw {result['raw_cpu_wps']:.0f} w/s, extract_batch "
            f"{result['extract_cpu_wps']:.0f} w/s, ratio {result['cpu_ratio']:.2f})"
        )
    if not args.files:
        result = pathological()
        print(
            f"pathological: {result['kilobytes']:.0f} KB of «…” runs without spaces "
            f"extracted in {result['seconds']:.1f} s"
        )


if __name__ == "__main__":
    main()
