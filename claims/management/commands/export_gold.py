"""Write the newsroom's reviewed articles as gold annotations (the format of ../shared/eval).

    manage.py export_gold [--since DATE] [--until DATE] [--outlet NAME] [--scored-only]
                          --out FILE.jsonl

Then `manage.py evaluate_extraction FILE.jsonl` scores the extractor on them (the figures
the dashboard shows, claims.extractor_quality) and `--against FILE.jsonl` scores the file
against itself (F1 1.00). What "reviewed" means and what the gold claims are: claims.gold.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.gold import gold_docs, known_outlets, misplaced_by_find, outlet_named, reviewed_articles


def _date(value: str, option: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            _("%(option)s: “%(value)s” is not a date. Write it as YYYY-MM-DD, e.g. 2024-03-31.")
            % {"option": option, "value": value}
        ) from None


class Command(BaseCommand):
    help = (
        "Write reviewed articles (every statement decided, at least one decision recorded) "
        "as a gold corpus for evaluate_extraction: the statements the newsroom accepted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, metavar="FILE.jsonl")
        parser.add_argument("--since", metavar="DATE", help="Articles dated from this day.")
        parser.add_argument("--until", metavar="DATE", help="Articles dated up to this day.")
        parser.add_argument("--outlet", metavar="NAME", help="Articles of this outlet only.")
        parser.add_argument(
            "--scored-only",
            action="store_true",
            help="Leave out the articles the dashboard does not score (an original prediction "
            "unknown): then evaluate_extraction gives exactly the dashboard's figures.",
        )

    def handle(self, *args, **options):
        since = _date(options["since"], "--since") if options["since"] else None
        until = _date(options["until"], "--until") if options["until"] else None
        if since and until and since > until:
            raise CommandError(_("--since is after --until: no article can be in between."))
        outlet = None
        if options["outlet"] is not None:
            outlet = outlet_named(options["outlet"])
            if outlet is None:
                names = known_outlets()
                raise CommandError(
                    _("No outlet is named “%(name)s”. Known outlets: %(known)s.")
                    % {"name": options["outlet"], "known": ", ".join(names) or _("none yet")}
                )
        path = options["out"]
        articles = reviewed_articles(since=since, until=until, outlet=outlet)
        written = claims = unscored = misplaced = 0
        # Into a temporary file beside the target, renamed at the end: a failed export never
        # leaves half a file, nor destroys an earlier export of the same name.
        folder = os.path.dirname(os.path.abspath(path))
        try:
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".export_gold-", suffix=".tmp")
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
            ) from exc
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                for doc, scored in gold_docs(articles):
                    if not scored:
                        unscored += 1
                        if options["scored_only"]:
                            continue
                    out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    written += 1
                    claims += len(doc["claims"])
                    misplaced += misplaced_by_find(doc)
            os.replace(temporary, path)
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
            ) from exc
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        self.stdout.write(
            _("Wrote %(articles)s and %(claims)s to %(path)s.")
            % {
                "articles": ngettext("%d reviewed article", "%d reviewed articles", written)
                % written,
                "claims": ngettext("%d claim", "%d claims", claims) % claims,
                "path": path,
            }
        )
        if unscored:
            why = _(
                "some original prediction of the extractor is unknown (corrected before "
                "predictions were kept, or the text changed since extraction)"
            )
            if options["scored_only"]:
                text = _("%(count)d reviewed articles left out, as the dashboard does: %(why)s.")
            else:
                text = _(
                    "%(count)d of them are not scored by the dashboard (--scored-only leaves "
                    "them out): %(why)s."
                )
            self.stdout.write(text % {"count": unscored, "why": why})
        if misplaced:
            self.stdout.write(
                _(
                    "%(count)d claims have their words earlier in the text too: each claim "
                    "has its true start/end, which evaluate_extraction uses; the reference "
                    "scorer eval/score.py looks spans up with text.find(content) and would "
                    "place these elsewhere."
                )
                % {"count": misplaced}
            )
