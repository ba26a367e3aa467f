"""Editors keep the record of sources (claims.source_records): merge, split, rename, type,
aliases."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import services
from claims.models import Claim, Correction, Mention, Source, SourceAlias, SourceEvent
from claims.source_records import (
    source_alias_add,
    source_alias_remove,
    source_merge,
    source_rename,
    source_set_kind,
    source_split,
)
from tests.factories import ArticleFactory, ClaimFactory, MentionFactory

pytestmark = pytest.mark.django_db

PERSON = Source.Kind.PERSON


def named(name: str, kind: str = PERSON) -> Source:
    return services.source_get_or_create(name=name, kind=kind)


def test_merge_moves_mentions_claims_aliases_and_log_and_deletes_the_merged_source(editor):
    typo, canonical = named("Jean Dupond"), named("Jean Dupont")
    SourceAlias.objects.create(source=typo, alias="J. Dupond", normalized="j dupond")
    mention = MentionFactory(source=typo)
    claim = ClaimFactory(claimant=typo)
    source_rename(source=typo, name="Jean  Dupond ", by=editor)  # same name: no event
    source_alias_add(source=typo, alias="Dupond", by=editor)

    typo_id = typo.pk
    result = source_merge(source=typo, into=canonical, by=editor)

    assert result == canonical and not Source.objects.filter(pk=typo_id).exists()
    mention.refresh_from_db()
    claim.refresh_from_db()
    assert mention.source == canonical and claim.claimant == canonical
    assert set(canonical.aliases.values_list("normalized", flat=True)) == {
        "j dupond",
        "dupond",
        "jean dupond",  # the merged name
    }
    event = canonical.events.get(action=SourceEvent.Action.MERGED)
    assert event.by == editor and event.merged_source_id == typo_id
    assert event.detail["mentions"] == 1 and event.detail["claims"] == 1
    # The merged source's own log came along.
    assert canonical.events.filter(action=SourceEvent.Action.ALIAS_ADDED).exists()


def test_after_a_merge_extraction_maps_the_old_name_to_the_canonical_source(editor):
    typo, canonical = named("Jean Dupond"), named("Jean Dupont")
    source_merge(source=typo, into=canonical, by=editor)

    article = ArticleFactory(
        text="Jean Dupond said that the bridge would close in May.", status="queued"
    )
    services.article_extract_claims(article=article)

    mention = Mention.objects.get(article=article)
    assert mention.speaker == "Jean Dupond"
    assert mention.source == canonical
    assert services.source_get_or_create(name="Jean Dupond", kind=PERSON) == canonical
    assert services.sources_for_speakers([("JEAN DUPOND", PERSON)]) == [canonical]
    assert Source.objects.filter(normalized_name="jean dupond").count() == 0


def test_a_source_is_never_merged_into_itself_nor_into_an_anonymous_source(editor):
    source = named("Jean Dupont")
    anonymous = named("a senior official", Source.Kind.ANONYMOUS)
    with pytest.raises(ValidationError, match="into itself"):
        source_merge(source=source, into=source, by=editor)
    with pytest.raises(ValidationError, match="anonymous"):
        source_merge(source=source, into=anonymous, by=editor)
    assert Source.objects.filter(pk=source.pk).exists()


def test_an_anonymous_source_merged_into_a_named_one_leaves_no_alias(editor):
    anonymous = named("a senior official", Source.Kind.ANONYMOUS)
    minister = named("Paul Martin")
    MentionFactory(source=anonymous)
    source_merge(source=anonymous, into=minister, by=editor)
    assert minister.mentions.count() == 1
    assert not SourceAlias.objects.exists()  # "a senior official" is nobody's name
    assert named("a senior official", Source.Kind.ANONYMOUS) != minister


def test_only_editors_change_sources(journalist):
    source, other = named("Jean Dupond"), named("Jean Dupont")
    for action in (
        lambda: source_merge(source=source, into=other, by=journalist),
        lambda: source_rename(source=source, name="X", by=journalist),
        lambda: source_set_kind(source=source, kind=Source.Kind.GROUP, by=journalist),
        lambda: source_alias_add(source=source, alias="JD", by=journalist),
        lambda: source_split(
            source=source, mentions=[MentionFactory(source=source)], name="Y", kind=PERSON,
            by=journalist,
        ),
    ):  # fmt: skip
        with pytest.raises(PermissionDenied):
            action()
    assert Source.objects.filter(pk=source.pk, name="Jean Dupond").exists()
    assert not SourceEvent.objects.exists()


def test_rename_keeps_the_old_name_as_an_alias_and_refuses_a_name_already_taken(editor):
    source = named("Wall St Journal", Source.Kind.PUBLICATION)
    other = named("Le Monde", Source.Kind.PUBLICATION)
    source_rename(source=source, name="The Wall Street Journal", by=editor)
    source.refresh_from_db()
    assert source.name == "The Wall Street Journal"
    assert source.normalized_name == "wall street journal"
    assert named("Wall St Journal", Source.Kind.PUBLICATION) == source
    assert named("WSJ", Source.Kind.PUBLICATION) == source
    event = source.events.get()
    assert event.action == SourceEvent.Action.RENAMED and event.detail["old"] == "Wall St Journal"
    with pytest.raises(ValidationError, match="merge this source into it"):
        source_rename(source=other, name="WSJ", by=editor)


def test_aliases_are_added_and_removed_with_clear_refusals(editor):
    journal = named("Wall Street Journal", Source.Kind.PUBLICATION)
    monde = named("Le Monde", Source.Kind.PUBLICATION)
    alias = source_alias_add(source=journal, alias="Le Journal de Wall Street", by=editor)
    assert named("journal de wall street", Source.Kind.PUBLICATION) == journal
    with pytest.raises(ValidationError, match="already an alias of Wall Street Journal"):
        source_alias_add(source=monde, alias="le journal de Wall Street", by=editor)
    with pytest.raises(ValidationError, match="already this source's name"):
        source_alias_add(source=journal, alias="WSJ", by=editor)
    with pytest.raises(ValidationError, match="name of another source"):
        source_alias_add(source=journal, alias="Monde", by=editor)
    with pytest.raises(ValidationError, match="no aliases"):
        source_alias_add(
            source=named("a diplomat", Source.Kind.ANONYMOUS), alias="diplomat", by=editor
        )
    source_alias_remove(alias=alias, by=editor)
    assert not SourceAlias.objects.exists()
    assert list(journal.events.values_list("action", flat=True)) == [
        SourceEvent.Action.ALIAS_REMOVED,
        SourceEvent.Action.ALIAS_ADDED,
    ]


def test_a_named_source_never_becomes_anonymous_by_a_change_of_type(editor):
    source = named("Paul Martin")
    with pytest.raises(ValidationError, match="cannot become anonymous"):
        source_set_kind(source=source, kind=Source.Kind.ANONYMOUS, by=editor)
    source_set_kind(source=source, kind=Source.Kind.GOVERNMENT, by=editor)
    source.refresh_from_db()
    assert source.kind == Source.Kind.GOVERNMENT
    assert source.events.get().detail == {"old": "person", "new": "government"}


def test_split_moves_the_chosen_mentions_and_the_claims_they_alone_justify(editor):
    martin = named("Paul Martin")
    moved = [MentionFactory(source=martin) for _ in range(2)]
    kept = MentionFactory(source=martin)
    only_moved = ClaimFactory(claimant=martin)
    moved[0].claim = only_moved
    moved[0].save()
    shared = ClaimFactory(claimant=martin)  # also justified by a mention that stays
    for mention in (moved[1], kept):
        mention.claim = shared
        mention.save()

    other = source_split(
        source=martin, mentions=moved, name="Paul Martin (the singer)", kind=PERSON, by=editor
    )

    assert other.pk != martin.pk and other.name == "Paul Martin (the singer)"
    assert set(other.mentions.all()) == set(moved)
    assert list(martin.mentions.all()) == [kept]
    only_moved.refresh_from_db()
    shared.refresh_from_db()
    assert only_moved.claimant == other and shared.claimant == martin
    assert martin.events.get().detail["to_id"] == other.pk
    assert other.events.get().detail["from_id"] == martin.pk


def test_split_of_a_published_claimant_needs_a_correction_note(editor, publish):
    martin = named("Paul Martin")
    claim = publish(claimant=martin)
    mention = MentionFactory(source=martin, claim=claim, review_state="accepted")
    with pytest.raises(ValidationError, match="correction note"):
        source_split(source=martin, mentions=[mention], name="Paul Marten", kind=PERSON, by=editor)
    mention.refresh_from_db()
    assert mention.source == martin  # nothing moved
    other = source_split(
        source=martin, mentions=[mention], name="Paul Marten", kind=PERSON, by=editor,
        correction="The claim was made by Paul Marten, not Paul Martin.",
    )  # fmt: skip
    claim.refresh_from_db()
    assert claim.claimant == other
    assert Correction.objects.get(claim=claim).text.startswith("The claim was made")


def test_split_refuses_mentions_of_another_source_and_its_own_name(editor):
    martin, other = named("Paul Martin"), named("Jean Dupont")
    foreign = MentionFactory(source=other)
    with pytest.raises(ValidationError, match="not this source's"):
        source_split(source=martin, mentions=[foreign], name="Someone", kind=PERSON, by=editor)
    own = MentionFactory(source=martin)
    with pytest.raises(ValidationError, match="own name"):
        source_split(source=martin, mentions=[own], name="paul martin", kind=PERSON, by=editor)
    with pytest.raises(ValidationError, match="Choose the mentions"):
        source_split(source=martin, mentions=[], name="Someone", kind=PERSON, by=editor)


def test_a_claim_in_review_cannot_be_approved_after_its_claimant_was_merged(
    editor, editor2, ratings
):
    typo, canonical = named("Jean Dupond"), named("Jean Dupont")
    claim = ClaimFactory(claimant=typo, verdict=ratings["false"], conclusion="No.")
    claim.evidence.create(title="Minutes", is_approved=True)
    services.claim_request_publication(claim=claim, by=editor)
    source_merge(source=typo, into=canonical, by=editor)
    claim.refresh_from_db()
    with pytest.raises(ValidationError, match="claimant"):
        services.claim_approve_publication(claim=claim, by=editor2)
    assert not Claim.objects.published().exists()


def test_a_claims_history_still_names_a_claimant_merged_since(journalist, editor):
    from claims import selectors

    claim = services.claim_create(
        statement="The bridge closes in May", claimant_name="Jean Dupond", by=journalist
    )
    services.claim_update(
        claim=claim, by=journalist, statement=claim.statement, claimant_name="Jean Dupont"
    )
    source_merge(source=named("Jean Dupond"), into=named("Jean Dupont"), by=editor)
    text = str(selectors.claim_history(claim))
    assert "Jean Dupond" in text and "since deleted" not in text
