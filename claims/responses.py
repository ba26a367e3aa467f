"""Responses: a denial, a "declined to comment", a "could not verify" answers a claim.

A mention whose stance is not `asserts` is never a claim of its own nor its claimant: the
journalist attaches it to the claim it answers (`Mention.responds_to`), and the claim's
workspace, its public page and its ClaimReview show it as a response, in plain words
("Pyongyang denied it", "the spokesman declined to comment to the WSJ").
"""

from collections import defaultdict
from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims import decisions, drift
from claims.models import Claim, Mention, ReviewDecision
from claims.permissions import can_review, require
from claims.public.cache import public_cache_invalidate


def response_sentence(mention: Mention) -> str:
    """The response in one sentence, in the interface language."""
    speaker = mention.speaker or (
        mention.article.outlet.name
        if mention.stance == Mention.Stance.CANNOT_VERIFY and mention.article.outlet_id
        else _("an unidentified source")
    )
    via = ", ".join(mention.via or [])
    values = {"speaker": speaker, "via": via}
    if mention.stance == Mention.Stance.DENIES:
        if via:
            return _("%(speaker)s denied it, according to %(via)s") % values
        return _("%(speaker)s denied it") % values
    if mention.stance == Mention.Stance.DECLINES_COMMENT:
        if via:
            return _("%(speaker)s declined to comment to %(via)s") % values
        return _("%(speaker)s declined to comment") % values
    if mention.stance == Mention.Stance.CANNOT_VERIFY:
        return _("%(speaker)s could not verify it") % values
    return _("%(speaker)s responded") % values


NOT_A_CLAIM = gettext_lazy(
    "This statement is a response (a denial, a refusal to comment, a failed verification), "
    "not a claim of its own: attach it to the claim it answers, or correct its stance first."
)


def response_attach(
    *, mention: Mention, claim: Claim, by: AbstractBaseUser, correction: str = ""
) -> Mention:
    """Accept a non-asserting mention as a response to `claim`.

    A response that readers will see (to a published claim) is a public change: an editor,
    with a note for the correction log, as for a new appearance.
    """
    from claims import services  # services imports this module

    require(can_review(by), _("Only journalists and editors review mentions."))
    if not mention.is_response:
        raise ValidationError(
            _("This statement asserts something: accept it as a claim or an appearance of one.")
        )
    if mention.responds_to_id == claim.pk and mention.review_state == Mention.ReviewState.ACCEPTED:
        return mention
    before = decisions.mention_fields(mention)
    with transaction.atomic():
        # The claim it leaves (an appearance's or a response's), when readers see it there:
        # mention_check_change asks for the editor and the note.
        previous = services.mention_check_change(
            mention=mention, by=by, correction=correction, into=claim
        )
        public = Claim.objects.published().filter(pk=claim.pk).exists()
        if public:  # as mention_accept: readers see a new response
            services._require_public_change(by=by, correction=correction)
            services._correction_log(claim=claim, by=by, correction=correction)
        if previous is not None and previous.pk != claim.pk:
            services._correction_log(claim=previous, by=by, correction=correction)
        mention.claim = None
        mention.responds_to = claim
        mention.review_state = Mention.ReviewState.ACCEPTED
        mention.save(update_fields=["claim", "responds_to", "review_state"])
        drift.claim_check_drift(claim=claim)  # appearances after it that leave it out
        decisions.decision_record(
            mention=mention, kind=ReviewDecision.Kind.RESPONSE, by=by, before=before
        )
    if public or previous is not None:
        public_cache_invalidate()
    return mention


def response_candidates(
    mentions: Sequence[Mention], suggestions: dict[int, list], *, limit: int = 3
) -> dict[int, list[Claim]]:
    """For each pending response, the claims it may answer, best first: claims of the same
    article (the nearest statement before it first, then after it), then claims that look
    like it (`suggestions`, from claims.similarity). Two queries for the whole page."""
    responses = [m for m in mentions if m.is_response]
    if not responses:
        return {}
    articles = {m.article_id for m in responses}
    in_article = defaultdict(list)
    rows = (
        Mention.objects.filter(article_id__in=articles, claim__isnull=False)
        .select_related("claim__claimant")
        .order_by("start")
    )
    for row in rows:
        in_article[row.article_id].append(row)
    found = {}
    for mention in responses:
        ranked = sorted(
            in_article[mention.article_id],
            key=lambda m: (m.start > mention.start, abs(mention.start - m.start)),
        )
        claims, seen = [], set()
        for candidate in [m.claim for m in ranked] + [
            c for c, _s in suggestions.get(mention.pk, [])
        ]:
            if candidate.pk not in seen:
                seen.add(candidate.pk)
                claims.append(candidate)
        found[mention.pk] = claims[:limit]
    return found
