"""The editors' dashboard (issue 14, part 2): what came in, what was decided, what waits.

Reads are claims.dashboard's (a fixed number of GROUP BY queries); the charts' geometry is
claims.charts'; the templates draw them as SVG with their numbers in a table beside them.
"""

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET

from articles.models import Language, Outlet
from claims import charts, dashboard
from claims.extractor_quality import extractor_quality
from claims.permissions import is_editor

# Longer periods than this would draw thousands of weekly columns: refused in words.
MAX_DAYS = 5 * 366

BACKLOG_LABELS = {
    "day": gettext_lazy("Less than a day"),
    "3days": gettext_lazy("1 to 3 days"),
    "week": gettext_lazy("3 to 7 days"),
    "2weeks": gettext_lazy("1 to 2 weeks"),
    "4weeks": gettext_lazy("2 to 4 weeks"),
    "longer": gettext_lazy("More than 4 weeks"),
}
VERDICT_WAIT_LABELS = {
    "day": gettext_lazy("Same day (under 24 hours)"),
    "3days": gettext_lazy("1 to 3 days"),
    "week": gettext_lazy("3 to 7 days"),
    "2weeks": gettext_lazy("1 to 2 weeks"),
    "month": gettext_lazy("2 weeks to a month"),
    "longer": gettext_lazy("More than a month"),
}


class DateInput(forms.DateInput):
    input_type = "date"


class DashboardFilterForm(forms.Form):
    """?since=YYYY-MM-DD&until=YYYY-MM-DD&language=fr&outlet=3, every part optional."""

    date_error = gettext_lazy(
        "“%(value)s” is not a date the dashboard can read: write it as year-month-day, "
        "for example 2026-03-01."
    )
    since = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=DateInput(format="%Y-%m-%d"),
    )
    until = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=DateInput(format="%Y-%m-%d"),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("All languages")), *Language.choices],
    )
    outlet = forms.TypedChoiceField(
        label=gettext_lazy("Outlet"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, outlets: list[Outlet], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].choices = [("", gettext("All outlets"))] + [
            (o.pk, o.name) for o in outlets
        ]
        for name in ("since", "until"):  # the message quotes what was typed
            value = self.data.get(name, "") if self.is_bound else ""
            self.fields[name].error_messages["invalid"] = self.date_error % {"value": value}

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            raise forms.ValidationError(
                gettext("The start date (%(since)s) is after the end date (%(until)s).")
                % {"since": since.isoformat(), "until": until.isoformat()}
            )
        if since and until and (until - since).days > MAX_DAYS:
            raise forms.ValidationError(gettext("Choose a period of at most five years."))
        return data

    def period(self, today: dt.date) -> dashboard.Period:
        """The period asked for, the missing ends filled in (the last 12 weeks by default);
        an invalid form gives the default period, with its language and outlet if valid."""
        data = self.cleaned_data if self.is_bound else {}
        filters = {
            "language": data.get("language") or "",
            "outlet_id": data.get("outlet") or None,
        }
        default = dashboard.Period.default(today, **filters)
        if self.errors:
            return default
        until = data.get("until") or max(today, data.get("since") or today)
        since = data.get("since") or (
            dashboard.Period.default(until).since if data.get("until") else default.since
        )
        if (until - since).days > MAX_DAYS:
            since = until - dt.timedelta(days=MAX_DAYS)
        return dashboard.Period(since, until, **filters)


def _column_label(day: dt.date, *, by_month: bool) -> str:
    return formats.date_format(day, "M Y" if by_month else "j M")


def _weekly_chart(weekly: dashboard.Weekly, *, chart_id: str, title: str, description: str):
    return charts.stacked_columns(
        [_column_label(w, by_month=weekly.by_month) for w in weekly.weeks],
        weekly.series,
        value_label=_count,
        chart_id=chart_id,
        title=title,
        description=description,
        other=weekly.other,
    )


def _summary(weekly: dashboard.Weekly, what: str) -> str:
    """The chart in a sentence, for its aria description."""
    if not weekly.total:
        return gettext("No %(what)s in this period.") % {"what": what}
    totals = [sum(col) for col in zip(*(values for _, values in weekly.series), strict=True)]
    busiest = max(range(len(totals)), key=lambda i: totals[i])
    return gettext(
        "%(total)s %(what)s over %(weeks)s weeks; the most in the week of %(week)s (%(count)s)."
    ) % {
        "total": weekly.total,
        "what": what,
        "weeks": len(weekly.weeks),
        "week": formats.date_format(weekly.weeks[busiest], "j F Y"),
        "count": totals[busiest],
    }


def _filter_summary(period: dashboard.Period, outlets: list[Outlet]) -> str:
    """ "in French, in Le Courrier du Littoral": what the filter keeps, in words."""
    parts = []
    if period.language:
        parts.append(str(dict(Language.choices).get(period.language, period.language)))
    if period.outlet_id:
        parts.extend(o.name for o in outlets if o.pk == period.outlet_id)
    return ", ".join(parts)


def _count(value: float) -> str:
    return formats.number_format(value, 0, force_grouping=True)


def _panel(
    items: list[tuple[str, float]],
    *,
    headings: list[str],
    extra: list[list[str]] | None = None,
    **options,
) -> dict:
    """A bar chart and its table (claims/charts/_hbars.html): label, count, extra cells."""
    chart = charts.hbar_chart(items, value_label=_count, **options)
    rows = [[bar.label, bar.value_label] for bar in chart.bars]
    for row, cells in zip(rows, extra or [[] for _ in rows], strict=True):
        row.extend(cells)
    return {"chart": chart, "headings": headings, "rows": rows}


def _days(value: float | None) -> str:
    if value is None:
        return "—"
    return gettext("%(days)s days") % {"days": formats.number_format(round(value, 1), 1)}


@require_GET
@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """Editors only; a journalist is told so (403) rather than shown an empty page."""
    if not is_editor(request.user):
        return render(
            request,
            "claims/review/dashboard_forbidden.html",
            {"message": gettext("The dashboard is for editors.")},
            status=403,
        )
    today = timezone.localdate()
    outlets = list(Outlet.objects.only("id", "name").order_by("name"))
    form = DashboardFilterForm(request.GET or None, outlets=outlets)
    if form.is_bound:
        form.is_valid()
    period = form.period(today)
    labels = {
        "other": gettext("Other outlets"),
        "no_outlet": gettext("No outlet"),
        "no_language": gettext("Language not identified"),
        "no_appearance": gettext("No appearance yet"),
    }
    counted_at = dashboard.mention_weeks_counted_at()
    weeks = dashboard.mention_weeks(period, labels=labels)
    new_claims, verdicts = dashboard.claim_counts(period, labels=labels)
    new_claims_by_outlet = dashboard.claim_outlet_weeks(
        period, labels=labels, outlet_names={o.pk: o.name for o in outlets}
    )
    waits = dashboard.time_to_verdict(period)
    backlog = dashboard.review_backlog(period)
    alerts = dashboard.open_alerts(period)
    # The extractor's live figures over the reviewed articles of the same period and outlet
    # (per language in their own table, so the language filter does not narrow them).
    quality = extractor_quality(since=period.since, until=period.until, outlet=period.outlet_id)

    mentions_word = gettext("mentions")
    weekly_charts = [
        _weekly_chart(
            weeks["outlet"],
            chart_id="mentions-by-outlet",
            title=gettext("Mentions per month, by outlet")
            if period.by_month
            else gettext("Mentions per week, by outlet"),
            description=_summary(weeks["outlet"], mentions_word),
        ),
        _weekly_chart(
            weeks["language"],
            chart_id="mentions-by-language",
            title=gettext("Mentions per month, by language")
            if period.by_month
            else gettext("Mentions per week, by language"),
            description=_summary(weeks["language"], mentions_word),
        ),
        _weekly_chart(
            weeks["stance"],
            chart_id="mentions-by-stance",
            title=gettext("Mentions per month, by stance")
            if period.by_month
            else gettext("Mentions per week, by stance"),
            description=_summary(weeks["stance"], mentions_word),
        ),
        _weekly_chart(
            new_claims,
            chart_id="claims-by-language",
            title=gettext("New claims per month, by language")
            if period.by_month
            else gettext("New claims per week, by language"),
            description=_summary(new_claims, gettext("new claims")),
        ),
        _weekly_chart(
            new_claims_by_outlet,
            chart_id="claims-by-outlet",
            title=gettext("New claims per month, by outlet of first appearance")
            if period.by_month
            else gettext("New claims per week, by outlet of first appearance"),
            description=_summary(new_claims_by_outlet, gettext("new claims")),
        ),
    ]
    no_verdict = gettext("No verdict yet")
    claims_word, count_word = gettext("Claims"), gettext("Number")
    verdict_panel = _panel(
        [(row.rating.display_label if row.rating else no_verdict, row.claims) for row in verdicts],
        chart_id="verdicts",
        title=gettext("Claims by verdict"),
        muted=[no_verdict],
        headings=[gettext("Verdict"), claims_word, gettext("Of which published")],
        extra=[[_count(row.published)] for row in verdicts],
    )
    wait_panel = _panel(
        [(str(VERDICT_WAIT_LABELS[key]), n) for key, n in waits.buckets],
        chart_id="time-to-verdict",
        title=gettext("Time from first appearance to verdict"),
        headings=[gettext("Time to verdict"), claims_word],
    )
    backlog_panel = _panel(
        [(str(BACKLOG_LABELS[key]), n) for key, n in backlog.buckets],
        chart_id="backlog-age",
        title=gettext("Review backlog by age"),
        headings=[gettext("Waiting for"), gettext("Mentions")],
    )
    alert_panel = _panel(
        [(label, n) for _, label, n in alerts],
        chart_id="open-alerts",
        title=gettext("Open alerts by kind"),
        headings=[gettext("Kind of alert"), count_word],
    )
    return render(
        request,
        "claims/review/dashboard.html",
        {
            "form": form,
            "period": period,
            "quality": quality,
            "mentions_counted_at": counted_at,
            "rollup_minutes": int(dashboard.ROLLUP_MAX_AGE.total_seconds() // 60),
            "filtered": _filter_summary(period, outlets),
            "presets": {
                "year": (today - dt.timedelta(days=365)).isoformat(),
                "two_years": (today - dt.timedelta(days=730)).isoformat(),
            },
            "weekly_charts": weekly_charts,
            "category_heading": gettext("Month") if period.by_month else gettext("Week of"),
            "verdict_panel": verdict_panel,
            "waits": waits,
            "median_wait": _days(waits.median_days),
            "wait_panel": wait_panel,
            "backlog": backlog,
            "backlog_panel": backlog_panel,
            "alerts_open": sum(n for _, _, n in alerts),
            "alert_panel": alert_panel,
        },
    )
