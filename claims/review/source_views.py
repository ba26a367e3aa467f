"""The newsroom's pages of speakers (Source) and publishers (Outlet): journalists and
editors read them; editors rename, retype, alias, merge and split sources
(claims.source_records). Readers get the login page or 403, as on every newsroom page."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from articles.models import Outlet
from claims import source_profiles, source_records
from claims.models import Mention, Source, SourceAlias
from claims.paging import UncountedPage
from claims.permissions import is_editor, refusal_text, require
from claims.review.source_forms import AliasForm, KindForm, MergeSourceForm, RenameForm, SplitForm
from claims.review.views import _form_errors, reviewer_required
from claims.source_names import name_key
from claimtrack.text import clean_text

SOURCES_PER_PAGE = 50
CLAIMS_PER_PAGE = 20
MENTIONS_PER_PAGE = 30


def source_search(*, query: str = "", kind: str = ""):
    """Sources whose name or an alias contains the words, by name."""
    sources = Source.objects.all()
    if kind in Source.Kind.values:
        sources = sources.filter(kind=kind)
    if query:
        key = name_key(query)
        sources = sources.filter(
            Q(name__icontains=query)
            | Q(normalized_name__contains=key)
            | Q(pk__in=SourceAlias.objects.filter(normalized__contains=key).values("source_id"))
        )
    return sources.order_by("name", "id")


@require_GET
@reviewer_required
def source_list(request: HttpRequest) -> HttpResponse:
    query = clean_text(request.GET.get("q", "")).strip()[:300]
    kind = request.GET.get("kind", "")
    page = UncountedPage(
        source_search(query=query, kind=kind), request.GET.get("page"), SOURCES_PER_PAGE
    )
    counts = dict(
        Mention.objects.filter(source__in=[s.pk for s in page.object_list])
        .values("source_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("source_id", "n")
    )
    for source in page.object_list:
        source.mention_count = counts.get(source.pk, 0)
    return render(
        request,
        "claims/review/source_list.html",
        {"page_obj": page, "q": query, "kind": kind, "kinds": Source.Kind.choices},
    )


@require_GET
@reviewer_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything the newsroom knows of a source, in a bounded number of queries: a page of
    its claims, a page of its mentions, counts made in SQL."""
    source = get_object_or_404(Source, pk=pk)
    mentions = source_profiles.source_mentions(source, public=False)
    claims = source_profiles.claim_page(
        source_profiles.source_claims(source, public=False),
        request.GET.get("page"),
        CLAIMS_PER_PAGE,
    )
    recent = UncountedPage(
        Mention.objects.filter(source=source)
        .select_related("article__outlet", "claim")
        .defer("article__text", "claim__publication_snapshot")
        .order_by("-id"),
        request.GET.get("mentions"),
        MENTIONS_PER_PAGE,
    )
    editor = is_editor(request.user)
    profile = source_profiles.profile_build(mentions, outlets=True, states=True)
    if source.is_anonymous:  # every statement of an anonymous source rests on it
        profile.anonymous = profile.total
    context = {
        "source": source,
        "aliases": list(source.aliases.all()),
        "events": list(source.events.select_related("by")[:50]),
        "profile": profile,
        "states": profile.states,
        "claims_page": claims,
        "mentions_page": recent,
        "is_editor": editor,
        "has_public_page": source_profiles.source_is_public(source),
    }
    if editor:
        context.update(
            # Several forms on one page: ids of their own (auto_id), names as posted.
            rename_form=RenameForm(initial={"name": source.name}, auto_id="rename-%s"),
            kind_form=KindForm(initial={"kind": source.kind}, auto_id="kind-%s"),
            alias_form=AliasForm(auto_id="alias-%s"),
            merge_form=MergeSourceForm(auto_id="merge-%s"),
            split_form=SplitForm(initial={"kind": source.kind}, auto_id="split-%s"),
        )
    return render(request, "claims/review/source_detail.html", context)


def _source_action(
    request: HttpRequest, pk: int, form_class, action: Callable, done: str
) -> HttpResponse:
    """An editor's change to a source: check, validate, call the service, say what happened;
    back to the source's page (or to the one it was merged into)."""
    require(is_editor(request.user), gettext("Only editors change the record of a source."))
    source = get_object_or_404(Source, pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect(source.get_newsroom_url())
    try:
        result = action(source, form.cleaned_data)
    except ValidationError as error:
        messages.error(request, refusal_text(error))
        return redirect(source.get_newsroom_url())
    messages.success(request, done)
    if isinstance(result, Source):
        return redirect(result.get_newsroom_url())
    return redirect(source.get_newsroom_url())


@require_POST
@reviewer_required
def source_rename(request: HttpRequest, pk: int) -> HttpResponse:
    def action(source: Source, data: dict) -> Source:
        return source_records.source_rename(
            source=source, name=data["name"], by=request.user, correction=data["correction"]
        )

    return _source_action(request, pk, RenameForm, action, gettext("Source renamed."))


@require_POST
@reviewer_required
def source_kind(request: HttpRequest, pk: int) -> HttpResponse:
    def action(source: Source, data: dict) -> Source:
        return source_records.source_set_kind(
            source=source, kind=data["kind"], by=request.user, correction=data["correction"]
        )

    return _source_action(request, pk, KindForm, action, gettext("Type changed."))


@require_POST
@reviewer_required
def source_alias_add(request: HttpRequest, pk: int) -> HttpResponse:
    def action(source: Source, data: dict) -> None:
        source_records.source_alias_add(source=source, alias=data["alias"], by=request.user)

    return _source_action(request, pk, AliasForm, action, gettext("Alias added."))


@require_POST
@reviewer_required
def source_alias_remove(request: HttpRequest, pk: int, alias_pk: int) -> HttpResponse:
    require(is_editor(request.user), gettext("Only editors change the record of a source."))
    alias = get_object_or_404(SourceAlias, pk=alias_pk, source_id=pk)
    source_records.source_alias_remove(alias=alias, by=request.user)
    messages.success(request, gettext("Alias removed."))
    return redirect("review:source", pk)


def merge_target(text: str) -> Source:
    """The source an editor means by "no. 12", "12" or an exact name (or alias)."""
    text = " ".join(clean_text(text).split())
    number = text.lower().removeprefix("no.").removeprefix("no").removeprefix("#").strip()
    if number.isdigit():
        found = Source.objects.filter(pk=int(number)).first()
        if found is None:
            raise ValidationError(gettext("There is no source no. %(id)s.") % {"id": number})
        return found
    key = name_key(text)
    named = list(Source.objects.exclude(kind=Source.Kind.ANONYMOUS).filter(normalized_name=key)[:3])
    if not named:
        alias = SourceAlias.objects.filter(normalized=key).select_related("source").first()
        named = [alias.source] if alias else []
    if not named:
        raise ValidationError(
            gettext("No named source is called “%(name)s”: give its number (as no. 12).")
            % {"name": text}
        )
    if len(named) > 1:
        choices = ", ".join(f"{s.name} ({s.get_kind_display()}, no. {s.pk})" for s in named)
        raise ValidationError(
            gettext("Several sources are called so (%(choices)s): give the number.")
            % {"choices": choices}
        )
    return named[0]


@require_POST
@reviewer_required
def source_merge(request: HttpRequest, pk: int) -> HttpResponse:
    def action(source: Source, data: dict) -> Source:
        into = merge_target(data["into"])
        return source_records.source_merge(
            source=source, into=into, by=request.user, correction=data["correction"]
        )

    return _source_action(request, pk, MergeSourceForm, action, gettext("Sources merged."))


@require_POST
@reviewer_required
def source_split(request: HttpRequest, pk: int) -> HttpResponse:
    ids = [int(i) for i in request.POST.getlist("mentions") if i.isdigit()][:1000]

    def action(source: Source, data: dict) -> Source:
        return source_records.source_split(
            source=source,
            mentions=list(Mention.objects.filter(pk__in=ids)),
            name=data["name"],
            kind=data["kind"],
            by=request.user,
            correction=data["correction"],
        )

    return _source_action(
        request, pk, SplitForm, action, gettext("Mentions moved to the other speaker.")
    )


@require_GET
@reviewer_required
def outlet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """What an outlet carried: its claims, its mentions' stances and relays, its speakers."""
    outlet = get_object_or_404(Outlet, pk=pk)
    mentions = source_profiles.outlet_mentions(outlet, public=False)
    profile = source_profiles.profile_build(mentions, speakers=True, states=True)
    return render(
        request,
        "claims/review/outlet_detail.html",
        {
            "outlet": outlet,
            "profile": profile,
            "states": profile.states,
            "claims_page": source_profiles.claim_page(
                source_profiles.outlet_claims(outlet, public=False),
                request.GET.get("page"),
                CLAIMS_PER_PAGE,
            ),
            "has_public_page": source_profiles.outlet_is_public(outlet),
        },
    )
