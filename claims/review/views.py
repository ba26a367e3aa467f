"""The newsroom's workspace: review extracted mentions, work on claims, tasks, publishing.

Every view checks permissions itself (claims.permissions) before calling a service, and
the services check again. htmx requests get partials back; plain requests a redirect.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article, Language, Outlet
from articles.text_windows import article_window, article_window_query
from claims import matching, published_changes, selectors, services
from claims.alerts import alerts_open, alerts_with_cards
from claims.bulk import ORDERS, BulkForm, QueueFilterForm, mentions_bulk_review
from claims.models import Alert, Claim, Evidence, Mention, PendingChange, Task
from claims.paging import UncountedPage
from claims.permissions import (
    can_assign,
    can_edit_claim,
    can_publish,
    can_review,
    is_editor,
    refusal_text,
    require,
)
from claims.relay import relay_graph
from claims.responses import response_candidates, response_sentence
from claims.review.forms import (
    AcceptMentionForm,
    AddMentionForm,
    ClaimCreateForm,
    ClaimEditForm,
    CommentForm,
    CorrectMentionForm,
    EvidenceForm,
    MergeForm,
    TaskForm,
    UnpublishForm,
    VerdictForm,
)
from claims.similarity import suggest_claims
from claimtrack.text import clean_text

PENDING = [Mention.ReviewState.UNREVIEWED, Mention.ReviewState.CORRECTED]
# The values of ?order= that put the least confident statements first.
BY_CONFIDENCE = ("confidence", "doubtful")


def reviewer_required(view: Callable) -> Callable:
    """Logged in, and a journalist or an editor: everyone else gets 403."""

    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        require(
            can_review(request.user),
            gettext("The newsroom workspace is for journalists and editors."),
        )
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _form_errors(form) -> str:
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


# --- Review queue and article workspace -------------------------------------------------------


@require_GET
@reviewer_required
def queue(request: HttpRequest) -> HttpResponse:
    """Articles that still have mentions waiting for a decision: newest first by default,
    oldest or least confident first on choice, narrowed by the filter form (GET)."""
    form = QueueFilterForm(request.GET or None)
    # ?order=confidence (and the older ?order=doubtful): least confident first.
    asked = request.GET.get("order")
    order = "doubtful" if asked in BY_CONFIDENCE else form.chosen_order()
    articles = selectors.queue_articles(order=order, filters=form.filters())
    page = UncountedPage(articles, request.GET.get("page"), 30)
    selectors.queue_counts_attach(page.object_list)
    return render(
        request,
        "claims/review/queue.html",
        {
            "page_obj": page,
            "form": form,
            "order": order,
            "doubtful_first": order == "doubtful",
            "outlets": [(str(pk), name) for pk, name in Outlet.objects.values_list("pk", "name")],
            "languages": Language.choices,
            "stances": Mention.Stance.choices,
            "orders": ORDERS,
        },
    )


def _mention_context(request: HttpRequest, mentions: list[Mention]) -> dict:
    pending = [m for m in mentions if m.review_state in PENDING]
    suggestions = suggest_claims(pending)
    answers = response_candidates(pending, suggestions)
    matching.matches_attach(mentions)  # the same claim in other articles
    for number, mention in enumerate(mentions, start=1):
        mention.number = getattr(mention, "number", number)
        mention.suggestions = suggestions.get(mention.pk, [])
        mention.answers = answers.get(mention.pk, [])
    return {"mentions": mentions}


@require_GET
@reviewer_required
def article_review(request: HttpRequest, pk: int) -> HttpResponse:
    window = article_window(
        Article.objects.select_related("outlet"),
        pk=pk,
        page=request.GET.get("page"),
        part=request.GET.get("part"),
        mentions=Mention.objects.select_related("source", "claim", "responds_to"),
    )
    by_confidence = request.GET.get("order") in BY_CONFIDENCE
    mentions = window.mentions
    if by_confidence:  # the least confident first; each keeps its number in the text
        mentions = sorted(mentions, key=lambda m: (m.confidence, m.start, m.pk))
    context = _mention_context(request, mentions)
    undo = [int(n) for n in request.GET.get("undo", "").split(",") if n.isdigit()][:500]
    context.update(
        undo=undo,
        reasons=Mention.RejectionReason.choices,
        article=window.article,
        window=window,
        segments=window.segments,
        pending=window.pending,
        add_form=AddMentionForm(),  # a statement the extractor missed (selection_views)
        by_confidence=by_confidence,
    )
    return render(request, "claims/review/article.html", context)


def _mention_response(request: HttpRequest, mention: Mention, error: str = "") -> HttpResponse:
    if not request.headers.get("HX-Request"):
        if error:
            messages.error(request, error)
        url = reverse("review:article", args=[mention.article_id])
        return redirect(url + article_window_query(mention))
    mention = (
        Mention.objects.select_related("source", "claim", "responds_to", "article__outlet")
        .defer("article__text")  # a long article's text is megabytes the card never shows
        .get(pk=mention.pk)
    )
    mention.number = request.POST.get("number") or ""
    suggestions = suggest_claims([mention])
    mention.suggestions = suggestions.get(mention.pk, [])
    matching.matches_attach([mention])
    if mention.review_state in PENDING:
        mention.answers = response_candidates([mention], suggestions).get(mention.pk, [])
    return render(request, "claims/review/_mention_card.html", {"mention": mention, "error": error})


@require_POST
@reviewer_required
def mention_accept(request: HttpRequest, pk: int) -> HttpResponse:
    mention = get_object_or_404(Mention.objects.select_related("article", "source"), pk=pk)
    form = AcceptMentionForm(request.POST)
    if not form.is_valid():
        return _mention_response(request, mention, _form_errors(form))
    try:
        if form.cleaned_data["claim"]:
            claim = get_object_or_404(Claim, pk=form.cleaned_data["claim"])
            services.mention_accept(
                mention=mention,
                by=request.user,
                claim=claim,
                correction=form.cleaned_data["correction"],
            )
        else:
            services.claim_create_from_mention(
                mention=mention,
                statement=form.cleaned_data["statement"],
                by=request.user,
                correction=form.cleaned_data["correction"],
            )
    except (ValidationError, PermissionDenied) as error:
        return _mention_response(request, mention, refusal_text(error))
    return _mention_response(request, mention)


def _is_public_appearance(mention: Mention) -> bool:
    """Readers see this mention: changing it is a correction, with a note."""
    return (
        mention.review_state == Mention.ReviewState.ACCEPTED
        and mention.claim is not None
        and mention.claim.is_published
    )


@require_POST
@reviewer_required
def mention_reject(request: HttpRequest, pk: int) -> HttpResponse:
    mention = get_object_or_404(Mention, pk=pk)
    try:
        services.mention_reject(
            mention=mention,
            by=request.user,
            correction=request.POST.get("correction", ""),
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
        )
    except ValidationError as error:
        return _mention_response(request, mention, refusal_text(error))
    return _mention_response(request, mention)


@require_POST
@reviewer_required
def mention_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo a rejection: the mention waits for a decision again."""
    mention = get_object_or_404(Mention, pk=pk)
    try:
        services.mention_restore(mention=mention, by=request.user)
    except ValidationError as error:
        return _mention_response(request, mention, refusal_text(error))
    return _mention_response(request, mention)


@require_POST
@reviewer_required
def mentions_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept, reject or restore the selected mentions of one article, all or none.

    After a reject the article page offers an Undo that restores exactly those mentions
    (their ids travel in the redirect's ``undo`` parameter; restoring re-checks each one).
    """
    article = get_object_or_404(Article.objects.only("pk"), pk=pk)
    ids = list(Mention.objects.filter(article=article).values_list("pk", flat=True))
    form = BulkForm(request.POST, article_mentions=ids)
    url = reverse("review:article", args=[article.pk])
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(url)
    data = form.cleaned_data
    chosen = list(
        Mention.objects.select_related("article", "source").filter(pk__in=data["mentions"])
    )
    try:
        done = mentions_bulk_review(
            mentions=chosen,
            by=request.user,
            action=data["action"],
            reason=data["reason"],
            note=data["note"],
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, refusal_text(error))
        return redirect(url)
    count = len(done)
    if data["action"] == BulkForm.REJECT and done:
        messages.success(
            request, ngettext("%d statement rejected.", "%d statements rejected.", count) % count
        )
        return redirect(url + "?" + urlencode({"undo": ",".join(str(m.pk) for m in done)}))
    if data["action"] == BulkForm.ACCEPT:
        text = ngettext("%d statement accepted.", "%d statements accepted.", count) % count
    else:
        text = ngettext("%d statement restored.", "%d statements restored.", count) % count
    messages.success(request, text)
    return redirect(url)


def _mention_initial(mention: Mention) -> dict:
    return {
        "words": mention.content,
        "speaker": mention.speaker,
        "speaker_type": mention.speaker_type,
        "cue": mention.cue,
        "quote_type": mention.quote_type,
        "stance": mention.stance,
        "via": "\n".join(mention.via or []),
    }


@reviewer_required
def mention_correct(request: HttpRequest, pk: int) -> HttpResponse:
    mention = get_object_or_404(Mention.objects.select_related("article", "claim"), pk=pk)
    if request.method != "POST":
        form = CorrectMentionForm(initial=_mention_initial(mention))
        return _mention_correct_form(request, mention, form, request.GET.get("number", ""))
    # A field the form did not send keeps its value (an older form, a script posting a span).
    initial = _mention_initial(mention)
    if "start" in request.POST or "end" in request.POST:
        initial["words"] = ""  # offsets sent: the words, if any, are checked against them
    form = CorrectMentionForm({**initial, **request.POST.dict()})
    if not form.is_valid():
        return _mention_response(request, mention, _form_errors(form))
    try:
        services.mention_correct(mention=mention, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        if request.headers.get("HX-Request"):  # keep what was typed, say what is missing
            number = request.POST.get("number", "")
            return _mention_correct_form(request, mention, form, number, refusal_text(error))
        return _mention_response(request, mention, refusal_text(error))
    return _mention_response(request, mention)


def _mention_correct_form(
    request: HttpRequest, mention: Mention, form, number: str, error: str = ""
) -> HttpResponse:
    return render(
        request,
        "claims/review/_mention_correct.html",
        {
            "mention": mention,
            "form": form,
            "number": number,
            "public": _is_public_appearance(mention),
            "error": error,
        },
    )


# --- Claims -------------------------------------------------------------------------------


@require_GET
@reviewer_required
def claim_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    query = clean_text(request.GET.get("q", "")).strip()  # a NUL would fail in PostgreSQL
    claims = selectors.claim_list(status=status, query=query)
    page = Paginator(claims, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "claims/review/claim_list.html",
        {
            "page_obj": page,
            "status": status,
            "q": query,
            "statuses": Claim.Status.choices,
            "create_form": ClaimCreateForm(),  # a claim by hand (selection_views.claim_create)
        },
    )


def _responses(claim: Claim) -> list[Mention]:
    """The claim's responses, each with its sentence ("Pyongyang denied it")."""
    found = list(
        claim.responses.select_related("article__outlet")
        .defer("article__text")
        .order_by("article__published_at", "article__created_at", "start")
    )
    for mention in found:
        mention.sentence = response_sentence(mention)
    return found


@require_GET
@reviewer_required
def claim_workspace(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(
        Claim.objects.select_related(
            "claimant", "verdict", "created_by", "publication_requested_by"
        ),
        pk=pk,
    )
    user = request.user
    # In review the claim is locked (withdrawing the request reopens it); a published claim
    # changes through an editor's correction only. Comments are always fine.
    works_on = can_edit_claim(user, claim)
    locked = claim.status == Claim.Status.IN_REVIEW
    published = claim.status == Claim.Status.PUBLISHED
    claim_alerts = list(alerts_with_cards(claim.alerts.all())[:50])
    accepted = Mention.ReviewState.ACCEPTED
    appearances = list(claim.mentions.in_time_order())
    context = {
        "claim": claim,
        "locked": locked,
        "changes_since_request": services.claim_changes_since_request(claim),
        "pending_change": published_changes.pending_change_of(claim) if published else None,
        "works_on": works_on,
        "can_edit": works_on and not locked and (is_editor(user) or not published),
        "can_add_evidence": works_on and not locked,
        "is_editor": is_editor(user),
        "can_publish": can_publish(user),
        "can_assign": can_assign(user),
        "responses": _responses(claim),
        "alerts": claim_alerts,
        "open_alerts": sum(1 for a in claim_alerts if a.state == Alert.State.OPEN),
        "can_dismiss": can_publish(user),
        "relay": relay_graph(claim, [m for m in appearances if m.review_state == accepted]),
        "appearances": appearances,
        "match_proposals": matching.claim_matches(claim),
        "evidence": claim.evidence.select_related("added_by"),
        "comments": claim.comments.select_related("author"),
        "tasks": claim.tasks.select_related("assignee", "created_by"),
        "corrections": claim.corrections.select_related("created_by", "verdict"),
        "history": selectors.claim_history(claim),
        "problems": services.claim_publication_problems(claim),
        "edit_form": ClaimEditForm(
            initial={
                "statement": claim.statement,
                "claimant": claim.claimant.name if claim.claimant else "",
                "sourcing": claim.sourcing,
            }
        ),
        "verdict_form": VerdictForm(
            initial={"verdict": claim.verdict_id, "conclusion": claim.conclusion}
        ),
        "evidence_form": EvidenceForm(),
        "comment_form": CommentForm(),
        "task_form": TaskForm() if can_assign(user) else None,
        "merge_form": MergeForm(),
        "unpublish_form": UnpublishForm(),
        "today": timezone.localdate(),
    }
    return render(request, "claims/review/claim.html", context)


def _claim_action(
    request: HttpRequest, pk: int, allowed: Callable, form_class, action: Callable, done
) -> HttpResponse:
    """Shared shape of the claim workspace's POST actions: check, validate, call, report."""
    claim = get_object_or_404(Claim.objects.select_related("claimant"), pk=pk)
    require(allowed(request.user, claim), gettext("You are not allowed to do this on this claim."))
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        messages.error(request, _form_errors(form))
    else:
        try:
            result = action(claim, form.cleaned_data if form is not None else {})
            messages.success(request, str(done))
            if isinstance(result, Claim) and result.pk != claim.pk:
                return redirect(result.get_workspace_url())
        except ValidationError as error:
            messages.error(request, refusal_text(error))
    return redirect(claim.get_workspace_url())


@require_POST
@reviewer_required
def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        result = services.claim_update(
            claim=claim,
            by=request.user,
            statement=data["statement"],
            claimant_name=data["claimant"],
            sourcing=data["sourcing"] or None,
            correction=data["correction"],
        )
        _tell_if_pending(request, result)
        return result

    return _claim_action(
        request, pk, can_edit_claim, ClaimEditForm, action, gettext_lazy("Claim saved.")
    )


def _tell_if_pending(request: HttpRequest, claim: Claim) -> None:
    """A ruling change of a published claim waits for a second editor: say so."""
    change = published_changes.pending_change_of(claim)
    if change is not None and change.requested_by_id == request.user.pk:
        messages.info(
            request,
            gettext(
                "Readers keep the published version until a second editor approves your change."
            ),
        )


@require_POST
@reviewer_required
def claim_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        result = services.claim_set_verdict(
            claim=claim,
            by=request.user,
            verdict=data["verdict"],
            conclusion=data["conclusion"],
            correction=data["correction"],
        )
        _tell_if_pending(request, result)
        return result

    return _claim_action(
        request, pk, lambda u, c: is_editor(u), VerdictForm, action, gettext_lazy("Verdict saved.")
    )


@require_POST
@reviewer_required
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Evidence:
        return services.evidence_add(claim=claim, by=request.user, **data)

    return _claim_action(
        request, pk, can_edit_claim, EvidenceForm, action, gettext_lazy("Evidence added.")
    )


@require_POST
@reviewer_required
def evidence_approve(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(Evidence, pk=pk)
    require(is_editor(request.user), gettext("Only editors approve evidence."))
    try:
        services.evidence_approve(
            evidence=evidence, by=request.user, correction=request.POST.get("correction", "")
        )
        messages.success(request, gettext("Evidence approved for the public page."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("review:claim", evidence.claim_id)


@require_POST
@reviewer_required
def comment_add(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict):
        return services.comment_add(claim=claim, by=request.user, body=data["body"])

    return _claim_action(
        request, pk, can_edit_claim, CommentForm, action, gettext_lazy("Comment added.")
    )


@require_POST
@reviewer_required
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Task:
        return services.task_create(claim=claim, by=request.user, **data)

    return _claim_action(
        request, pk, lambda u, c: can_assign(u), TaskForm, action, gettext_lazy("Task assigned.")
    )


@require_POST
@reviewer_required
def task_state(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    require(
        task.assignee_id == request.user.pk or can_assign(request.user), gettext("Not your task.")
    )
    back = request.POST.get("next", "")
    # A path of this site only: redirect() would take a bare word for a URL name.
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = task.claim.get_workspace_url()  # only back to a page of this site
    try:
        services.task_set_state(task=task, by=request.user, state=request.POST.get("state", ""))
        messages.success(request, gettext("Task updated."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect(back)


@require_POST
@reviewer_required
def claim_publish(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        return services.claim_request_publication(claim=claim, by=request.user)

    return _claim_action(
        request, pk, lambda u, c: can_publish(u), None, action,
        gettext_lazy("Publication requested."),
    )


@require_POST
@reviewer_required
def claim_approve(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        return services.claim_approve_publication(claim=claim, by=request.user)

    return _claim_action(
        request, pk, lambda u, c: can_publish(u), None, action, gettext_lazy("Claim published.")
    )


@require_POST
@reviewer_required
def claim_withdraw_request(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        return services.claim_withdraw_publication_request(claim=claim, by=request.user)

    return _claim_action(
        request,
        pk,
        lambda u, c: can_publish(u),
        None,
        action,
        gettext_lazy("Publication request withdrawn: the claim can be changed again."),
    )


@require_POST
@reviewer_required
def claim_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        return services.claim_unpublish(claim=claim, by=request.user, reason=data["reason"])

    return _claim_action(
        request, pk, lambda u, c: can_publish(u), UnpublishForm, action,
        gettext_lazy("Claim unpublished."),
    )


@require_POST
@reviewer_required
def claim_merge(request: HttpRequest, pk: int) -> HttpResponse:
    def action(claim: Claim, data: dict) -> Claim:
        into = get_object_or_404(Claim, pk=data["into"])
        return services.claim_merge(
            claim=claim, into=into, by=request.user, correction=data["correction"]
        )

    return _claim_action(
        request, pk, can_edit_claim, MergeForm, action, gettext_lazy("Claims merged.")
    )


@require_POST
@reviewer_required
def change_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """A second editor approves the ruling change another editor proposed."""
    change = get_object_or_404(PendingChange, pk=pk)
    require(can_publish(request.user), gettext("Only editors approve changes."))
    require(
        change.requested_by_id != request.user.pk,
        gettext("A second editor must approve: you asked for this change."),
    )
    try:
        published_changes.pending_change_approve(change=change, by=request.user)
        messages.success(request, gettext("Change approved: readers see it now."))
    except ValidationError as error:
        messages.error(request, refusal_text(error))
    return redirect("review:claim", change.claim_id)


@require_POST
@reviewer_required
def change_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """The requester takes their proposed ruling change back."""
    change = get_object_or_404(PendingChange, pk=pk)
    require(can_publish(request.user), gettext("Only editors withdraw changes."))
    require(
        change.requested_by_id == request.user.pk,
        gettext("Only the editor who asked for this change withdraws it."),
    )
    published_changes.pending_change_withdraw(change=change, by=request.user)
    messages.success(request, gettext("Change withdrawn."))
    return redirect("review:claim", change.claim_id)


# --- Tasks --------------------------------------------------------------------------------


@require_GET
@reviewer_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    tasks = selectors.tasks_of(request.user)
    return render(
        request,
        "claims/review/my_tasks.html",
        {
            "open": [t for t in tasks if t.state == Task.State.OPEN][:200],
            "closed": [t for t in tasks if t.state != Task.State.OPEN][:50],
        },
    )


@require_GET
@reviewer_required
def board(request: HttpRequest) -> HttpResponse:
    """Editors' board: what waits for their approval, published claims whose source changed
    (the re-check trigger), open alerts, then open tasks by assignee, overdue ones first."""
    require(can_assign(request.user), gettext("The task board is for editors."))
    columns = selectors.board_columns()
    # One query for both lists: the re-check triggers (published claims whose source
    # changed) and the other open alerts.
    open_alerts = list(alerts_open()[:200])
    return render(
        request,
        "claims/review/board.html",
        {
            "columns": columns,
            "overdue_total": sum(c["overdue"] for c in columns),
            "awaiting": selectors.awaiting_approval_of(request.user),
            "source_changed": [a for a in open_alerts if a.is_source_change][:50],
            "alerts": [a for a in open_alerts if not a.is_source_change][:50],
            "can_dismiss": can_publish(request.user),
        },
    )
