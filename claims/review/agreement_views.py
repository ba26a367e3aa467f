"""Newsroom views for annotation agreement (issue 14, part 5).

Editors send a sample of articles to two annotators and read their agreement
(/review/agreement/). Each annotator marks the statements of their articles on their own
(/review/annotate/): an annotator sees only their own assignment — never the extractor's
mentions, never the other annotator's work, never the agreement. An editor who annotates in
a round sees its agreement only once the round is closed. Each view checks this itself;
the services check again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from articles.highlight import highlight_segments
from claims import services
from claims.agreement import annotation_round_agreement
from claims.models import Annotation, AnnotationAssignment, AnnotationRound, Mention, Source
from claims.permissions import is_editor, refusal_text, require
from claims.review.forms import AddMentionForm, AnnotationRoundForm
from claims.review.views import _form_errors, reviewer_required

DISAGREEMENTS_SHOWN = 50
FIELD_LABELS = {
    "speaker": gettext_lazy("Speaker"),
    "speaker_type": gettext_lazy("Speaker type"),
    "cue": gettext_lazy("Cue"),
    "quote_type": gettext_lazy("Quote type"),
    "stance": gettext_lazy("Stance"),
    "via": gettext_lazy("Relayed by"),
}


def _shown(name: str, value) -> str:
    """A field's value in the interface language."""
    if name == "via":
        return " → ".join(value or ())
    choices = {
        "speaker_type": Source.Kind,
        "quote_type": Mention.QuoteType,
        "stance": Mention.Stance,
    }.get(name)
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    return value or ""


def _agreement_labels(agreement, shown: list) -> None:
    """Words for the page: field labels, and the shown disagreements' fields side by side."""
    for row in agreement.overall.fields:
        row.label = FIELD_LABELS[row.name]
    for item in shown:
        item.rows = [
            {
                "label": FIELD_LABELS[name],
                "a": _shown(name, getattr(item.a, name)) if item.a else "",
                "b": _shown(name, getattr(item.b, name)) if item.b else "",
                "differs": name in item.differs,
            }
            for name in FIELD_LABELS
        ]


def _editor_required(request: HttpRequest) -> None:
    require(is_editor(request.user), gettext("Annotation rounds are run by editors."))


def may_see_agreement(user, round: AnnotationRound) -> bool:
    """Editors see a round's agreement, except an editor annotating in it while it is open:
    seeing the other annotator's work would end the independence it measures."""
    if not is_editor(user):
        return False
    return round.is_closed or user.pk not in (round.annotator_a_id, round.annotator_b_id)


# --- Editors ----------------------------------------------------------------------------------


def _rounds_page(request: HttpRequest, form: AnnotationRoundForm, error: str = "", status=200):
    rounds = AnnotationRound.objects.with_progress().select_related(
        "annotator_a", "annotator_b", "created_by"
    )[:100]
    return render(
        request,
        "claims/review/agreement/rounds.html",
        {"rounds": rounds, "form": form, "error": error},
        status=status,
    )


@require_GET
@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    """The rounds, newest first, with their progress; the form of a new round."""
    _editor_required(request)
    return _rounds_page(request, AnnotationRoundForm())


@require_POST
@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    _editor_required(request)
    form = AnnotationRoundForm(request.POST)
    if not form.is_valid():  # the page again, with what was typed and what is wrong
        return _rounds_page(request, form, _form_errors(form), status=400)
    data = form.cleaned_data
    try:
        round = services.annotation_round_create(
            name=data["name"],
            by=request.user,
            annotator_a=data["annotator_a"],
            annotator_b=data["annotator_b"],
            size=data["size"],
            article_ids=data["article_ids"] or None,
            language=data["language"],
            outlet_id=data["outlet"].pk if data["outlet"] else None,
            published_from=data["published_from"],
            published_to=data["published_to"],
        )
    except (ValidationError, PermissionDenied) as refusal:
        return _rounds_page(request, form, refusal_text(refusal), status=400)
    count = round.articles.count()
    messages.success(
        request,
        ngettext(
            "Round created: %(count)s article sent to %(a)s and %(b)s.",
            "Round created: %(count)s articles sent to %(a)s and %(b)s.",
            count,
        )
        % {
            "count": count,
            "a": round.annotator_a.get_username(),
            "b": round.annotator_b.get_username(),
        },
    )
    return redirect(round.get_absolute_url())


@require_GET
@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress per annotator and per article; the agreement of the finished articles."""
    _editor_required(request)
    round = get_object_or_404(
        AnnotationRound.objects.select_related("annotator_a", "annotator_b", "created_by"), pk=pk
    )
    assignments = (
        AnnotationAssignment.objects.filter(round=round)
        .select_related("article__outlet")
        .defer("article__text")
        .annotate(statements=Count("annotations"))
    )
    rows: dict[int, dict] = {}
    progress = {person.pk: {"person": person, "done": 0, "total": 0} for person in round.annotators}
    visible = may_see_agreement(request.user, round)
    for assignment in assignments:
        if not visible and assignment.annotator_id != request.user.pk:
            # An editor annotating in the open round: how many statements the other marked
            # on each article is part of their work (their progress is not).
            assignment.statements = None
        row = rows.setdefault(assignment.article_id, {"article": assignment.article})
        side = "a" if assignment.annotator_id == round.annotator_a_id else "b"
        row[side] = assignment
        progress[assignment.annotator_id]["total"] += 1
        progress[assignment.annotator_id]["done"] += assignment.is_done
    agreement = annotation_round_agreement(round) if visible else None
    by_article, shown, chosen = {}, [], None
    if agreement:
        by_article = {art.article_id: art for art in agreement.articles}
        # One article's disagreements on request (?article=), else the first ones: a page
        # of a thousand side-by-side excerpts is read by nobody.
        wanted = request.GET.get("article", "")
        if wanted.isdigit() and int(wanted) in by_article:
            chosen = int(wanted)
            shown = [d for d in agreement.disagreements if d.article_id == chosen]
        else:
            shown = agreement.disagreements[:DISAGREEMENTS_SHOWN]
        _agreement_labels(agreement, shown)
    for article_id, row in rows.items():
        row["agreement"] = by_article.get(article_id)
    return render(
        request,
        "claims/review/agreement/round.html",
        {
            "round": round,
            "progress": list(progress.values()),
            "rows": sorted(rows.values(), key=lambda r: (r["article"].title, r["article"].pk)),
            "agreement": agreement,
            "disagreements": shown,
            "chosen": chosen,
            "visible": visible,
            "field_labels": FIELD_LABELS,
        },
    )


@require_POST
@login_required
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    _editor_required(request)
    round = get_object_or_404(AnnotationRound, pk=pk)
    services.annotation_round_close(round=round, by=request.user)
    messages.success(request, gettext("Round closed: its annotations are final."))
    return redirect(round.get_absolute_url())


# --- Annotators -------------------------------------------------------------------------------


@require_GET
@reviewer_required
def my_assignments(request: HttpRequest) -> HttpResponse:
    """The articles sent to me to annotate, those to do first."""
    assignments = (
        AnnotationAssignment.objects.filter(annotator=request.user)
        .select_related("round", "article__outlet")
        .defer("article__text")
        .annotate(statements=Count("annotations"))
        .order_by(
            F("round__closed_at").asc(nulls_first=True),  # open rounds first
            "-round__created_at",
            "state",
            "article__title",
            "pk",
        )
    )
    todo = assignments.filter(state=AnnotationAssignment.State.TODO, round__closed_at=None)
    return render(
        request,
        "claims/review/agreement/my_assignments.html",
        {"assignments": assignments[:500], "todo": todo.count()},
    )


def _my_assignment(request: HttpRequest, pk: int) -> AnnotationAssignment:
    """The caller's own assignment, else 404: another annotator's work is not even said to
    exist (editors included: they read annotations through the round's agreement)."""
    return get_object_or_404(
        AnnotationAssignment.objects.select_related("round", "article__outlet"),
        pk=pk,
        annotator_id=request.user.pk,
    )


def _annotate_page(
    request: HttpRequest,
    assignment: AnnotationAssignment,
    *,
    add_form: AddMentionForm | None = None,
    error: str = "",
    editing: int | None = None,
    edit_form: AddMentionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    article = assignment.article
    annotations = list(assignment.annotations.all())
    for number, annotation in enumerate(annotations, start=1):
        annotation.number = number
        annotation.form_key = f"edit-{annotation.pk}"
        if annotation.pk == editing and edit_form is not None:
            annotation.form = edit_form
        else:
            annotation.form = AddMentionForm(
                initial={
                    "words": annotation.content,
                    "speaker": annotation.speaker,
                    "speaker_type": annotation.speaker_type,
                    "cue": annotation.cue,
                    "quote_type": annotation.quote_type,
                    "stance": annotation.stance,
                    "via": "\n".join(annotation.via or []),
                }
            )
    editable = not assignment.is_done and not assignment.round.is_closed
    return render(
        request,
        "claims/review/agreement/annotate.html",
        {
            "assignment": assignment,
            "article": article,
            "annotations": annotations,
            # The article text with my statements only (never the extractor's, never the
            # other annotator's).
            "segments": highlight_segments(article.text, annotations),
            "add_form": add_form or AddMentionForm(),
            "add_error": error if editing is None else "",
            "edit_error": error if editing is not None else "",
            "editing": editing,
            "editable": editable,
        },
        status=status,
    )


@require_GET
@reviewer_required
def annotate(request: HttpRequest, pk: int) -> HttpResponse:
    return _annotate_page(request, _my_assignment(request, pk))


def _annotation_data(form: AddMentionForm) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k != "correction"}


@require_POST
@reviewer_required
def annotation_add(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _my_assignment(request, pk)
    form = AddMentionForm(request.POST)
    if not form.is_valid():
        return _annotate_page(
            request, assignment, add_form=form, error=_form_errors(form), status=400
        )
    try:
        services.annotation_add(assignment=assignment, by=request.user, **_annotation_data(form))
    except (ValidationError, PermissionDenied) as refusal:
        return _annotate_page(
            request, assignment, add_form=form, error=refusal_text(refusal), status=400
        )
    messages.success(request, gettext("Statement added."))
    return redirect(assignment.get_absolute_url())


def _my_annotation(request: HttpRequest, pk: int) -> Annotation:
    return get_object_or_404(
        Annotation.objects.select_related("assignment__round", "assignment__article__outlet"),
        pk=pk,
        assignment__annotator_id=request.user.pk,
    )


@require_POST
@reviewer_required
def annotation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _my_annotation(request, pk)
    assignment = annotation.assignment
    form = AddMentionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.annotation_edit(
                annotation=annotation, by=request.user, **_annotation_data(form)
            )
        except (ValidationError, PermissionDenied) as refusal:
            error = refusal_text(refusal)
    else:
        error = _form_errors(form)
    if error:
        return _annotate_page(
            request, assignment, error=error, editing=annotation.pk, edit_form=form, status=400
        )
    messages.success(request, gettext("Statement saved."))
    return redirect(assignment.get_absolute_url())


@require_POST
@reviewer_required
def annotation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    annotation = _my_annotation(request, pk)
    assignment = annotation.assignment
    try:
        services.annotation_delete(annotation=annotation, by=request.user)
    except (ValidationError, PermissionDenied) as refusal:
        messages.error(request, refusal_text(refusal))
    else:
        messages.success(request, gettext("Statement removed."))
    return redirect(assignment.get_absolute_url())


@require_POST
@reviewer_required
def assignment_done(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _my_assignment(request, pk)
    try:
        services.assignment_finish(assignment=assignment, by=request.user)
    except (ValidationError, PermissionDenied) as refusal:
        messages.error(request, refusal_text(refusal))
        return redirect(assignment.get_absolute_url())
    messages.success(
        request, gettext("Article marked done. You can reopen it until the round is closed.")
    )
    return redirect("review:annotate-list")


@require_POST
@reviewer_required
def assignment_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _my_assignment(request, pk)
    try:
        services.assignment_reopen(assignment=assignment, by=request.user)
    except (ValidationError, PermissionDenied) as refusal:
        messages.error(request, refusal_text(refusal))
    else:
        messages.success(request, gettext("Article reopened: you can change your statements."))
    return redirect(assignment.get_absolute_url())
